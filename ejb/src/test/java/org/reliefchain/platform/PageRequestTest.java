package org.reliefchain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaults_to_the_first_page_of_fifty() {
        PageRequest p = PageRequest.of(null, null);
        assertThat(p.page()).isZero();
        assertThat(p.size()).isEqualTo(50);
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(60);
    }

    @Test
    void a_page_holds_at_most_five_hundred_items() {
        assertThat(PageRequest.of(0, 500).size()).isEqualTo(500);
        assertThatThrownBy(() -> PageRequest.of(0, 501)).isInstanceOf(InvalidInputException.class)
                .hasMessage("size: must be between 1 and 500");
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).hasMessage("page: must be between 0 and 1000000");
    }

    @Test
    void the_last_page_anyone_may_ask_for_keeps_its_offset_within_an_int() {
        assertThat(PageRequest.of(PageRequest.MAX_PAGE, 500).offset()).isEqualTo(500_000_000);
        assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessage("page: must be between 0 and 1000000");
    }
}
