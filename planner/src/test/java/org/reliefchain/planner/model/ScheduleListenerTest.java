package org.reliefchain.planner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.reliefchain.planner.scenario.ZhejiangScenario;
import org.reliefchain.planner.solver.GreedyInitializer;
import org.reliefchain.planner.solver.ReliefSolver;
import org.reliefchain.planner.solver.SolveLimit;

/**
 * The listener recomputes a schedule only from the changed index and stops where nothing changes.
 * FULL_ASSERT makes the solver, after every move, trigger the listener for whole routes and compare:
 * a stale arrival, trip or load anywhere fails the solve with a shadow-variable corruption error.
 */
class ScheduleListenerTest {

    private static final int STEPS = 300;

    @Test
    void incremental_schedules_match_whole_route_recomputation_during_solving() throws Exception {
        // Trucks with several trips each, boats and helicopters: trip boundaries move with every change.
        // From the greedy first plan, a fixed number of search steps: the same moves on any machine.
        ReliefPlan plan = ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 5, 40).plan();
        GreedyInitializer.initialize(plan);
        SolverConfig config = ReliefSolver.config(SolveLimit.steps(STEPS), 5L)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        ReliefPlan solved = SolverFactory.<ReliefPlan>create(config).buildSolver().solve(plan);

        assertThat(solved.getScore().hardScore()).isZero();
        for (Vehicle vehicle : solved.getVehicles()) {
            if (vehicle.isBucket() || vehicle.getVisits().isEmpty()) {
                continue;
            }
            ScheduleListener.Schedule whole = ScheduleListener.Schedule.of(vehicle);
            for (int i = 0; i < vehicle.getVisits().size(); i++) {
                Visit v = vehicle.getVisits().get(i);
                assertThat(v.getArrival()).as(v.getId()).isEqualTo(whole.arrival[i]);
                assertThat(v.getTrip()).as(v.getId()).isEqualTo(whole.trip[i]);
                assertThat(v.getTripWeight()).as(v.getId()).isEqualTo(whole.weight[i]);
                assertThat(v.getClosesTrip()).as(v.getId()).isEqualTo(whole.closes[i]);
            }
        }
    }
}
