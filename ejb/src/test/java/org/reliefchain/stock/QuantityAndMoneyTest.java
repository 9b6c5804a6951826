package org.reliefchain.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.reliefchain.platform.InvalidInputException;

class QuantityAndMoneyTest {

    @Test
    void quantities_add_exactly_and_print_as_people_write_them() {
        Quantity q = Quantity.parsePositive("quantity", "12.5").plus(Quantity.of("0.125"));
        assertThat(q.toString()).isEqualTo("12.625");
        assertThat(Quantity.of("3.000").toString()).isEqualTo("3");
        assertThat(Quantity.of("1200").toString()).isEqualTo("1200");
        assertThat(Quantity.of("5").negate().toString()).isEqualTo("-5");
        assertThat(Quantity.of("0.1").plus(Quantity.of("0.2"))).isEqualTo(Quantity.of("0.3"));
    }

    @Test
    void a_movement_quantity_must_be_a_positive_number_with_at_most_three_decimals() {
        for (String bad : new String[] {"0", "-1", "abc", "1.0001", "1e3x", ""}) {
            assertThatThrownBy(() -> Quantity.parsePositive("quantity", bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("quantity"));
        }
        assertThatThrownBy(() -> Quantity.parsePositive("quantity", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void money_has_two_decimals_and_a_currency() {
        Money m = Money.parse("unitCost", "35.8", "CNY");
        assertThat(m.amount()).isEqualTo(new BigDecimal("35.80"));
        assertThatThrownBy(() -> Money.parse("unitCost", "35.801", "CNY")).hasMessageContaining("unitCost.amount");
        assertThatThrownBy(() -> Money.parse("unitCost", "35", "yuan")).hasMessageContaining("unitCost.currency");
        assertThatThrownBy(() -> Money.parse("unitCost", "-1", "CNY")).hasMessageContaining("must not be negative");
    }

    @Test
    void digits_other_than_ascii_and_exponents_past_any_column_are_not_numbers() {
        for (String bad : new String[] {"١٢", "１２", "٣.٥", "1e-400", "1e400", "0x10", "NaN", "Infinity"}) {
            assertThatThrownBy(() -> Quantity.parsePositive("quantity", bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).code()).isIn("number", "decimals"));
        }
        assertThat(Quantity.parsePositive("quantity", "1.5e2")).isEqualTo(Quantity.of("150"));
        assertThatThrownBy(() -> Quantity.parsePositive("quantity", "100000000000")).hasMessageContaining("too large");
    }

    @Test
    void money_is_in_a_currency_iso_4217_knows_and_fits_its_column() {
        assertThatThrownBy(() -> Money.parse("unitCost", "1", "XYZ"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("currency"));
        assertThat(Money.parse("unitCost", "1", "USD").currency()).isEqualTo("USD");
        assertThatThrownBy(() -> Money.parse("unitCost", "1000000000000", "CNY")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Money.parse("unitCost", "١٢", "CNY")).hasMessageContaining("unitCost.amount");
    }
}
