package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.reliefchain.planner.model.ScheduleListener;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * The 10-hour figure and its bound on a plan small enough to check by hand: a depot with water only,
 * a village 1 h away (water and tents) and a village 20 h away (water).
 */
class PlanOutcomeTest {

    private static final Location DEPOT = new Location(0, "depot", 120.0, 28.0);
    private static final Location NEAR = new Location(1, "near", 120.1, 28.0);
    private static final Location FAR = new Location(2, "far", 121.0, 28.0);
    private static final long H = 3600;

    private static TravelMatrix matrix() {
        long[] t = {0, H, 20 * H, H, 0, 19 * H, 20 * H, 19 * H, 0};
        return new TravelMatrix("hand", 3, t, t);
    }

    @Test
    void the_bound_counts_points_every_material_can_reach_in_time_and_the_figure_counts_points_fully_served() {
        Depot depot = new Depot("d", DEPOT, Map.of("WATER", 10_000L), EnumSet.of(Mode.TRUCK));
        DemandPoint near = new DemandPoint("near", "near", NEAR, 100, 1, EnumSet.of(Mode.TRUCK));
        DemandPoint far = new DemandPoint("far", "far", FAR, 40, 1, EnumSet.of(Mode.TRUCK));
        DemandPoint nearTents = new DemandPoint("near2", "near, tents too", NEAR, 60, 1, EnumSet.of(Mode.TRUCK));
        Visit water = new Visit("near-water", near, "WATER", 100, 300, 300, 100, 0, 0, 10 * H);
        Visit farWater = new Visit("far-water", far, "WATER", 40, 120, 120, 40, 0, 0, 10 * H);
        Visit water2 = new Visit("near2-water", nearTents, "WATER", 60, 180, 180, 30, 0, 0, 10 * H);
        Visit tents = new Visit("near2-tent", nearTents, "TENT", 12, 300, 300, 30, 0, 0, 10 * H);
        Vehicle truck = new Vehicle("t", Mode.TRUCK, depot, matrix(), 8_000, 30_000, 0, 48 * H, 3, 0, Long.MAX_VALUE / 4);
        Vehicle bucket = Vehicle.bucket(depot);
        truck.setVisits(new ArrayList<>(List.of(water, farWater)));
        bucket.setVisits(new ArrayList<>(List.of(water2, tents)));
        ReliefPlan plan = new ReliefPlan("hand", 60, List.of(depot), List.of(truck, bucket),
                List.of(water, farWater, water2, tents));
        plan.getVehicles().forEach(ScheduleListener::refresh);

        PlanOutcome o = PlanOutcome.of(plan);
        // Bound: "near" (water in 1 h) yes; "far" (20 h) no; "near2" needs tents the depot does not hold: no.
        assertThat(o.bound()).isEqualTo(100);
        // Figure: "near" got its water at 1 h; "far" arrives after the deadline; "near2" got nothing.
        assertThat(o.servedByDeadline()).isEqualTo(100);
        assertThat(o.affectedPeople()).isEqualTo(200);
        assertThat(o.unmetDeliveries()).isEqualTo(2);
        assertThat(o.lateDeliveries()).isEqualTo(1);
        assertThat(o.percentOfBound()).isEqualTo(100.0);
    }

    @Test
    void the_greedy_first_plan_serves_what_it_can_and_leaves_the_rest_unassigned() {
        Depot depot = new Depot("d", DEPOT, Map.of("WATER", 100L), EnumSet.of(Mode.TRUCK));
        DemandPoint near = new DemandPoint("near", "near", NEAR, 100, 1, EnumSet.of(Mode.TRUCK));
        DemandPoint byAir = new DemandPoint("air", "by air only", NEAR, 10, 2, EnumSet.of(Mode.HELICOPTER));
        Visit water = new Visit("near-water", near, "WATER", 100, 300, 300, 100, 0, 0, 10 * H);
        Visit more = new Visit("near-more", near, "WATER", 50, 150, 150, 50, 0, 0, 10 * H); // beyond the stock
        Visit air = new Visit("air-water", byAir, "WATER", 10, 30, 30, 10, 0, 0, 10 * H);
        Vehicle truck = new Vehicle("t", Mode.TRUCK, depot, matrix(), 8_000, 30_000, 0, 12 * H, 3, 0, Long.MAX_VALUE / 4);
        Vehicle bucket = Vehicle.bucket(depot);
        ReliefPlan plan = new ReliefPlan("greedy", 60, List.of(depot), List.of(truck, bucket), List.of(water, more, air));

        GreedyInitializer.initialize(plan);

        assertThat(truck.getVisits()).containsExactly(water);
        assertThat(bucket.getVisits()).containsExactlyInAnyOrder(more, air);
        assertThat(water.getArrival()).isEqualTo(H);
        assertThat(more.getVehicle()).isSameAs(bucket);
    }

    @Test
    void a_way_closed_until_a_given_hour_delays_arrivals_and_the_bound() {
        // The way to "far" (2 h) is closed until 9 h: leaving earlier means waiting at the depot.
        long[] t = {0, H, 2 * H, H, 0, 2 * H, 2 * H, 2 * H, 0};
        TravelMatrix sea = new TravelMatrix("sea, closed until 9 h", 3, t, t,
                (from, to, departure) -> t[from * 3 + to] + (from == 2 || to == 2 ? Math.max(0, 9 * H - departure) : 0));
        Depot port = new Depot("p", DEPOT, Map.of("WATER", 10_000L), EnumSet.of(Mode.BOAT));
        DemandPoint near = new DemandPoint("near", "near", NEAR, 100, 1, EnumSet.of(Mode.BOAT));
        DemandPoint far = new DemandPoint("far", "far", FAR, 40, 1, EnumSet.of(Mode.BOAT));
        Visit water = new Visit("near-water", near, "WATER", 100, 300, 300, 100, 0, 0, 10 * H);
        Visit farWater = new Visit("far-water", far, "WATER", 40, 120, 120, 40, 0, 0, 10 * H);
        Vehicle boat = new Vehicle("b", Mode.BOAT, port, sea, 3_000, 15_000, 0, 24 * H, 3, 0, Long.MAX_VALUE / 4);
        ReliefPlan plan = new ReliefPlan("hand", 60, List.of(port), List.of(boat, Vehicle.bucket(port)),
                List.of(water, farWater));
        boat.setVisits(new ArrayList<>(List.of(water, farWater)));
        ScheduleListener.refresh(boat);

        // Near at 1 h; then from near at 1 h the way to far opens at 9 h: there at 11 h, home at 13 h.
        assertThat(water.getArrival()).isEqualTo(H);
        assertThat(farWater.getArrival()).isEqualTo(11 * H);
        assertThat(farWater.returnTime()).isEqualTo(13 * H);
        PlanOutcome o = PlanOutcome.of(plan);
        assertThat(o.bound()).as("far cannot be reached before 11 h").isEqualTo(100);
        assertThat(o.servedByDeadline()).isEqualTo(100);

        // The greedy first plan makes the same wait.
        GreedyInitializer.initialize(plan);
        assertThat(farWater.getArrival()).isEqualTo(11 * H);
    }
}
