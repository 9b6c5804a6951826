package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
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
 * One test per constraint, penalized and not. A line of four places, 0 (depot) - 1 - 2 - 3, 600 s
 * (10 km) apart; travel time in seconds.
 */
class ReliefConstraintsTest {

    private final ConstraintVerifier<ReliefConstraints, ReliefPlan> verifier = ConstraintVerifier.build(
            new ReliefConstraints(), ReliefPlan.class, Vehicle.class, Visit.class);

    private static final Location DEPOT = new Location(0, "depot", 120.0, 28.0);
    private static final Location[] PLACES = {DEPOT, new Location(1, "a", 120.1, 28.0),
            new Location(2, "b", 120.2, 28.0), new Location(3, "c", 120.3, 28.0)};
    private static final TravelMatrix LINE;

    static {
        long[] time = new long[16];
        long[] metres = new long[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                time[i * 4 + j] = 600L * Math.abs(i - j);
                metres[i * 4 + j] = 10_000L * Math.abs(i - j);
            }
        }
        // the road between b and c is cut
        time[2 * 4 + 3] = TravelMatrix.UNREACHABLE;
        time[3 * 4 + 2] = TravelMatrix.UNREACHABLE;
        LINE = new TravelMatrix("line", 4, time, metres);
    }

    private final Depot depot = new Depot("d", DEPOT, Map.of("WATER", 100L, "TENT", 5L), EnumSet.allOf(Mode.class));

    private Vehicle truck(long weightCapacity, int trips, long dutyEnd, Visit... visits) {
        return vehicle(Mode.TRUCK, weightCapacity, trips, dutyEnd, Long.MAX_VALUE / 4, visits);
    }

    private Vehicle vehicle(Mode mode, long weightCapacity, int trips, long dutyEnd, long range, Visit... visits) {
        Vehicle v = new Vehicle(mode + "-1", mode, depot, LINE, weightCapacity, 1_000_000, 0, dutyEnd, trips, 0, range);
        v.setVisits(new ArrayList<>(List.of(visits)));
        ScheduleListener.refresh(v);
        return v;
    }

    private static Visit visit(String id, int place, String material, long quantity, long deadline, Set<Mode> modes) {
        DemandPoint point = new DemandPoint("p" + place, "place " + place, PLACES[place], 100, 1, modes);
        return new Visit(id, point, material, quantity, quantity * 10, quantity, 100, 0, 0, deadline);
    }

    private static Visit visit(String id, int place, long quantity) {
        return visit(id, place, "WATER", quantity, 36_000, EnumSet.allOf(Mode.class));
    }

    @Test
    void a_vehicle_whose_mode_cannot_reach_the_point_is_penalized() {
        Visit byAirOnly = visit("x", 1, "WATER", 1, 36_000, EnumSet.of(Mode.HELICOPTER));
        truck(1000, 1, 86_400, byAirOnly);
        verifier.verifyThat(ReliefConstraints::modeReachesPoint).given(byAirOnly).penalizesBy(1000);
        Visit byRoad = visit("y", 1, 1);
        truck(1000, 1, 86_400, byRoad);
        verifier.verifyThat(ReliefConstraints::modeReachesPoint).given(byRoad).penalizesBy(0);
    }

    @Test
    void a_leg_over_a_cut_road_is_penalized() {
        Visit b = visit("b", 2, 1);
        Visit c = visit("c", 3, 1);
        truck(1000, 1, Long.MAX_VALUE / 4, b, c);
        verifier.verifyThat(ReliefConstraints::legIsTravelable).given(b, c).penalizesBy(1000);
        Visit a = visit("a", 1, 1);
        Visit b2 = visit("b2", 2, 1);
        truck(1000, 1, 86_400, a, b2);
        verifier.verifyThat(ReliefConstraints::legIsTravelable).given(a, b2).penalizesBy(0);
    }

    @Test
    void a_single_trip_over_capacity_is_penalized_by_the_excess_and_a_second_trip_avoids_it() {
        Visit a = visit("a", 1, 60);   // 600 kg
        Visit b = visit("b", 2, 50);   // 500 kg
        truck(1000, 1, 86_400, a, b);
        verifier.verifyThat(ReliefConstraints::capacity).given(a, b).penalizesBy(100);
        Visit a2 = visit("a2", 1, 60);
        Visit b2 = visit("b2", 2, 50);
        truck(1000, 2, 86_400, a2, b2);
        verifier.verifyThat(ReliefConstraints::capacity).given(a2, b2).penalizesBy(0);
    }

    @Test
    void taking_more_than_the_depot_holds_is_penalized() {
        Visit tents = visit("t", 1, "TENT", 8, 36_000, EnumSet.allOf(Mode.class));
        truck(1000, 1, 86_400, tents);
        verifier.verifyThat(ReliefConstraints::depotStock).given(tents).penalizesBy(3);
        Visit few = visit("f", 1, "TENT", 5, 36_000, EnumSet.allOf(Mode.class));
        truck(1000, 1, 86_400, few);
        verifier.verifyThat(ReliefConstraints::depotStock).given(few).penalizesBy(0);
    }

    @Test
    void a_hub_fed_by_a_warehouse_shares_its_stock_with_the_warehouse_s_own_trucks() {
        // A port fed by the depot (transshipment): what its boat takes and what the depot's truck takes
        // come out of the same 5 tents.
        Depot port = Depot.fedBy("port", PLACES[1], EnumSet.of(Mode.BOAT), depot);
        assertThat(port.stockOf("TENT")).isEqualTo(5);
        assertThat(port.stockHolder()).isSameAs(depot);
        Visit byTruck = visit("t", 2, "TENT", 3, 36_000, EnumSet.allOf(Mode.class));
        truck(1000, 1, 86_400, byTruck);
        Visit byBoat = visit("b", 3, "TENT", 4, 36_000, EnumSet.allOf(Mode.class));
        Vehicle boat = new Vehicle("BOAT-1", Mode.BOAT, port, LINE, 1000, 1_000_000, 0, 86_400, 1, 0, Long.MAX_VALUE / 4);
        boat.setVisits(new ArrayList<>(List.of(byBoat)));
        ScheduleListener.refresh(boat);
        verifier.verifyThat(ReliefConstraints::depotStock).given(byTruck, byBoat).penalizesBy(2);
        assertThatThrownBy(() -> Depot.fedBy("relay", PLACES[2], EnumSet.of(Mode.BOAT), port))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_helicopter_trip_beyond_its_range_is_penalized() {
        Visit far = visit("far", 2, 1);  // 20 km out and 20 km back
        vehicle(Mode.HELICOPTER, 1000, 1, 86_400, 30_000, far);
        verifier.verifyThat(ReliefConstraints::range).given(far).penalizesBy(10_000);
        Visit near = visit("near", 1, 1);
        vehicle(Mode.HELICOPTER, 1000, 1, 86_400, 30_000, near);
        verifier.verifyThat(ReliefConstraints::range).given(near).penalizesBy(0);
    }

    @Test
    void coming_back_after_the_end_of_duty_is_penalized() {
        Visit a = visit("a", 2, 1); // back home at 2 x 1200 s
        truck(1000, 1, 2000, a);
        verifier.verifyThat(ReliefConstraints::duty).given(a).penalizesBy(400);
        Visit b = visit("b", 2, 1);
        truck(1000, 1, 2400, b);
        verifier.verifyThat(ReliefConstraints::duty).given(b).penalizesBy(0);
    }

    @Test
    void deliveries_left_in_the_bucket_are_penalized_by_people_and_priority() {
        Visit left = visit("left", 1, 1);
        Vehicle bucket = Vehicle.bucket(depot);
        bucket.setVisits(new ArrayList<>(List.of(left)));
        ScheduleListener.refresh(bucket);
        verifier.verifyThat(ReliefConstraints::unmetDemand).given(left).penalizesBy(100 * Visit.LATENESS_CAP);
        Visit made = visit("made", 1, 1);
        truck(1000, 1, 86_400, made);
        verifier.verifyThat(ReliefConstraints::unmetDemand).given(made).penalizesBy(0);
    }

    @Test
    void late_deliveries_are_penalized_per_started_minute_and_person() {
        Visit late = visit("late", "WATER", 2, 1000);  // arrives at 1200 s: 200 s late = 4 minutes
        truck(1000, 1, 86_400, late);
        verifier.verifyThat(ReliefConstraints::lateDelivery).given(late).penalizesBy(100 * 4);
        Visit onTime = visit("onTime", "WATER", 2, 1200);
        truck(1000, 1, 86_400, onTime);
        verifier.verifyThat(ReliefConstraints::lateDelivery).given(onTime).penalizesBy(0);
    }

    @Test
    void a_point_with_one_delivery_late_or_missing_is_penalized_once_by_its_people() {
        Visit water = visit("water", 1, "WATER", 1, 36_000, EnumSet.allOf(Mode.class));
        Visit tent = new Visit("tent", water.getPoint(), "TENT", 1, 10, 1, 100, 0, 0, 300); // arrives at 600 s
        Visit kit = new Visit("kit", water.getPoint(), "KIT", 1, 10, 1, 100, 0, 0, 300);
        truck(1000, 1, 86_400, water, tent);
        Vehicle bucket = Vehicle.bucket(depot);
        bucket.setVisits(new ArrayList<>(List.of(kit)));
        ScheduleListener.refresh(bucket);
        verifier.verifyThat(ReliefConstraints::pointNotFullyServed).given(water, tent, kit)
                .penalizesBy(100 * Visit.LATENESS_CAP);
        Visit a = visit("a", 1, 1);
        Visit b = visit("b", 2, 1);
        truck(1000, 1, 86_400, a, b);
        verifier.verifyThat(ReliefConstraints::pointNotFullyServed).given(a, b).penalizesBy(0);
    }

    @Test
    void travel_time_counts_every_leg_and_the_way_home() {
        Visit a = visit("a", 1, 1);
        Visit b = visit("b", 2, 1);
        truck(1000, 1, 86_400, a, b);
        verifier.verifyThat(ReliefConstraints::travelTime).given(a, b).penalizesBy(600 + 600 + 1200);
        Visit left = visit("left", 1, 1);
        Vehicle bucket = Vehicle.bucket(depot);
        bucket.setVisits(new ArrayList<>(List.of(left)));
        ScheduleListener.refresh(bucket);
        verifier.verifyThat(ReliefConstraints::travelTime).given(left).penalizesBy(0);
    }

    private static Visit visit(String id, String material, int place, long deadline) {
        return visit(id, place, material, 1, deadline, EnumSet.allOf(Mode.class));
    }
}
