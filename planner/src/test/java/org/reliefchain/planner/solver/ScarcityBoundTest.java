package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
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
 * The scarcity bound against the best plan exhaustive search finds: never below it, on hand-made cases
 * where stock, not reach or vehicles, is what runs short, and on random small problems.
 */
class ScarcityBoundTest {

    private static final long H = 3600;
    private static final SolutionManager<ReliefPlan, HardMediumSoftLongScore> SCORES = SolutionManager.create(
            SolverFactory.create(ReliefSolver.config(SolveLimit.steps(1), 1L)));

    @Test
    void stock_for_one_village_serves_the_larger_one_though_the_truck_could_carry_both() {
        Location[] at = locations(3);
        TravelMatrix road = matrix(new long[][] {{0, H, H}, {H, 0, H}, {H, H, 0}});
        Depot depot = new Depot("depot", at[0], Map.of("WATER", 1000L), EnumSet.of(Mode.TRUCK));
        DemandPoint big = point("big", at[1], 300, Mode.TRUCK);
        DemandPoint small = point("small", at[2], 100, Mode.TRUCK);
        List<Visit> visits = List.of(visit(big, "WATER", 1000, 10 * H), visit(small, "WATER", 1000, 10 * H));
        Vehicle truck = new Vehicle("truck", Mode.TRUCK, depot, road, 5000, 50_000, 0, 12 * H, 2, 0, Long.MAX_VALUE / 4);
        ReliefPlan plan = plan(List.of(depot), List.of(truck), visits);

        assertThat(PlanOutcome.bound(plan)).isEqualTo(400);
        assertThat(FleetBound.of(plan)).isEqualTo(400);
        assertThat(ScarcityBound.explain(plan)).isEqualTo(new ScarcityBound.Result(300, "WATER"));
        assertThat(exhaustiveBest(plan)).isEqualTo(300);
    }

    @Test
    void only_the_stock_within_reach_by_the_deadline_counts() {
        // The near depot holds half the water the town needs; the far one holds plenty but its truck
        // arrives after the deadline. Every material is within reach, so the physical bound counts the town.
        Location[] at = locations(3);
        TravelMatrix road = matrix(new long[][] {{0, 12 * H, H}, {12 * H, 0, 12 * H}, {H, 12 * H, 0}});
        Depot near = new Depot("near", at[0], Map.of("WATER", 500L, "FOOD", 1000L), EnumSet.of(Mode.TRUCK));
        Depot far = new Depot("far", at[1], Map.of("WATER", 100_000L), EnumSet.of(Mode.TRUCK));
        DemandPoint town = point("town", at[2], 1000, Mode.TRUCK);
        List<Visit> visits = List.of(visit(town, "WATER", 1000, 10 * H), visit(town, "FOOD", 100, 10 * H));
        List<Vehicle> trucks = List.of(
                new Vehicle("near-truck", Mode.TRUCK, near, road, 8000, 80_000, 0, 24 * H, 3, 0, Long.MAX_VALUE / 4),
                new Vehicle("far-truck", Mode.TRUCK, far, road, 8000, 80_000, 0, 36 * H, 3, 0, Long.MAX_VALUE / 4));
        ReliefPlan plan = plan(List.of(near, far), trucks, visits);

        assertThat(PlanOutcome.bound(plan)).isEqualTo(1000);
        assertThat(FleetBound.of(plan)).isEqualTo(1000);
        assertThat(ScarcityBound.explain(plan)).isEqualTo(new ScarcityBound.Result(500, "WATER"));
        assertThat(exhaustiveBest(plan)).isZero();
    }

