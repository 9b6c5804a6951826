package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.scenario.ZhejiangScenario;

/** The fleet-aware bound: what the vehicles could carry in time, not only whether they could get there. */
class FleetBoundTest {

    private static final long H = 3600;
    private static final Location PORT = new Location(0, "port", 121.0, 28.0);
    private static final Location A = new Location(1, "island A", 121.3, 28.0);
    private static final Location B = new Location(2, "island B", 121.4, 28.0);

    private static ReliefPlan islands(int boatTrips) {
        return islands(boatTrips, 12 * H);
    }

    private static ReliefPlan islands(int boatTrips, long dutyEnd) {
        long[] t = {0, 2 * H, 3 * H, 2 * H, 0, H, 3 * H, H, 0};
        TravelMatrix sea = new TravelMatrix("sea", 3, t, t);
        Depot port = new Depot("port", PORT, Map.of("WATER", 100_000L), EnumSet.of(Mode.BOAT));
        DemandPoint a = new DemandPoint("A", "A", A, 300, 1, EnumSet.of(Mode.BOAT));
        DemandPoint b = new DemandPoint("B", "B", B, 100, 1, EnumSet.of(Mode.BOAT));
        Visit toA = new Visit("A-water", a, "WATER", 1000, 1000, 1000, 300, 0, 0, 10 * H);
        Visit toB = new Visit("B-water", b, "WATER", 1000, 1000, 1000, 100, 0, 0, 10 * H);
        Vehicle boat = new Vehicle("boat", Mode.BOAT, port, sea, 1000, 10_000, 0, dutyEnd, boatTrips, 0, Long.MAX_VALUE / 4);
        Vehicle bucket = Vehicle.bucket(port);
        bucket.setVisits(new ArrayList<>(List.of(toA, toB)));
        return new ReliefPlan("islands", 60, List.of(port), List.of(boat, bucket), List.of(toA, toB));
    }

    @Test
    void one_boat_load_serves_the_larger_island_only_though_both_are_within_reach() {
        ReliefPlan plan = islands(1);
        assertThat(PlanOutcome.bound(plan)).isEqualTo(400);
        assertThat(FleetBound.of(plan)).isEqualTo(300);
    }

    @Test
    void with_time_for_a_second_trip_both_islands_count() {
        // Out 2 h, back 2 h: the second trip reaches B (3 h out) at 7 h, before the 10-hour deadline.
        assertThat(FleetBound.of(islands(2))).isEqualTo(400);
    }

    @Test
    void a_second_trip_that_cannot_be_home_by_the_end_of_duty_does_not_count() {
        // Duty ends at 7 h: the second trip would reach A at 6 h but be home only at 8 h.
        assertThat(FleetBound.of(islands(2, 7 * H))).isEqualTo(300);
    }

    @Test
    void no_plan_serves_more_than_the_fleet_bound_and_the_bound_is_within_the_physical_one() throws Exception {
        ReliefPlan plan = ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 3, 80).plan();
        long fleet = FleetBound.of(plan);
        GreedyInitializer.initialize(plan);
        ReliefPlan solved = ReliefSolver.solver(SolveLimit.steps(2_000), 3L).solve(plan);
        PlanOutcome outcome = PlanOutcome.of(solved);
        assertThat(fleet).isBetween(outcome.servedByDeadline(), outcome.bound());
    }
}
