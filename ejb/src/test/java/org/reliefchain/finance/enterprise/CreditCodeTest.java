package org.reliefchain.finance.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.reliefchain.platform.InvalidInputException;

class CreditCodeTest {

    @Test
    void published_codes_pass_and_a_typed_lower_case_code_with_spaces_is_read() {
        assertThat(CreditCode.parse("creditCode", "91110000600037341L").value()).isEqualTo("91110000600037341L");
        assertThat(CreditCode.parse("creditCode", "9144 0300 7084 6113 6t").value()).isEqualTo("91440300708461136T");
    }

    @Test
    void a_wrong_check_character_is_refused_naming_the_field() {
        assertThatThrownBy(() -> CreditCode.parse("creditCode", "91110000600037341M"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("creditCode");
                    assertThat(e.errors().get(0).code()).isEqualTo("credit-code-check");
                });
        assertThatThrownBy(() -> CreditCode.parse("creditCode", "9111000060003734"))
                .hasMessageContaining("18 characters");
        assertThatThrownBy(() -> CreditCode.parse("creditCode", "91110000600O37341L"))
                .hasMessageContaining("character 12 (O)");
        assertThatThrownBy(() -> CreditCode.parse("creditCode", "91AB0000600037341L"))
                .hasMessageContaining("division");
    }

    /** The check character catches every single mistyped character (the standard's promise). */
    @Property(tries = 300)
    void changing_any_one_character_breaks_the_check(@ForAll @IntRange(min = 0, max = 16) int position,
                                                    @ForAll @IntRange(min = 1, max = 30) int shift) {
        String good = "91110000600037341L";
        if (position >= 2 && position < 8) {
            shift = shift % 9 + 1; // the division part stays digits
            char digit = (char) ('0' + (good.charAt(position) - '0' + shift) % 10);
            String bad = good.substring(0, position) + digit + good.substring(position + 1);
            assertThat(CreditCode.valid(bad)).as(bad).isFalse();
            return;
        }
        int index = CreditCode.ALPHABET.indexOf(good.charAt(position));
        char other = CreditCode.ALPHABET.charAt((index + shift) % 31);
        String bad = good.substring(0, position) + other + good.substring(position + 1);
        assertThat(CreditCode.valid(bad)).as(bad).isFalse();
    }
}
