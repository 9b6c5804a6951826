package org.reliefchain.planner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.solver.GreedyInitializer;
import org.reliefchain.planner.solver.PlanOutcome;
import org.reliefchain.planner.solver.ReliefSolver;
import org.reliefchain.planner.solver.SolveLimit;

/** The typhoon scenario from the project's data files (data/zhejiang), small enough for a unit test. */
class ZhejiangScenarioTest {

    private static final Path DATA = Path.of("..", "data", "zhejiang");
    private static ZhejiangScenario.Scenario scenario;

    @BeforeAll
    static void generate() throws Exception {
        scenario = ZhejiangScenario.generate(DATA, 7, 150);
    }

    @Test
    void the_same_seed_gives_the_same_scenario_and_another_seed_another() throws Exception {
        ZhejiangScenario.Scenario again = ZhejiangScenario.generate(DATA, 7, 150);
        ZhejiangScenario.Scenario other = ZhejiangScenario.generate(DATA, 8, 150);
        assertThat(again.summary()).isEqualTo(scenario.summary());
        assertThat(ids(again.plan())).isEqualTo(ids(scenario.plan()));
        assertThat(ids(other.plan())).isNotEqualTo(ids(scenario.plan()));
    }

    @Test
    void affected_villages_lie_in_the_counties_lekima_hit_and_flooded_ones_are_cut_off_from_the_roads() {
        for (Visit v : scenario.plan().getVisits()) {
            assertThat(v.getPoint().id().substring(0, 4)).isIn("3301", "3302", "3303", "3304", "3309", "3310");
        }
        for (DemandPoint p : points(scenario.plan())) {
            boolean flooded = scenario.flooded().stream().anyMatch(a -> a.contains(p.location().lon(), p.location().lat()));
            assertThat(p.modes().contains(Mode.TRUCK)).as(p.id()).isEqualTo(!flooded && !p.id().startsWith("330922"));
        }
        // Helicopters set down at temporary landing points: only points with one within 5 km are served by air.
        assertThat(points(scenario.plan())).anyMatch(p -> p.modes().contains(Mode.HELICOPTER))
                .anyMatch(p -> !p.modes().contains(Mode.HELICOPTER));
        assertThat(scenario.summary()).contains("synthetic");
    }

    @Test
    void the_first_plan_breaks_no_hard_constraint_and_solving_keeps_it_feasible() {
        ReliefPlan plan = scenario.plan();
        GreedyInitializer.initialize(plan);
        SolverFactory<ReliefPlan> factory = SolverFactory.create(ReliefSolver.config(SolveLimit.steps(1_000), 1L));
        HardMediumSoftLongScore first = SolutionManager.<ReliefPlan, HardMediumSoftLongScore>create(factory).update(plan);
        assertThat(first.hardScore()).isZero();
        PlanOutcome before = PlanOutcome.of(plan);
        assertThat(before.servedByDeadline()).isPositive().isLessThanOrEqualTo(before.bound());
        assertThat(before.bound()).isLessThanOrEqualTo(before.affectedPeople());

        ReliefPlan solved = factory.buildSolver().solve(plan);
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore()).isGreaterThanOrEqualTo(first);
        PlanOutcome after = PlanOutcome.of(solved);
        assertThat(after.servedByDeadline()).isLessThanOrEqualTo(after.bound());
        for (Vehicle v : solved.getVehicles()) {
            if (v.isReal()) {
                assertThat(v.getVisits()).allMatch(x -> x.getPoint().modes().contains(v.getMode()));
            }
        }
    }

    private static java.util.List<String> ids(ReliefPlan plan) {
        return plan.getVisits().stream().map(Visit::getId).toList();
    }

    private static java.util.Set<DemandPoint> points(ReliefPlan plan) {
        return plan.getVisits().stream().map(Visit::getPoint).collect(java.util.stream.Collectors.toSet());
    }
}
