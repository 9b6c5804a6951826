package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** A search limited by steps always ends: by its steps, by a count of evaluations, or by the time given with it. */
class SolveLimitTest {

    @Test
    void a_step_limit_also_ends_the_search_after_a_count_of_evaluations_so_a_step_that_accepts_nothing_cannot_hold_it() {
        TerminationConfig search = SolveLimit.steps(300).searchTermination();
        assertThat(search.getStepCountLimit()).isEqualTo(300);
        assertThat(search.getScoreCalculationCountLimit()).isEqualTo(300 * SolveLimit.Steps.EVALUATIONS_PER_STEP);
        assertThat(SolveLimit.steps(300).solverTermination()).as("no time limit unless given").isNull();
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
    void a_time_limit_has_no_step_limit() {
        SolveLimit limit = SolveLimit.seconds(30);
        assertThat(limit.solverTermination().getSpentLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limit.searchTermination()).isNull();
    }
}
