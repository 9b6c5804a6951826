package org.reliefchain.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;

/** The limits every JSON body and query number meets, named by the field a client sent. */
class InputGuardTest {

    private static List<FieldError> inspect(String json) {
        return InputGuard.inspect(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_nul_character_in_any_string_is_refused_naming_its_field() {
        assertThat(inspect("{\"lines\":[{\"material\":\"TENT\",\"note\":\"a\\u0000b\"}]}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lines[0].note", "control-characters"));
    }

    @Test
    void a_null_inside_a_list_is_refused_with_its_position() {
        assertThat(inspect("{\"lines\":[{\"material\":\"TENT\"},null]}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lines[1]", "null-element"));
    }

    @Test
    void numbers_no_column_holds_are_refused_and_ordinary_ones_pass() {
        assertThat(inspect("{\"floorAreaM2\":1e15}")).extracting(FieldError::code).containsExactly("too-large");
        assertThat(inspect("{\"volumeM3\":1e-400}")).extracting(FieldError::code).containsExactly("decimals");
        assertThat(inspect("{\"lon\":120.30000000000000004,\"lat\":28.35,\"capacityKg\":12000.5,\"n\":0}")).isEmpty();
    }

    @Test
    void dates_outside_the_years_1900_to_9999_are_refused_and_plain_text_is_not_read_as_a_date() {
        assertThat(inspect("{\"expiryDate\":\"+999999999-12-31\"}")).extracting(FieldError::code)
                .containsExactly("date-range");
        assertThat(inspect("{\"at\":\"-5000-01-01T00:00:00Z\"}")).extracting(FieldError::code)
                .containsExactly("date-range");
        assertThat(inspect("{\"expiryDate\":\"2027-06-30\",\"note\":\"received 1899 tents\"}")).isEmpty();
    }

    @Test
    void a_string_longer_than_any_column_is_refused_and_text_that_is_not_json_is_left_to_the_reader() {
        assertThat(inspect("{\"note\":\"" + "x".repeat(InputGuard.MAX_JSON_STRING + 1) + "\"}"))
                .extracting(FieldError::code).containsExactly("length");
        assertThat(inspect("{\"note\":")).isEmpty();
    }

    @Test
    void query_numbers_take_ascii_digits_only_and_stay_within_their_type() {
        assertThat(NumberParams.whole("page", "12", 0, 100)).isEqualTo(12);
        assertThatThrownBy(() -> NumberParams.whole("page", "١٢", 0, 100)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page");
        assertThatThrownBy(() -> NumberParams.whole("page", "abc", 0, 100)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NumberParams.whole("id", "9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between");
    }
}
