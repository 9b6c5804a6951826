package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** The first plan of a revision starts from the plan being carried out. */
class GreedyInitializerTest {

    private static ReliefPlan scenario() throws Exception {
        return ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 11, 60).plan();
    }

    private static Map<String, List<String>> routes(ReliefPlan plan) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isReal() && !v.getVisits().isEmpty()) {
                out.put(v.getId(), v.getVisits().stream().map(Visit::getId).toList());
            }
        }
        return out;
    }

    @Test
    void a_plan_given_as_start_is_kept_as_it_is() throws Exception {
        ReliefPlan plan = scenario();
        GreedyInitializer.initialize(plan);
        Map<String, List<String>> greedy = routes(plan);

        // Hand one vehicle's first delivery to another vehicle of the same mode and depot, at its end.
        String from = null;
        String to = null;
        for (Vehicle a : plan.getVehicles()) {
            for (Vehicle b : plan.getVehicles()) {
                if (a != b && a.isReal() && b.isReal() && a.getMode() == b.getMode() && a.getHome() == b.getHome()
                        && a.getVisits().size() > 1 && !b.getVisits().isEmpty() && from == null) {
                    from = a.getId();
                    to = b.getId();
                }
            }
        }
        assertThat(from).as("two vehicles of one depot and mode with work").isNotNull();
        Map<String, List<String>> start = new LinkedHashMap<>(greedy);
        List<String> fromRoute = new ArrayList<>(greedy.get(from));
        String moved = fromRoute.remove(0);
        List<String> toRoute = new ArrayList<>(greedy.get(to));
        toRoute.add(moved);
        start.put(from, fromRoute);
        start.put(to, toRoute);
        // Unknown deliveries and deliveries a vehicle cannot make are passed over, not fatal.
        start.put(to, new ArrayList<>(toRoute) {{ add("no-such-delivery"); }});

        ReliefPlan again = scenario();
        GreedyInitializer.initialize(again, start);
        Map<String, List<String>> kept = routes(again);
        assertThat(kept.get(to)).containsExactlyElementsOf(toRoute);
        assertThat(kept.get(from)).containsExactlyElementsOf(fromRoute);
        // Every delivery is placed once: on a vehicle or in the unassigned bucket.
        long placed = again.getVehicles().stream().mapToLong(v -> v.getVisits().size()).sum();
        assertThat(placed).isEqualTo(again.getVisits().size());
    }

    /**
     * One truck, one trip of two deliveries' capacity. The first point in order needs three deliveries and
     * cannot be served whole; the second needs two. Served whole by the deadline is what counts, so the
     * second point gets the truck rather than two thirds of the first.
     */
    @Test
    void a_point_that_cannot_be_served_whole_in_time_does_not_take_the_vehicle_from_one_that_can() {
        Location depotAt = new Location(0, "depot", 120.0, 28.0);
        Location aAt = new Location(1, "A", 120.1, 28.0);
        Location bAt = new Location(2, "B", 120.2, 28.0);
        long[] time = new long[9];
        long[] metres = new long[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                time[i * 3 + j] = i == j ? 0 : 600;
                metres[i * 3 + j] = i == j ? 0 : 10_000;
            }
        }
        TravelMatrix road = new TravelMatrix("road", 3, time, metres);
        Depot depot = new Depot("D", depotAt, Map.of("WATER", 1_000L), java.util.EnumSet.of(Mode.TRUCK));
        Vehicle truck = new Vehicle("T1", Mode.TRUCK, depot, road, 200, 1_000_000, 0, 36_000, 1, 0, Long.MAX_VALUE / 4);
        DemandPoint a = new DemandPoint("A", "A", aAt, 300, 3, java.util.EnumSet.of(Mode.TRUCK));
        DemandPoint b = new DemandPoint("B", "B", bAt, 100, 1, java.util.EnumSet.of(Mode.TRUCK));
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            visits.add(new Visit("A/WATER/" + i, a, "WATER", 100, 100, 100, 100, 60, 0, 36_000));
        }
        for (int i = 1; i <= 2; i++) {
            visits.add(new Visit("B/WATER/" + i, b, "WATER", 100, 100, 100, 50, 60, 0, 36_000));
        }
        ReliefPlan plan = new ReliefPlan("whole", 60, List.of(depot), List.of(truck, Vehicle.bucket(depot)), visits);
        GreedyInitializer.initialize(plan);
        assertThat(truck.getVisits()).extracting(Visit::getId).containsExactly("B/WATER/1", "B/WATER/2");
        assertThat(PlanOutcome.of(plan).servedByDeadline()).isEqualTo(100);
    }
}