    @Test
    void a_material_without_weight_or_volume_neither_overflows_nor_lowers_the_bound() {
        // Documents (permits, vouchers) weigh nothing here: a truck could carry any number of them, and
        // the all-by-weight relaxation has nothing to limit. Capacities held at "no limit" must not wrap.
        Location[] at = locations(3);
        TravelMatrix road = matrix(new long[][] {{0, H, H}, {H, 0, H}, {H, H, 0}});
        Depot depot = new Depot("depot", at[0], Map.of("VOUCHER", 10_000L), EnumSet.of(Mode.TRUCK));
        DemandPoint a = point("a", at[1], 300, Mode.TRUCK);
        DemandPoint b = point("b", at[2], 200, Mode.TRUCK);
        List<Visit> visits = List.of(
                new Visit("a-v", a, "VOUCHER", 5000, 0, 0, 300, 600, 0, 10 * H),
                new Visit("b-v", b, "VOUCHER", 5000, 0, 0, 200, 600, 0, 10 * H));
        Vehicle truck = new Vehicle("truck", Mode.TRUCK, depot, road, 5000, 50_000, 0, 12 * H, 1_000_000, 0,
                Long.MAX_VALUE / 4);
        ReliefPlan plan = plan(List.of(depot), List.of(truck), visits);

        assertThat(exhaustiveBest(plan)).isEqualTo(500);
        assertThat(ScarcityBound.of(plan)).isEqualTo(500);
        assertThat(FleetBound.of(plan)).isEqualTo(500);
    }

    @Test
    void a_point_whose_materials_have_different_deadlines_counts_by_the_later_one() {
        // Food is due in 10 h, water in 3 h; the truck reaches the village in 2 h. The village must not be
        // judged by the earlier deadline for the food, which a slow second trip still brings in time.
        Location[] at = locations(2);
        TravelMatrix road = matrix(new long[][] {{0, 2 * H}, {2 * H, 0}});
        Depot depot = new Depot("depot", at[0], Map.of("WATER", 100L, "FOOD", 100L), EnumSet.of(Mode.TRUCK));
        DemandPoint village = point("village", at[1], 400, Mode.TRUCK);
        List<Visit> visits = List.of(visit(village, "WATER", 100, 3 * H), visit(village, "FOOD", 100, 10 * H));
        Vehicle truck = new Vehicle("truck", Mode.TRUCK, depot, road, 100, 50_000, 0, 12 * H, 2, 0, Long.MAX_VALUE / 4);
        ReliefPlan plan = plan(List.of(depot), List.of(truck), visits);

        assertThat(exhaustiveBest(plan)).isEqualTo(400);
        assertThat(ScarcityBound.of(plan)).isGreaterThanOrEqualTo(400);
    }

    @Test
    void each_material_is_judged_against_its_own_deadline_when_two_depots_bring_them() {
        // Water due in 3 h from a depot 1 h away, food due in 10 h from one 5 h away: two trucks serve the
        // village in full and on time, so neither bound may leave it out.
        Location[] at = locations(3);
        TravelMatrix road = matrix(new long[][] {{0, 6 * H, H}, {6 * H, 0, 5 * H}, {H, 5 * H, 0}});
        Depot near = new Depot("near", at[0], Map.of("WATER", 100L), EnumSet.of(Mode.TRUCK));
        Depot far = new Depot("far", at[1], Map.of("FOOD", 100L), EnumSet.of(Mode.TRUCK));
        DemandPoint village = point("village", at[2], 400, Mode.TRUCK);
        List<Visit> visits = List.of(visit(village, "WATER", 100, 3 * H), visit(village, "FOOD", 100, 10 * H));
        List<Vehicle> trucks = List.of(
                new Vehicle("near-truck", Mode.TRUCK, near, road, 1000, 50_000, 0, 12 * H, 1, 0, Long.MAX_VALUE / 4),
                new Vehicle("far-truck", Mode.TRUCK, far, road, 1000, 50_000, 0, 12 * H, 1, 0, Long.MAX_VALUE / 4));
        ReliefPlan plan = plan(List.of(near, far), trucks, visits);

        assertThat(exhaustiveBest(plan)).isEqualTo(400);
        assertThat(PlanOutcome.bound(plan)).isEqualTo(400);
        assertThat(FleetBound.of(plan)).isEqualTo(400);
        assertThat(ScarcityBound.of(plan)).isEqualTo(400);
    }

