package org.reliefchain.finance.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.reliefchain.stock.Money;
import org.reliefchain.stock.Quantity;

/** The loss of a rotation, to the fen: book value at the lot's unit cost less what the rotation brings in. */
class RotationValueTest {

    private static Money cny(String amount) {
        return Money.cny(new BigDecimal(amount));
    }

    @Test
    void selling_1000_tents_booked_at_120_yuan_for_55_50_each_loses_64_500_yuan() {
        RotationValue v = RotationValue.sale(cny("120.00"), Quantity.of("1000"), cny("55.50"));
        assertThat(v.bookValue().plain()).isEqualTo("120000.00");
        assertThat(v.proceeds().plain()).isEqualTo("55500.00");
        assertThat(v.loss().plain()).isEqualTo("64500.00");
        assertThat(v.isLoss()).isTrue();
    }

    @Test
    void a_fractional_quantity_is_valued_half_up_to_the_fen_once_per_product() {
        // 12.345 kg at 3.33 = 41.10885 -> 41.11; sold at 1.01 = 12.46845 -> 12.47; loss 28.64
        RotationValue v = RotationValue.sale(cny("3.33"), Quantity.of("12.345"), cny("1.01"));
        assertThat(v.bookValue().plain()).isEqualTo("41.11");
        assertThat(v.proceeds().plain()).isEqualTo("12.47");
        assertThat(v.loss().plain()).isEqualTo("28.64");
    }

    @Test
    void a_donation_or_destruction_loses_the_whole_book_value() {
        RotationValue v = RotationValue.nothingBack(cny("45.80"), Quantity.of("300"));
        assertThat(v.proceeds().plain()).isEqualTo("0.00");
        assertThat(v.loss().plain()).isEqualTo("13740.00");
    }

    @Test
    void an_exchange_brings_in_the_fresh_lot_less_the_price_difference_paid_to_the_supplier() {
        // 100 tents at 500 (50,000) for 100 fresh at 520 (52,000), the reserve paying 3,000 on top: proceeds 49,000
        RotationValue v = RotationValue.exchange(cny("500.00"), Quantity.of("100"), cny("520.00"), Quantity.of("100"),
                cny("3000.00"));
        assertThat(v.proceeds().plain()).isEqualTo("49000.00");
        assertThat(v.loss().plain()).isEqualTo("1000.00");
        // the supplier paying 500 to the reserve instead: a gain, nothing to write off
        RotationValue gain = RotationValue.exchange(cny("500.00"), Quantity.of("100"), cny("500.00"), Quantity.of("100"),
                cny("-500.00"));
        assertThat(gain.loss().plain()).isEqualTo("-500.00");
        assertThat(gain.isLoss()).isFalse();
    }

    @Test
    void selling_at_book_value_is_no_loss() {
        RotationValue v = RotationValue.sale(cny("120.00"), Quantity.of("10"), cny("120.00"));
        assertThat(v.loss().isZero()).isTrue();
        assertThat(v.isLoss()).isFalse();
    }

    /** Whatever the figures, the loss is exactly book value less proceeds, each a whole number of fen. */
    @Property(tries = 500)
    void the_loss_is_book_value_less_proceeds_to_the_fen(
            @ForAll @LongRange(min = 0, max = 10_000_000L) long costFen,
            @ForAll @LongRange(min = 1, max = 5_000_000L) long quantityThousandths,
            @ForAll @LongRange(min = 0, max = 10_000_000L) long priceFen) {
        Money cost = Money.cny(BigDecimal.valueOf(costFen, 2));
        Quantity q = new Quantity(BigDecimal.valueOf(quantityThousandths, 3));
        Money price = Money.cny(BigDecimal.valueOf(priceFen, 2));
        RotationValue v = RotationValue.sale(cost, q, price);
        assertThat(v.loss().amount()).isEqualByComparingTo(v.bookValue().amount().subtract(v.proceeds().amount()));
        BigDecimal exactBook = cost.amount().multiply(q.value());
        assertThat(v.bookValue().amount().subtract(exactBook).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
        assertThat(v.loss().amount().scale()).isEqualTo(2);
        assertThat(v.isLoss()).isEqualTo(priceFen < costFen && v.loss().signum() > 0);
    }

    /** Selling below cost never gains; selling above never loses. */
    @Property(tries = 200)
    void the_sign_of_the_loss_follows_the_price(@ForAll @IntRange(min = 1, max = 100_000) int costFen,
                                                @ForAll @IntRange(min = 0, max = 100_000) int priceFen,
                                                @ForAll @IntRange(min = 1, max = 10_000) int units) {
        RotationValue v = RotationValue.sale(Money.cny(BigDecimal.valueOf(costFen, 2)), new Quantity(BigDecimal.valueOf(units)),
                Money.cny(BigDecimal.valueOf(priceFen, 2)));
        assertThat(v.loss().signum()).isEqualTo(Integer.signum(costFen - priceFen));
    }
}
