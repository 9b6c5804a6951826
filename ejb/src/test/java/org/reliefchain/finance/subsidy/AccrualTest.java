package org.reliefchain.finance.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.finance.agreement.FeeBasis;

/** The subsidy of an agreement in a period, against figures worked out by hand. */
class AccrualTest {

    private static final LocalDate Q3_FROM = LocalDate.of(2026, 7, 1);
    private static final LocalDate Q3_TO = LocalDate.of(2026, 9, 30);

    private static Accrual.Terms terms(FeeBasis basis, String managementFee, String penalty, LocalDate starts,
                                       LocalDate ends, Accrual.Line... lines) {
        return new Accrual.Terms(7, "XY2026-000007", basis, new BigDecimal(managementFee), new BigDecimal(penalty),
                starts, ends, List.of(lines));
    }

    private static Accrual.Line line(String quantity, String rate, String unitValue, Accrual.Found... checks) {
        return new Accrual.Line(70, 1, "TENT-COTTON-12", new BigDecimal(quantity), new BigDecimal(rate),
                new BigDecimal(unitValue), List.of(checks));
    }

    @Test
    void a_full_quarter_held_as_agreed_earns_days_times_quantity_times_rate_over_365() {
        // 92 days x 100 tents x 36.50 a year / 365 = 920.00; management 3650 a year x 92 / 365 = 920.00
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "3650", "1", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), line("100", "36.50", "1200")), Q3_FROM, Q3_TO);
        assertThat(items).extracting(Accrual.Item::kind).containsExactly(LineKind.STORAGE_FEE, LineKind.MANAGEMENT_FEE);
        assertThat(items.get(0).basis()).isEqualByComparingTo("9200");
        assertThat(items.get(0).amount().plain()).isEqualTo("920.00");
        assertThat(items.get(1).basis()).isEqualByComparingTo("92");
        assertThat(items.get(1).amount().plain()).isEqualTo("920.00");
    }

    @Test
    void a_check_with_a_shortfall_pays_what_was_found_from_its_day_and_deducts_the_penalty() {
        // checked on 1 Sep: 80 of 100 found. Jul-Aug 62 days x 100 + Sep 30 days x 80 = 8600 unit-days held,
        // 30 x 20 = 600 unit-days short. Fee 8600 x 10 / 365 = 235.616... -> 235.62; penalty 600 x 0.5 = 300.00
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "0", "0.5", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), line("100", "10", "1200",
                        new Accrual.Found(LocalDate.of(2026, 9, 1), new BigDecimal("80"), true))), Q3_FROM, Q3_TO);
        assertThat(items).extracting(Accrual.Item::kind).containsExactly(LineKind.STORAGE_FEE, LineKind.SHORTFALL);
        assertThat(items.get(0).basis()).isEqualByComparingTo("8600");
        assertThat(items.get(0).amount().plain()).isEqualTo("235.62");
        assertThat(items.get(1).basis()).isEqualByComparingTo("600");
        assertThat(items.get(1).amount().plain()).isEqualTo("-300.00");
        assertThat(Accrual.total(items).plain()).isEqualTo("-64.38");
    }

    @Test
    void a_check_before_the_period_counts_from_the_first_day_and_a_later_full_count_restores_the_fee() {
        // found 50 on 15 Jun (carried into July), all 100 on 16 Jul: 15 days x 50 + 77 days x 100 = 8450 held,
        // 15 x 50 = 750 short
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "0", "1", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), line("100", "365", "1",
                        new Accrual.Found(LocalDate.of(2026, 6, 15), new BigDecimal("50"), true),
                        new Accrual.Found(LocalDate.of(2026, 7, 16), new BigDecimal("120"), true))), Q3_FROM, Q3_TO);
        assertThat(items.get(0).basis()).isEqualByComparingTo("8450");
        assertThat(items.get(0).amount().plain()).isEqualTo("8450.00");
        assertThat(items.get(1).basis()).isEqualByComparingTo("750");
    }

    @Test
    void failed_quality_counts_nothing_as_held_and_penalises_everything() {
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "0", "0.1", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), line("10", "365", "1",
                        new Accrual.Found(LocalDate.of(2026, 9, 21), new BigDecimal("10"), false))), Q3_FROM, Q3_TO);
        // 82 days x 10 held; 10 days x 10 failed
        assertThat(items).extracting(Accrual.Item::kind).containsExactly(LineKind.STORAGE_FEE, LineKind.QUALITY);
        assertThat(items.get(0).amount().plain()).isEqualTo("820.00");
        assertThat(items.get(1).amount().plain()).isEqualTo("-10.00");
    }

    @Test
    void a_percent_of_value_fee_and_a_term_that_starts_inside_the_period() {
        // in force from 1 Sep: 30 days x 20 units x (1200 x 5 % = 60 a year) / 365 = 98.630... -> 98.63
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PERCENT_OF_VALUE, "0", "1", LocalDate.of(2026, 9, 1),
                LocalDate.of(2028, 8, 31), line("20", "5", "1200")), Q3_FROM, Q3_TO);
        assertThat(items.get(0).rate()).isEqualByComparingTo("60");
        assertThat(items.get(0).basis()).isEqualByComparingTo("600");
        assertThat(items.get(0).amount().plain()).isEqualTo("98.63");
    }

    @Test
    void an_agreement_not_in_force_during_the_period_earns_nothing() {
        assertThat(Accrual.accrue(terms(FeeBasis.PER_UNIT, "1000", "1", LocalDate.of(2026, 10, 1),
                LocalDate.of(2027, 9, 30), line("20", "5", "1")), Q3_FROM, Q3_TO)).isEmpty();
    }

    @Test
    void goods_in_custody_are_paid_on_what_the_ledger_held_each_day_not_on_what_a_check_counted() {
        // 代储 of 100 tents: 90 held when the quarter opens, 10 received on 11 Jul (100), 30 issued to a relief
        // operation on 11 Aug (70). Held: 10 days x 90 + 31 days x 100 + 51 days x 70 = 7570 unit-days; short:
        // 10 x 10 + 51 x 30 = 1630. A check on 1 Sep counted 95 (it does not matter: the ledger says 70) and
        // passed quality. Fee 7570 x 10 / 365 = 207.397 -> 207.40; penalty 1630 x 0.5 = 815.00
        Accrual.Line custody = new Accrual.Line(70, 1, "TENT-COTTON-12", new BigDecimal("100"), new BigDecimal("10"),
                new BigDecimal("1200"), List.of(new Accrual.Found(LocalDate.of(2026, 9, 1), new BigDecimal("95"), true)),
                List.of(new Accrual.Holding(LocalDate.of(2026, 6, 30), new BigDecimal("90")),
                        new Accrual.Holding(LocalDate.of(2026, 7, 11), new BigDecimal("100")),
                        new Accrual.Holding(LocalDate.of(2026, 8, 11), new BigDecimal("70"))));
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "0", "0.5", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), custody), Q3_FROM, Q3_TO);
        assertThat(items).extracting(Accrual.Item::kind).containsExactly(LineKind.STORAGE_FEE, LineKind.SHORTFALL);
        assertThat(items.get(0).basis()).isEqualByComparingTo("7570");
        assertThat(items.get(0).amount().plain()).isEqualTo("207.40");
        assertThat(items.get(0).explanation()).contains("custody (ledger)");
        assertThat(items.get(1).basis()).isEqualByComparingTo("1630");
        assertThat(items.get(1).amount().plain()).isEqualTo("-815.00");
    }

    @Test
    void goods_in_custody_failing_a_check_earn_nothing_until_a_later_check_passes() {
        // 100 held all quarter; failed quality on 1 Aug, passed again on 1 Sep: 31 days x 100 failed
        Accrual.Line custody = new Accrual.Line(70, 1, "TENT-COTTON-12", new BigDecimal("100"), new BigDecimal("36.5"),
                new BigDecimal("1200"), List.of(new Accrual.Found(LocalDate.of(2026, 8, 1), new BigDecimal("100"), false),
                        new Accrual.Found(LocalDate.of(2026, 9, 1), new BigDecimal("100"), true)),
                List.of(new Accrual.Holding(LocalDate.of(2026, 6, 30), new BigDecimal("100"))));
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "0", "1", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), custody), Q3_FROM, Q3_TO);
        assertThat(items).extracting(Accrual.Item::kind).containsExactly(LineKind.STORAGE_FEE, LineKind.QUALITY);
        assertThat(items.get(0).basis()).isEqualByComparingTo("6100");
        assertThat(items.get(0).amount().plain()).isEqualTo("610.00");
        assertThat(items.get(1).basis()).isEqualByComparingTo("3100");
        assertThat(items.get(1).amount().plain()).isEqualTo("-3100.00");
    }

    @Test
    void goods_in_custody_with_nothing_in_the_ledger_held_nothing() {
        Accrual.Line custody = new Accrual.Line(70, 1, "TENT-COTTON-12", new BigDecimal("20"), new BigDecimal("10"),
                new BigDecimal("1200"), List.of(), List.of(new Accrual.Holding(LocalDate.of(2026, 6, 30), BigDecimal.ZERO)));
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "0", "0.1", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), custody), Q3_FROM, Q3_TO);
        assertThat(items.get(0).amount().plain()).isEqualTo("0.00");
        assertThat(items.get(1).basis()).isEqualByComparingTo("1840");
        assertThat(items.get(1).amount().plain()).isEqualTo("-184.00");
    }

    @Test
    void goods_in_custody_kept_past_expiry_are_not_held_and_cost_the_penalty_as_late_rotation() {
        // 代储 of 100 tents, all held when the quarter opens; 40 of them in a lot that expires on 15 Aug. From 16 Aug
        // those 40 are late (16 days), on 1 Sep they are issued for rotation (60 held, 40 short for 9 days), on
        // 10 Sep 40 fresh ones arrive. Held: 46 x 100 + 16 x 60 + 9 x 60 + 21 x 100 = 8200 unit-days -> 8200 x 10
        // / 365 = 224.657 -> 224.66; late: 16 x 40 = 640 x 0.5 = 320.00; short: 9 x 40 = 360 x 0.5 = 180.00
        Accrual.Line custody = new Accrual.Line(70, 1, "TENT-COTTON-12", new BigDecimal("100"), new BigDecimal("10"),
                new BigDecimal("1200"), List.of(),
                List.of(new Accrual.Holding(LocalDate.of(2026, 6, 30), new BigDecimal("100")),
                        new Accrual.Holding(LocalDate.of(2026, 8, 16), new BigDecimal("100"), new BigDecimal("40")),
                        new Accrual.Holding(LocalDate.of(2026, 9, 1), new BigDecimal("60")),
                        new Accrual.Holding(LocalDate.of(2026, 9, 10), new BigDecimal("100"))));
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "0", "0.5", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), custody), Q3_FROM, Q3_TO);
        assertThat(items).extracting(Accrual.Item::kind)
                .containsExactly(LineKind.STORAGE_FEE, LineKind.SHORTFALL, LineKind.LATE_ROTATION);
        assertThat(items.get(0).basis()).isEqualByComparingTo("8200");
        assertThat(items.get(0).amount().plain()).isEqualTo("224.66");
        assertThat(items.get(1).basis()).isEqualByComparingTo("360");
        assertThat(items.get(1).amount().plain()).isEqualTo("-180.00");
        assertThat(items.get(2).basis()).isEqualByComparingTo("640");
        assertThat(items.get(2).amount().plain()).isEqualTo("-320.00");
        assertThat(items.get(2).explanation()).contains("past expiry");
    }

    @Test
    void more_expired_than_the_line_asks_for_is_late_only_up_to_the_agreed_quantity() {
        // 150 in custody for a line of 100, 80 of them expired all quarter: 70 usable held, 30 late, none short
        Accrual.Line custody = new Accrual.Line(70, 1, "TENT-COTTON-12", new BigDecimal("100"), new BigDecimal("36.5"),
                new BigDecimal("1200"), List.of(),
                List.of(new Accrual.Holding(LocalDate.of(2026, 6, 30), new BigDecimal("150"), new BigDecimal("80"))));
        List<Accrual.Item> items = Accrual.accrue(terms(FeeBasis.PER_UNIT, "0", "1", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), custody), Q3_FROM, Q3_TO);
        assertThat(items).extracting(Accrual.Item::kind).containsExactly(LineKind.STORAGE_FEE, LineKind.LATE_ROTATION);
        assertThat(items.get(0).basis()).isEqualByComparingTo("6440");   // 92 x 70
        assertThat(items.get(1).basis()).isEqualByComparingTo("2760");   // 92 x 30
    }

    @Test
    void the_ledger_reading_marks_the_day_after_a_lot_expires_as_a_change_without_a_movement() {
        Period q3 = new Period("2026-Q3", Q3_FROM, Q3_TO);
        List<Object[]> movements = List.of(
                new Object[] {LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 15), new BigDecimal("40")},
                new Object[] {LocalDate.of(2026, 5, 1), LocalDate.of(2027, 5, 1), new BigDecimal("60")},
                new Object[] {LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 15), new BigDecimal("-40")},
                new Object[] {LocalDate.of(2026, 9, 10), null, new BigDecimal("40")});
        assertThat(AccrualWriter.holdings(movements, q3)).containsExactly(
                new Accrual.Holding(LocalDate.of(2026, 6, 30), new BigDecimal("100"), new BigDecimal("0")),
                new Accrual.Holding(LocalDate.of(2026, 8, 16), new BigDecimal("100"), new BigDecimal("40")),
                new Accrual.Holding(LocalDate.of(2026, 9, 1), new BigDecimal("60"), new BigDecimal("0")),
                new Accrual.Holding(LocalDate.of(2026, 9, 10), new BigDecimal("100"), new BigDecimal("0")));
    }
}
