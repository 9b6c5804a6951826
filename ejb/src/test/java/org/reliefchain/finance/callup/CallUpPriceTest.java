package org.reliefchain.finance.callup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.reliefchain.finance.agreement.PriceRule;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.Money;

/** The unit price of goods called up under each price rule, to the fen. */
class CallUpPriceTest {

    private static final BigDecimal CEILING = new BigDecimal("1200.00");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void a_fixed_price_is_the_lines_unit_value_and_takes_no_market_price() {
        assertThat(CallUpPrice.unitPrice(PriceRule.FIXED, CEILING, null, null)).isEqualTo(Money.cny(d("1200.00")));
        assertThatThrownBy(() -> CallUpPrice.unitPrice(PriceRule.FIXED, CEILING, null, d("1100")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("priceBasis"));
    }

    @Test
    void the_market_price_is_paid_below_the_ceiling_and_the_ceiling_above_it() {
        assertThat(CallUpPrice.unitPrice(PriceRule.MARKET_CAPPED, CEILING, null, d("1080.50")).plain()).isEqualTo("1080.50");
        assertThat(CallUpPrice.unitPrice(PriceRule.MARKET_CAPPED, CEILING, null, d("1350")).plain()).isEqualTo("1200.00");
        assertThat(CallUpPrice.unitPrice(PriceRule.MARKET_CAPPED, CEILING, null, d("1200")).plain()).isEqualTo("1200.00");
    }

    @Test
    void the_market_price_is_required_for_a_capped_market_price() {
        assertThatThrownBy(() -> CallUpPrice.unitPrice(PriceRule.MARKET_CAPPED, CEILING, null, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).code()).isEqualTo("required"));
        assertThatThrownBy(() -> CallUpPrice.unitPrice(PriceRule.MARKET_CAPPED, CEILING, null, BigDecimal.ZERO))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void cost_plus_adds_the_percentage_and_rounds_half_up_to_the_fen() {
        // 37.13 x 1.085 = 40.28605 -> 40.29
        assertThat(CallUpPrice.unitPrice(PriceRule.COST_PLUS, CEILING, d("8.5"), d("37.13")).plain()).isEqualTo("40.29");
        // 10.10 x 1.125 = 11.3625 -> 11.36
        assertThat(CallUpPrice.unitPrice(PriceRule.COST_PLUS, CEILING, d("12.5"), d("10.10")).plain()).isEqualTo("11.36");
        // 0.99 x 1.05 = 1.0395 -> 1.04 (half-up at exactly half a fen: 0.30 x 1.05 = 0.315 -> 0.32)
        assertThat(CallUpPrice.unitPrice(PriceRule.COST_PLUS, CEILING, d("5"), d("0.30")).plain()).isEqualTo("0.32");
        // cost plus is not capped by the line's value: the percentage is the agreement's whole rule
        assertThat(CallUpPrice.unitPrice(PriceRule.COST_PLUS, CEILING, d("10"), d("2000")).plain()).isEqualTo("2200.00");
    }

    @Test
    void the_payable_of_a_delivery_is_quantity_times_unit_price_to_the_fen() {
        assertThat(CallUpPrice.amount(d("30"), Money.cny(d("40.29"))).plain()).isEqualTo("1208.70");
        // 2.345 tonnes at 1333.33 = 3126.658... -> 3126.66
        assertThat(CallUpPrice.amount(d("2.345"), Money.cny(d("1333.33"))).plain()).isEqualTo("3126.66");
    }
}
