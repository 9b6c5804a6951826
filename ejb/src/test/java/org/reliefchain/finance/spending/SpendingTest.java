package org.reliefchain.finance.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionLevel;

/** The year's spending adds up: rows, level subtotals and the total agree to the fen with what went in. */
class SpendingTest {

    private static final Spending.Division ZHEJIANG = new Spending.Division("33", "浙江省", "Zhejiang", DivisionLevel.PROVINCE);
    private static final Spending.Division TAIZHOU = new Spending.Division("3310", "台州市", "Taizhou", DivisionLevel.CITY);
    private static final Spending.Division JIAOJIANG = new Spending.Division("331002", "椒江区", "Jiaojiang", DivisionLevel.COUNTY);
    private static final Spending.Division LUQIAO = new Spending.Division("331004", "路桥区", "Luqiao", DivisionLevel.COUNTY);

    @Test
    void a_city_year_subsidies_at_two_counties_a_purchase_at_the_city_and_a_write_off() {
        Spending s = new Spending();
        s.add(JIAOJIANG, SpendingKind.SUBSIDY, new BigDecimal("855.62"));
        s.add(JIAOJIANG, SpendingKind.SUBSIDY, new BigDecimal("-10.00"));
        s.add(LUQIAO, SpendingKind.SUBSIDY, new BigDecimal("1200.00"));
        s.add(TAIZHOU, SpendingKind.PURCHASE, new BigDecimal("45000.50"));
        s.add(JIAOJIANG, SpendingKind.WRITE_OFF, new BigDecimal("60000.00"));

        SpendingReport r = s.report(2026, TAIZHOU);

        assertThat(r.rows()).extracting(SpendingReport.Row::division).containsExactly("3310", "331002", "331004");
        assertThat(r.rows().get(1).amounts().get(SpendingKind.SUBSIDY)).isEqualTo("845.62");
        assertThat(r.rows().get(1).total()).isEqualTo("60845.62");
        assertThat(r.levels()).extracting(SpendingReport.Row::level).containsExactly("CITY", "COUNTY");
        assertThat(r.levels().get(1).amounts().get(SpendingKind.SUBSIDY)).isEqualTo("2045.62");
        assertThat(r.total().amounts().get(SpendingKind.PURCHASE)).isEqualTo("45000.50");
        assertThat(r.total().amounts().get(SpendingKind.COMPENSATION)).isEqualTo("0.00");
        assertThat(r.total().total()).isEqualTo("107046.12");
        assertThat(r.division()).isEqualTo("3310");
    }

    @Property(tries = 200)
    void rows_levels_and_total_all_sum_to_the_fen_with_what_was_booked(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = -1_000_000_00L, max = 9_000_000_00L) Long> fen,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 3) Integer> where,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 4) Integer> what) {
        List<Spending.Division> places = List.of(ZHEJIANG, TAIZHOU, JIAOJIANG, LUQIAO);
        Spending s = new Spending();
        BigDecimal booked = BigDecimal.ZERO;
        for (int i = 0; i < fen.size(); i++) {
            BigDecimal amount = BigDecimal.valueOf(fen.get(i), 2);
            s.add(places.get(where.get(i)), SpendingKind.values()[what.get(i)], amount);
            booked = booked.add(amount);
        }
        SpendingReport r = s.report(2026, ZHEJIANG);
        assertThat(new BigDecimal(r.total().total())).isEqualByComparingTo(booked);
        assertThat(r.rows().stream().map(x -> new BigDecimal(x.total())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(booked);
        assertThat(r.levels().stream().map(x -> new BigDecimal(x.total())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(booked);
        for (SpendingReport.Row row : r.rows()) {
            BigDecimal kinds = row.amounts().values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(kinds).isEqualByComparingTo(new BigDecimal(row.total()));
        }
    }
}