    @Test
    void a_port_fed_by_a_warehouse_shares_its_stock_with_the_warehouses_own_trucks() {
        Location[] at = locations(4);
        long[][] t = {{0, H, H, 20 * H}, {H, 0, 20 * H, H}, {H, 20 * H, 0, 20 * H}, {20 * H, H, 20 * H, 0}};
        TravelMatrix road = matrix(t);
        TravelMatrix sea = matrix(t);
        Depot warehouse = new Depot("warehouse", at[0], Map.of("WATER", 1000L), EnumSet.of(Mode.TRUCK));
        Depot port = Depot.fedBy("port", at[1], EnumSet.of(Mode.BOAT), warehouse);
        DemandPoint village = point("village", at[2], 200, Mode.TRUCK);
        DemandPoint island = point("island", at[3], 300, Mode.BOAT);
        List<Visit> visits = List.of(visit(village, "WATER", 1000, 10 * H), visit(island, "WATER", 1000, 10 * H));
        List<Vehicle> fleet = List.of(
                new Vehicle("truck", Mode.TRUCK, warehouse, road, 8000, 80_000, 0, 12 * H, 1, 0, Long.MAX_VALUE / 4),
                new Vehicle("boat", Mode.BOAT, port, sea, 8000, 80_000, 0, 12 * H, 1, 0, Long.MAX_VALUE / 4));
        ReliefPlan plan = plan(List.of(warehouse, port), fleet, visits);

        assertThat(FleetBound.of(plan)).isEqualTo(500);
        assertThat(ScarcityBound.of(plan)).isEqualTo(300).isEqualTo(exhaustiveBest(plan));
    }

    @Test
    void never_below_the_best_plan_on_random_small_problems() {
        Random random = new Random(20261202);
        int tight = 0;
        for (int n = 0; n < 100; n++) {
            ReliefPlan plan = randomPlan(random);
            long best = exhaustiveBest(plan);
            long scarcity = ScarcityBound.of(plan);
            assertThat(scarcity).as("problem %d", n).isGreaterThanOrEqualTo(best)
                    .isLessThanOrEqualTo(FleetBound.of(plan)).isLessThanOrEqualTo(PlanOutcome.bound(plan));
            if (scarcity == best) {
                tight++;
            }
        }
        // Not a property, a sanity check that the random problems are not all trivially tight or empty.
        assertThat(tight).isBetween(1, 99);
    }

