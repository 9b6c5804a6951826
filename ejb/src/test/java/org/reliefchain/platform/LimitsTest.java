package org.reliefchain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Dates and text the database can hold, refused with a code a screen can word. */
class LimitsTest {

    @Test
    void dates_are_taken_between_the_years_1900_and_9999() {
        assertThat(Limits.date("expiryDate", "2027-06-30")).isEqualTo(LocalDate.of(2027, 6, 30));
        for (String far : new String[] {"1899-12-31", "+10000-01-01", "-5000-01-01", "+999999999-12-31"}) {
            assertThatThrownBy(() -> Limits.date("expiryDate", far)).as(far)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).code()).isIn("date-range", "date"));
        }
        assertThatThrownBy(() -> Limits.instant("occurredAt", "+999999999-12-31T00:00:00Z"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("date-range"));
    }

    @Test
    void control_characters_are_refused_but_line_breaks_and_chinese_text_are_not() {
        assertThat(Limits.hasControlCharacter("a\u0000b")).isTrue();
        assertThat(Limits.hasControlCharacter("bell\u0007")).isTrue();
        assertThat(Limits.hasControlCharacter("c1\u0085")).isTrue();
        assertThat(Limits.hasControlCharacter("第一行\n第二行\t备注")).isFalse();
    }
}
