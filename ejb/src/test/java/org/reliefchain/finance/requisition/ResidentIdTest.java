package org.reliefchain.finance.requisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.reliefchain.platform.InvalidInputException;

class ResidentIdTest {

    @Test
    void the_standards_examples_pass_and_a_lower_case_x_is_read() {
        assertThat(ResidentId.parse("idNumber", "11010519491231002X").value()).isEqualTo("11010519491231002X");
        assertThat(ResidentId.parse("idNumber", "11010519491231002x").value()).isEqualTo("11010519491231002X");
        assertThat(ResidentId.parse("idNumber", "440524188001010014").value()).isEqualTo("440524188001010014");
    }

    @Test
    void a_wrong_check_digit_is_refused_naming_the_field() {
        assertThatThrownBy(() -> ResidentId.parse("idNumber", "110105194912310021"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("idNumber");
                    assertThat(e.errors().get(0).code()).isEqualTo("id-number-check");
                });
        assertThatThrownBy(() -> ResidentId.parse("idNumber", "11010519491231002"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("id-number-format"));
        assertThatThrownBy(() -> ResidentId.parse("idNumber", "110105194902300028"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("id-number-birth"));
        assertThatThrownBy(() -> ResidentId.parse("idNumber", " "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("required"));
    }

    @Test
    void masked_shows_the_region_and_the_last_four_only() {
        assertThat(ResidentId.mask("11010519491231002X")).isEqualTo("110105********002X");
    }

    /** MOD 11-2 catches every single mistyped digit: no digit changed anywhere keeps the check character. */
    @Property(tries = 400)
    void changing_any_one_digit_breaks_the_check(@ForAll @IntRange(min = 0, max = 16) int position,
                                                 @ForAll @IntRange(min = 1, max = 9) int shift) {
        String good = "11010519491231002X";
        char changed = (char) ('0' + (good.charAt(position) - '0' + shift) % 10);
        String bad = good.substring(0, position) + changed + good.substring(position + 1);
        assertThat(ResidentId.checkCharacter(bad)).isNotEqualTo('X');
    }

    /** Any 17 digits with their computed check character is accepted when the date is real. */
    @Property(tries = 200)
    void a_number_with_its_computed_check_character_is_valid(@ForAll @IntRange(min = 0, max = 999) int sequence,
                                                              @ForAll @IntRange(min = 1, max = 28) int day) {
        String first17 = "330102" + "1985" + "07" + String.format("%02d", day) + String.format("%03d", sequence);
        String id = first17 + ResidentId.checkCharacter(first17 + "0");
        assertThat(ResidentId.parse("idNumber", id).value()).isEqualTo(id);
    }
}
