package org.reliefchain.finance.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.reliefchain.stock.Money;

/** The money rules of finance: no fen lost or invented, half-up rounding, totals that add up. */
class MoneyRulesTest {

    @Property(tries = 500)
    void a_split_adds_up_to_the_amount_and_no_part_strays_a_fen_from_its_share(
            @ForAll @LongRange(min = -10_000_000_00L, max = 10_000_000_00L) long fen,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1000) Integer> weights) {
        if (weights.stream().allMatch(w -> w == 0)) {
            return;
        }
        Money amount = new Money(BigDecimal.valueOf(fen, 2), "CNY");
        List<BigDecimal> shares = weights.stream().map(BigDecimal::valueOf).toList();
        List<Money> parts = amount.split(shares);
        assertThat(parts.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(amount.amount());
        BigDecimal total = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = amount.amount().multiply(shares.get(i)).divide(total, 10, java.math.RoundingMode.HALF_UP);
            assertThat(parts.get(i).amount().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        }
    }

    @Test
    void a_split_gives_the_left_over_fen_to_the_largest_remainders() {
        Money hundred = new Money(new BigDecimal("100.00"), "CNY");
        assertThat(hundred.split(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)))
                .extracting(Money::plain).containsExactly("33.34", "33.33", "33.33");
        assertThat(new Money(new BigDecimal("0.05"), "CNY").split(List.of(new BigDecimal("1"), new BigDecimal("3"))))
                .extracting(Money::plain).containsExactly("0.01", "0.04");
    }

    @Test
    void rounding_is_half_up_to_the_fen() {
        assertThat(Money.rounded(new BigDecimal("2.345"), "CNY").plain()).isEqualTo("2.35");
        assertThat(Money.rounded(new BigDecimal("2.3449"), "CNY").plain()).isEqualTo("2.34");
        assertThat(Money.rounded(new BigDecimal("-2.345"), "CNY").plain()).isEqualTo("-2.35");
    }

    /** Whatever the lines, a statement's total is the sum of the amounts it shows. */
    @Property(tries = 200)
    void a_statement_total_is_the_sum_of_its_lines(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 50_000) Integer> quantities,
            @ForAll @IntRange(min = 1, max = 100_000) int rateCents,
            @ForAll @IntRange(min = 0, max = 50_000) int managementFee) {
        List<Accrual.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            lines.add(new Accrual.Line(i + 1, i + 1, "M" + i, BigDecimal.valueOf(quantities.get(i)),
                    BigDecimal.valueOf(rateCents, 2), BigDecimal.TEN, List.of()));
        }
        Accrual.Terms terms = new Accrual.Terms(1, "XY2026-000001", org.reliefchain.finance.agreement.FeeBasis.PER_UNIT,
                BigDecimal.valueOf(managementFee), BigDecimal.ONE, java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2027, 12, 31), lines);
        List<Accrual.Item> items = Accrual.accrue(terms, java.time.LocalDate.of(2026, 7, 1),
                java.time.LocalDate.of(2026, 9, 30));
        BigDecimal sum = items.stream().map(i -> i.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(Accrual.total(items).amount()).isEqualByComparingTo(sum);
        assertThat(items).allSatisfy(i -> assertThat(i.amount().amount().scale()).isEqualTo(2));
    }
}
