package org.reliefchain.finance.requisition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.reliefchain.stock.Money;

class CompensationRuleTest {

    static final LocalDate TAKEN = LocalDate.of(2026, 7, 28);

    @Test
    void consumed_goods_are_paid_at_their_market_value_when_taken_rounded_once_to_the_fen() {
        // 40 cartons of water at 23.335 a carton would be 933.40; values are kept to the fen, 23.34 x 40 = 933.60
        assertThat(CompensationRule.of(ItemKind.GOODS, Outcome.CONSUMED, null, TAKEN, TAKEN.plusDays(3),
                new BigDecimal("23.34"), new BigDecimal("40"), null, null, null)).isEqualTo(cny("933.60"));
        // 12.5 kg of rice at 6.27 a kg: 78.375 rounds half-up to 78.38
        assertThat(CompensationRule.of(ItemKind.GOODS, Outcome.CONSUMED, null, TAKEN, TAKEN,
                new BigDecimal("6.27"), new BigDecimal("12.5"), null, null, null)).isEqualTo(cny("78.38"));
    }

    @Test
    void goods_given_back_earn_nothing_unless_damaged() {
        assertThat(CompensationRule.of(ItemKind.GOODS, Outcome.RETURNED, ReturnCondition.GOOD, TAKEN, TAKEN.plusDays(9),
                new BigDecimal("23.34"), null, null, null, null)).isEqualTo(cny("0.00"));
        assertThat(CompensationRule.of(ItemKind.GOODS, Outcome.RETURNED, ReturnCondition.DAMAGED, TAKEN,
                TAKEN.plusDays(9), new BigDecimal("23.34"), null, null, new BigDecimal("150.00"), null))
                .isEqualTo(cny("150.00"));
    }

    @Test
    void a_truck_returned_damaged_after_a_week_earns_seven_days_of_fee_and_its_repair() {
        // taken 28 July, given back 3 August: 28, 29, 30, 31 July and 1, 2, 3 August = 7 days at 850.00
        assertThat(CompensationRule.daysHeld(TAKEN, LocalDate.of(2026, 8, 3))).isEqualTo(7);
        assertThat(CompensationRule.of(ItemKind.VEHICLE, Outcome.RETURNED, ReturnCondition.DAMAGED, TAKEN,
                LocalDate.of(2026, 8, 3), null, null, new BigDecimal("850.00"), new BigDecimal("3260.50"), null))
                .isEqualTo(cny("9210.50"));
    }

    @Test
    void premises_given_back_the_day_they_were_taken_earn_one_day() {
        assertThat(CompensationRule.of(ItemKind.PREMISES, Outcome.RETURNED, ReturnCondition.GOOD, TAKEN, TAKEN,
                null, null, new BigDecimal("1200.00"), null, null)).isEqualTo(cny("1200.00"));
    }

    @Test
    void a_lost_item_earns_its_residual_value_only() {
        assertThat(CompensationRule.of(ItemKind.VEHICLE, Outcome.LOST, null, TAKEN, TAKEN.plusDays(4), null, null,
                new BigDecimal("850.00"), null, new BigDecimal("86000.00"))).isEqualTo(cny("86000.00"));
    }

    /** The usage fee is exact: days x fee, never rounded, for any fee in fen and any stay. */
    @Property(tries = 300)
    void the_usage_fee_is_days_times_the_fee_to_the_fen(@ForAll @IntRange(min = 0, max = 400) int extraDays,
                                                        @ForAll @IntRange(min = 0, max = 10_000_000) int feeInFen) {
        BigDecimal fee = BigDecimal.valueOf(feeInFen, 2);
        Money paid = CompensationRule.of(ItemKind.PREMISES, Outcome.RETURNED, ReturnCondition.GOOD, TAKEN,
                TAKEN.plusDays(extraDays), null, null, fee, null, null);
        assertThat(paid.amount()).isEqualByComparingTo(fee.multiply(BigDecimal.valueOf(extraDays + 1L)));
    }

    private static Money cny(String amount) {
        return Money.cny(new BigDecimal(amount));
    }
}
