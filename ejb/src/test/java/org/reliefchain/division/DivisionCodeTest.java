package org.reliefchain.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reliefchain.platform.InvalidInputException;

class DivisionCodeTest {

    @Test
    void the_code_length_tells_the_level() {
        assertThat(DivisionCode.of("33").level()).isEqualTo(DivisionLevel.PROVINCE);
        assertThat(DivisionCode.of("3301").level()).isEqualTo(DivisionLevel.CITY);
        assertThat(DivisionCode.of("330127").level()).isEqualTo(DivisionLevel.COUNTY);
        assertThat(DivisionCode.of("330127100").level()).isEqualTo(DivisionLevel.TOWNSHIP);
        assertThat(DivisionCode.of("330127100201").level()).isEqualTo(DivisionLevel.VILLAGE);
    }

    @Test
    void text_that_is_not_a_code_is_refused_naming_the_field() {
        for (String bad : new String[] {null, "", "3", "330", "33012a", "3301271", "33 01", "3301271002011"}) {
            assertThatThrownBy(() -> DivisionCode.parse("jurisdiction", bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("jurisdiction"));
        }
    }

    @Test
    void codes_are_values() {
        assertThat(DivisionCode.of("3301")).isEqualTo(DivisionCode.of("3301")).hasSameHashCodeAs(DivisionCode.of("3301"));
        assertThat(DivisionCode.of("3301").contains(DivisionCode.of("330127"))).isTrue();
        assertThat(DivisionCode.of("330127").contains(DivisionCode.of("3301"))).isFalse();
    }

    @Test
    void csv_lines_with_a_quoted_english_name_split_into_nine_fields() {
        assertThat(DivisionLoader.splitCsv("331,33,CITY,某市,\"Mou, City\",,120.1,30.2,SYNTHETIC"))
                .containsExactly("331", "33", "CITY", "某市", "Mou, City", "", "120.1", "30.2", "SYNTHETIC");
    }
}