    /**
     * Two depots with a vehicle each (a truck, and a truck or a boat), three points, four deliveries;
     * random times (made shortest paths), stock, capacities, trips, hours and deadlines.
     */
    private static ReliefPlan randomPlan(Random random) {
        Location[] at = locations(5);
        long[][] t = new long[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                t[i][j] = t[j][i] = (1 + random.nextInt(12)) * H / 2;
            }
        }
        // Shortest paths, as travel matrices are: going straight is never slower than going via a stop.
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    t[i][j] = Math.min(t[i][j], t[i][k] + t[k][j]);
                }
            }
        }
        TravelMatrix travel = matrix(t);
        String[] materials = {"WATER", "FOOD"};
        Mode second = random.nextBoolean() ? Mode.TRUCK : Mode.BOAT;
        List<Depot> depots = new ArrayList<>();
        List<Vehicle> vehicles = new ArrayList<>();
        Mode[] modes = {Mode.TRUCK, second};
        for (int d = 0; d < 2; d++) {
            Map<String, Long> stock = new HashMap<>();
            for (String m : materials) {
                stock.put(m, (long) (500 * random.nextInt(4)));
            }
            Depot depot = new Depot("D" + d, at[d], stock, EnumSet.of(modes[d]));
            depots.add(depot);
            vehicles.add(new Vehicle("V" + d, modes[d], depot, travel, 500L * (2 + random.nextInt(4)), 100_000,
                    random.nextInt(3) * H / 2, (8 + random.nextInt(7)) * H, 1 + random.nextInt(2),
                    random.nextInt(2) * H / 2, Long.MAX_VALUE / 4));
        }
        List<Visit> visits = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            Set<Mode> reach = random.nextInt(3) == 0 ? EnumSet.of(second) : EnumSet.of(Mode.TRUCK, second);
            DemandPoint point = new DemandPoint("P" + p, "P" + p, at[2 + p], 50 + random.nextInt(450), 1, reach);
            long deadline = (4 + random.nextInt(7)) * H;
            int needs = p == 0 ? 2 : 1;
            int first = random.nextInt(2);
            for (int k = 0; k < needs; k++) {
                visits.add(visit(point, materials[(first + k) % 2], 500L * (1 + random.nextInt(2)), deadline));
            }
        }
        return plan(depots, vehicles, visits);
    }

    /**
     * The most people any plan serves by the deadline: every order of the deliveries, split every way
     * between the vehicles and the unassigned bucket, kept when no hard constraint is broken.
     */
    private static long exhaustiveBest(ReliefPlan plan) {
        List<Vehicle> real = plan.getVehicles().stream().filter(Vehicle::isReal).toList();
        Vehicle bucket = plan.getVehicles().stream().filter(Vehicle::isBucket).findFirst().orElseThrow();
        long[] best = {0};
        permute(new ArrayList<>(plan.getVisits()), 0, order -> {
            for (int a = 0; a <= order.size(); a++) {
                for (int b = a; b <= order.size(); b++) {
                    real.get(0).setVisits(new ArrayList<>(order.subList(0, a)));
                    if (real.size() > 1) {
                        real.get(1).setVisits(new ArrayList<>(order.subList(a, b)));
                    } else if (b > a) {
                        continue;
                    }
                    bucket.setVisits(new ArrayList<>(order.subList(b, order.size())));
                    plan.getVehicles().forEach(ScheduleListener::refresh);
                    if (SCORES.update(plan).hardScore() == 0) {
                        best[0] = Math.max(best[0], PlanOutcome.of(plan).servedByDeadline());
                    }
                }
            }
        });
        return best[0];
    }

    private static void permute(List<Visit> visits, int k, java.util.function.Consumer<List<Visit>> each) {
        if (k == visits.size()) {
            each.accept(visits);
            return;
        }
        for (int i = k; i < visits.size(); i++) {
            java.util.Collections.swap(visits, k, i);
            permute(visits, k + 1, each);
            java.util.Collections.swap(visits, k, i);
        }
    }

    private static Location[] locations(int n) {
        Location[] at = new Location[n];
        for (int i = 0; i < n; i++) {
            at[i] = new Location(i, "L" + i, 121 + i * 0.1, 28);
        }
        return at;
    }

    private static TravelMatrix matrix(long[][] t) {
        int n = t.length;
        long[] flat = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                flat[i * n + j] = t[i][j];
            }
        }
        return new TravelMatrix("test", n, flat, flat.clone());
    }

    private static DemandPoint point(String id, Location at, long people, Mode mode) {
        return new DemandPoint(id, id, at, people, 1, EnumSet.of(mode));
    }

    private static int visits;

    private static Visit visit(DemandPoint p, String material, long quantity, long deadline) {
        return new Visit(p.id() + "-" + material + "-" + (++visits), p, material, quantity, quantity, quantity,
                p.population(), 10 * 60, 0, deadline);
    }

    private static ReliefPlan plan(List<Depot> depots, List<Vehicle> vehicles, List<Visit> visits) {
        List<Vehicle> all = new ArrayList<>(vehicles);
        Vehicle bucket = Vehicle.bucket(depots.get(0));
        bucket.setVisits(new ArrayList<>(visits));
        all.add(bucket);
        return new ReliefPlan("test", 60, depots, all, visits);
    }
}
