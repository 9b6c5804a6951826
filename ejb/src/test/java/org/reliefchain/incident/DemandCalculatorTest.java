package org.reliefchain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DemandCalculatorTest {

    private static final StandardLine WATER = new StandardLine("WATER", StandardBasis.PER_PERSON, new BigDecimal("0.2273"),
            true, "Sphere");
    private static final StandardLine TENT = new StandardLine("TENT", StandardBasis.PER_RELOCATED_HOUSEHOLD, BigDecimal.ONE,
            false, "Red Cross");

    private static DemandCalculator.Point point(String code, int people, int relocated, Integer over65, boolean cutOff) {
        return new DemandCalculator.Point(code, "村" + code, "330324",
                new AffectedReport.AffectedFigures(code, people, relocated, null, over65, null, cutOff, null));
    }

    @Test
    void water_for_a_village_of_a_hundred_for_two_days_is_rounded_up_to_whole_cases() {
        // 100 people x 0.2273 case x 2 days = 45.46 cases: 46 go out.
        assertThat(DemandCalculator.quantity(WATER, 100, 0, 2)).isEqualByComparingTo("46");
    }

    @Test
    void tents_go_one_to_a_household_of_three_relocated_people_once_not_per_day() {
        assertThat(DemandCalculator.quantity(TENT, 100, 10, 3)).isEqualByComparingTo("4");
        assertThat(DemandCalculator.quantity(TENT, 100, 9, 3)).isEqualByComparingTo("3");
        assertThat(DemandCalculator.quantity(TENT, 100, 0, 3)).isEqualByComparingTo("0");
    }

    @Test
    void cut_off_villages_come_first_then_those_with_vulnerable_people_and_nobody_relocated_needs_no_tent() {
        List<DemandCalculator.Line> lines = DemandCalculator.lines(List.of(point("A", 100, 0, null, false),
                point("B", 50, 0, 5, false), point("C", 10, 10, null, true)), 1, List.of(WATER, TENT), 1, Map.of());
        assertThat(lines).extracting(l -> l.division() + "/" + l.material() + "=" + l.quantity().toPlainString()
                + " p" + l.priority()).containsExactly("A/WATER=23 p3", "B/WATER=12 p2", "C/WATER=3 p1", "C/TENT=4 p1");
    }

    @Test
    void an_override_counts_and_the_computed_figure_stays() {
        DemandOverride more = new DemandOverride(1, "A", "WATER", new BigDecimal("40"), "养老院", "dispatcher",
                java.time.Instant.EPOCH);
        DemandCalculator.Line line = DemandCalculator.lines(List.of(point("A", 100, 0, null, false)), 1, List.of(WATER), 1,
                Map.of(DemandCalculator.key("A", "WATER"), more)).get(0);
        assertThat(line.computed()).isEqualByComparingTo("23");
        assertThat(line.quantity()).isEqualByComparingTo("40");
        assertThat(line.overrideReason()).isEqualTo("养老院");
    }
}
