package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/** A search limited by steps always ends: by its steps, by a count of evaluations, or by the time given with it. */
class SolveLimitTest {

    @Test
    void a_step_limit_also_ends_the_search_after_a_count_of_evaluations_so_a_step_that_accepts_nothing_cannot_hold_it() {
        TerminationConfig search = SolveLimit.steps(300).searchTermination();
        assertThat(search.getStepCountLimit()).isEqualTo(300);
        assertThat(search.getScoreCalculationCountLimit()).isEqualTo(300 * SolveLimit.Steps.EVALUATIONS_PER_STEP);
        assertThat(SolveLimit.steps(300).solverTermination()).as("no time limit unless given").isNull();
    }

    /** Only moves within the vehicles' routes: here each one reverses the boat's round trip, which is worse. */
    public static final class WithinRoutes implements SelectionFilter<ReliefPlan, ListChangeMove<ReliefPlan>> {
        @Override
        public boolean accept(ScoreDirector<ReliefPlan> scoreDirector, ListChangeMove<ReliefPlan> move) {
            return !((Vehicle) move.getDestinationEntity()).isBucket() && !((Vehicle) move.getSourceEntity()).isBucket();
        }
    }

    /**
     * A search whose every move is worse than the plan: its first step never ends, since a step ends only
     * when a move is accepted. With the step count alone this solve would run for ever (the timeout here
     * only guards the build); with the evaluation count it ends, keeping the plan it started from.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void a_step_that_accepts_no_move_still_ends() {
        long hour = 3600;
        Location port = new Location(0, "port", 121.0, 28.0);
        // One way round is short (port, A, B, port: 1 h each leg), the other long (5 h each leg).
        long[] t = {0, hour, 5 * hour, 5 * hour, 0, hour, hour, 5 * hour, 0};
        TravelMatrix sea = new TravelMatrix("sea", 3, t, t);
        Depot depot = new Depot("port", port, Map.of("WATER", 10_000L), EnumSet.of(Mode.BOAT));
        DemandPoint a = new DemandPoint("A", "A", new Location(1, "A", 121.3, 28.0), 300, 1, EnumSet.of(Mode.BOAT));
        DemandPoint b = new DemandPoint("B", "B", new Location(2, "B", 121.4, 28.1), 200, 1, EnumSet.of(Mode.BOAT));
        Visit toA = new Visit("A-water", a, "WATER", 100, 100, 100, 300, 0, 0, 10 * hour);
        Visit toB = new Visit("B-water", b, "WATER", 100, 100, 100, 200, 0, 0, 10 * hour);
        Vehicle boat = new Vehicle("boat", Mode.BOAT, depot, sea, 1000, 10_000, 0, 20 * hour, 1, 0, Long.MAX_VALUE / 4);
        Vehicle bucket = Vehicle.bucket(depot);
        bucket.setVisits(new ArrayList<>(List.of(toA, toB)));
        ReliefPlan plan = new ReliefPlan("islands", 60, List.of(depot), List.of(boat, bucket), List.of(toA, toB));
        GreedyInitializer.initialize(plan);
        assertThat(boat.getVisits()).as("the greedy plan goes the short way round").containsExactly(toA, toB);

        SolverConfig config = ReliefSolver.config(SolveLimit.steps(1), 1L);
        LocalSearchPhaseConfig search = config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance).map(LocalSearchPhaseConfig.class::cast).findFirst().orElseThrow();
        search.setMoveSelectorConfig(new ListChangeMoveSelectorConfig().withFilterClass(WithinRoutes.class));
        ReliefPlan solved = SolverFactory.<ReliefPlan>create(config).buildSolver().solve(plan);

        assertThat(solved.getVehicles().get(0).getVisits()).extracting(Visit::getId).as("no worse move was taken")
                .containsExactly("A-water", "B-water");
    }

    @Test
    void the_time_given_with_steps_holds_for_the_whole_solve() {
        SolveLimit limit = SolveLimit.steps(300, Duration.ofSeconds(120));
        assertThat(limit.solverTermination().getSpentLimit()).isEqualTo(Duration.ofSeconds(120));
        SolverConfig config = ReliefSolver.config(limit, 1L);
        assertThat(config.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.getPhaseConfigList()).filteredOn(LocalSearchPhaseConfig.class::isInstance)
                .singleElement().satisfies(p -> assertThat(p.getTerminationConfig().getStepCountLimit()).isEqualTo(300));
        assertThatThrownBy(() -> SolveLimit.steps(300, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_limit_says_what_it_is() {
        assertThat(SolveLimit.seconds(60).describe()).isEqualTo("60 s");
        assertThat(SolveLimit.steps(300, Duration.ofSeconds(180)).describe()).isEqualTo("300 search steps (at most 180 s)");
        assertThat(SolveLimit.steps(300).describe()).isEqualTo("300 search steps");
        assertThat(SolveLimit.untilStopped().describe()).isEqualTo("until stopped");
    }

    @Test
    void a_time_limit_has_no_step_limit() {
        SolveLimit limit = SolveLimit.seconds(30);
        assertThat(limit.solverTermination().getSpentLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limit.searchTermination()).isNull();
    }
}
