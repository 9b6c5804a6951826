package org.reliefchain.planner.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * The facts the flow bounds ({@link FleetBound}, {@link ScarcityBound}) are built from, and the
 * flow network they are solved on.
 *
 * <p>Every bound here is a relaxation of the plan: a vehicle carries at most its capacity times the
 * trips it has time for, to the points it could reach by their deadline; what routing, whole points
 * and the other constraints forbid is allowed. So each one is at least what any plan serves.
 */
final class TransportRelaxation {

    /** Demand of one point: its deadline and quantity, weight and volume per material. */
    static final class Need {
        /** The latest deadline of the point's deliveries: generous where they differ, so a bound stays one. */
        long deadline = Long.MIN_VALUE;
        final Map<String, Long> quantity = new LinkedHashMap<>();
        long weight;

        long quantityOf(String material) {
            return quantity.getOrDefault(material, 0L);
        }
    }

    /**
     * Vehicles alike in what they carry and where they can go (same depot, mode, matrix and capacity)
     * counted as one: {@code trips} is how many trips its vehicles could make in all to some point of
     * the bound in time, {@code onTime} per point how many of their trips could reach that point by its
     * deadline and be home by the end of duty. Summing vehicles of different hours into one node lets
     * the flow share trips between them more freely than routes can: a relaxation, so still a bound,
     * and a network a few times smaller.
     */
    static final class VehicleClass {
        final Vehicle model;
        long trips;
        final Map<DemandPoint, Long> onTime = new LinkedHashMap<>();

        VehicleClass(Vehicle model) {
            this.model = model;
        }

        Depot holder() {
            return model.getHome().stockHolder();
        }
    }

    final Set<DemandPoint> inBound;
    final Map<DemandPoint, Need> needs = new LinkedHashMap<>();
    /**
     * Per material, the least kg and litres a unit weighs in any delivery (to count what a vehicle can
     * carry) and the most (to count what a depot's stock weighs): generous either way, so a bound stays one.
     */
    final Map<String, Double> kgPerUnit = new HashMap<>();
    final Map<String, Double> mostKgPerUnit = new HashMap<>();
    final Map<String, Double> litresPerUnit = new HashMap<>();
    final List<VehicleClass> classes = new ArrayList<>();

    TransportRelaxation(ReliefPlan plan) {
        for (Visit x : plan.getVisits()) {
            Need need = needs.computeIfAbsent(x.getPoint(), p -> new Need());
            need.deadline = Math.max(need.deadline, x.getDeadline());
            need.quantity.merge(x.getMaterial(), x.getQuantity(), Long::sum);
            need.weight += x.getWeight();
            if (x.getQuantity() > 0) {
                kgPerUnit.merge(x.getMaterial(), x.getWeight() / (double) x.getQuantity(), Math::min);
                mostKgPerUnit.merge(x.getMaterial(), x.getWeight() / (double) x.getQuantity(), Math::max);
                litresPerUnit.merge(x.getMaterial(), x.getVolume() / (double) x.getQuantity(), Math::min);
            }
        }
        inBound = PlanOutcome.reachableInTime(plan);
        Map<List<Object>, List<Vehicle>> alike = new LinkedHashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isReal() && !v.isWithdrawn()) {
                alike.computeIfAbsent(List.of(v.getHome(), v.getMode(), v.getTravel(), v.getWeightCapacity(),
                        v.getVolumeCapacity()), k -> new ArrayList<>()).add(v);
            }
        }
        for (List<Vehicle> group : alike.values()) {
            VehicleClass c = new VehicleClass(group.get(0));
            group.forEach(v -> addTrips(c, v));
            if (c.trips > 0) {
                classes.add(c);
            }
        }
    }

    /** Adds the trips {@code v} could make to points of the bound in time to its class. */
    private void addTrips(VehicleClass c, Vehicle v) {
        long start = v.getAvailableFrom() + v.getLoadTime();
        TravelMatrix m = v.getTravel();
        Map<DemandPoint, long[]> reachable = new LinkedHashMap<>();
        long out = TravelMatrix.UNREACHABLE;
        long back = TravelMatrix.UNREACHABLE;
        long latest = 0;
        for (Map.Entry<DemandPoint, Need> e : needs.entrySet()) {
            DemandPoint p = e.getKey();
            long t = m.time(v.location(), p.location());
            if (inBound.contains(p) && p.modes().contains(v.getMode()) && t < TravelMatrix.UNREACHABLE
                    && start + t <= e.getValue().deadline
                    && e.getValue().quantity.keySet().stream().anyMatch(x -> v.getHome().stockOf(x) > 0)) {
                long home = m.time(p.location(), v.location());
                reachable.put(p, new long[] {t, home});
                out = Math.min(out, t);
                back = Math.min(back, home);
                latest = Math.max(latest, e.getValue().deadline);
            }
        }
        if (reachable.isEmpty()) {
            return;
        }
        // Every trip before the last goes at least out to the nearest point it can serve and back to reload.
        long cycle = back < TravelMatrix.UNREACHABLE ? out + back + v.getLoadTime() : TravelMatrix.UNREACHABLE;
        reachable.forEach((p, t) -> {
            long n = trips(v, start, t[0], t[1], cycle, needs.get(p).deadline);
            if (n > 0) {
                c.onTime.merge(p, n, Long::sum);
            }
        });
        c.trips += trips(v, start, out, back, cycle, latest);
    }

    /**
     * How many trips could reach a stop {@code out} away by {@code by} and still be home ({@code back}
     * later) by the end of duty, each trip before it costing at least {@code cycle}.
     */
    private static long trips(Vehicle v, long start, long out, long back, long cycle, long by) {
        long trips = 0;
        while (trips < v.getMaxTrips() && (trips == 0 || cycle < TravelMatrix.UNREACHABLE)) {
            long arrival = start + out + trips * cycle;
            if (arrival > by || back >= TravelMatrix.UNREACHABLE || arrival + back > v.getDutyEnd()) {
                break;
            }
            trips++;
        }
        return trips;
    }

    /** Units of {@code material} one vehicle of the class carries per trip, by weight and by volume (rounded up). */
    long unitsPerTrip(VehicleClass c, String material) {
        double kg = kgPerUnit.getOrDefault(material, 0.0);
        double litres = litresPerUnit.getOrDefault(material, 0.0);
        double byWeight = kg > 0 ? c.model.getWeightCapacity() / kg : Double.MAX_VALUE;
        double byVolume = litres > 0 ? c.model.getVolumeCapacity() / litres : Double.MAX_VALUE;
        double units = Math.min(byWeight, byVolume);
        return units >= Long.MAX_VALUE / 4.0 ? Long.MAX_VALUE / 4 : (long) Math.ceil(units);
    }

    /**
     * Puts each point of the bound that needs something to weigh into {@code kg} as a demand of its weight,
     * and returns the people of those that need nothing to weigh: no by-weight relaxation can limit them.
     */
    long weightDemands(Network kg) {
        long weightless = 0;
        for (DemandPoint p : inBound) {
            Need need = needs.get(p);
            if (need.weight > 0) {
                kg.demand(p, need.weight, p.population());
            } else {
                weightless += p.population();
            }
        }
        return weightless;
    }

    /** {@code a * b} for capacities, held at {@code Long.MAX_VALUE / 4} (no limit) instead of overflowing. */
    static long times(long a, long b) {
        long unlimited = Long.MAX_VALUE / 4;
        if (a <= 0 || b <= 0) {
            return 0;
        }
        return a > unlimited / b ? unlimited : Math.min(unlimited, a * b);
    }

    /**
     * A flow network from a source through any nodes to points, each point yielding {@code gain} people
     * per unit that reaches it (up to its need). What it returns is the most people the arcs'
     * capacities let reach the points.
     *
     * <p>Solved exactly without a general minimum-cost flow: the amounts that can reach the points
     * together form a polymatroid (what can reach a set of points is a maximum flow, submodular in the
     * set), and a linear gain is maximised over a polymatroid greedily. So points are taken by gain,
     * highest first, and each gets as much as still can reach it by augmenting paths, never taking
     * from a point taken before. A node the source cannot reach stays unreachable once flow has been
     * pushed from within what it can reach, so a point outside the last failed search's reach fails
     * without a search. On a province (3,000 points, a few hundred vehicle classes) this takes a
     * second or two where a general minimum-cost flow took tens.
     */
    static final class Network {
        private static final int SOURCE = 0;
        private final Map<Object, Integer> index = new HashMap<>();
        private final List<Object> nodes = new ArrayList<>();
        private int arcs;
        private int[] from = new int[1024];
        private int[] to = new int[1024];
        private long[] capacity = new long[1024];
        private long[] flow = new long[1024];
        private final List<int[]> out = new ArrayList<>();
        private final List<int[]> in = new ArrayList<>();
        private final List<Integer> outSize = new ArrayList<>();
        private final List<Integer> inSize = new ArrayList<>();
        private final Map<Long, Integer> arcOf = new HashMap<>();
        private final Map<Integer, Long> need = new HashMap<>();
        private final Map<Integer, Double> gain = new HashMap<>();
        private final Object source = new Object();

        Network() {
            node(source);
        }

        Object source() {
            return source;
        }

        private int node(Object o) {
            Integer i = index.get(o);
            if (i == null) {
                i = nodes.size();
                index.put(o, i);
                nodes.add(o);
                out.add(new int[4]);
                in.add(new int[4]);
                outSize.add(0);
                inSize.add(0);
            }
            return i;
        }

        /** Adds an arc (and its end nodes); capacities between the same nodes add up. */
        void arc(Object tail, Object head, long units) {
            if (units <= 0) {
                return;
            }
            int a = node(tail);
            int b = node(head);
            long key = ((long) a << 32) | b;
            Integer existing = arcOf.get(key);
            if (existing != null) {
                capacity[existing] = Math.min(Long.MAX_VALUE / 4, capacity[existing] + units);
                return;
            }
            if (arcs == from.length) {
                int n = 2 * arcs;
                from = java.util.Arrays.copyOf(from, n);
                to = java.util.Arrays.copyOf(to, n);
                capacity = java.util.Arrays.copyOf(capacity, n);
                flow = java.util.Arrays.copyOf(flow, n);
            }
            from[arcs] = a;
            to[arcs] = b;
            capacity[arcs] = Math.min(Long.MAX_VALUE / 4, units);
            arcOf.put(key, arcs);
            append(out, outSize, a, arcs);
            append(in, inSize, b, arcs);
            arcs++;
        }

        private static void append(List<int[]> lists, List<Integer> sizes, int node, int arc) {
            int[] list = lists.get(node);
            int size = sizes.get(node);
            if (size == list.length) {
                list = java.util.Arrays.copyOf(list, 2 * size);
                lists.set(node, list);
            }
            list[size] = arc;
            sizes.set(node, size + 1);
        }

        /** Up to {@code units} reach {@code point} usefully, each yielding {@code people / units}; no arc in, no gain. */
        void demand(Object point, long units, long people) {
            Integer p = index.get(point);
            if (units > 0 && p != null) {
                need.put(p, units);
                gain.put(p, people / (double) units);
            }
        }

        /** The most people the network can serve, rounded down (a point reached in part counts pro rata). */
        long solve() {
            int n = nodes.size();
            int[] outLen = outSize.stream().mapToInt(Integer::intValue).toArray();
            int[] inLen = inSize.stream().mapToInt(Integer::intValue).toArray();
            int[][] outs = out.toArray(new int[0][]);
            int[][] ins = in.toArray(new int[0][]);
            List<Integer> order = new ArrayList<>(gain.keySet());
            order.sort((x, y) -> Double.compare(gain.get(y), gain.get(x)));
            // parent[v]: the arc the search came by, plus one, negated when it was walked backwards.
            int[] parent = new int[n];
            int[] queue = new int[n];
            boolean[] reach = null; // what the source reached in the last search that failed
            double served = 0;
            for (int p : order) {
                long left = need.get(p);
                while (left > 0 && (reach == null || reach[p])) {
                    java.util.Arrays.fill(parent, 0);
                    boolean[] seen = new boolean[n];
                    seen[SOURCE] = true;
                    int head = 0;
                    int tail = 0;
                    queue[tail++] = SOURCE;
                    while (head < tail && !seen[p]) {
                        int v = queue[head++];
                        for (int k = 0; k < outLen[v] && !seen[p]; k++) {
                            int a = outs[v][k];
                            int w = to[a];
                            if (!seen[w] && flow[a] < capacity[a]) {
                                seen[w] = true;
                                parent[w] = a + 1;
                                queue[tail++] = w;
                            }
                        }
                        // Backwards along an arc with flow: a point reached that way keeps what it gets,
                        // another of its suppliers sends less so that this one can send more.
                        for (int k = 0; k < inLen[v] && !seen[p]; k++) {
                            int a = ins[v][k];
                            int w = from[a];
                            if (!seen[w] && flow[a] > 0) {
                                seen[w] = true;
                                parent[w] = -(a + 1);
                                queue[tail++] = w;
                            }
                        }
                    }
                    if (!seen[p]) {
                        reach = seen;
                        break;
                    }
                    long push = left;
                    for (int v = p; v != SOURCE; ) {
                        int a = Math.abs(parent[v]) - 1;
                        push = Math.min(push, parent[v] > 0 ? capacity[a] - flow[a] : flow[a]);
                        v = parent[v] > 0 ? from[a] : to[a];
                    }
                    for (int v = p; v != SOURCE; ) {
                        int a = Math.abs(parent[v]) - 1;
                        flow[a] += parent[v] > 0 ? push : -push;
                        v = parent[v] > 0 ? from[a] : to[a];
                    }
                    left -= push;
                    served += push * gain.get(p);
                }
            }
            // A small tolerance for floating-point sums.
            return (long) Math.floor(served + 1e-6 * Math.max(1, served));
        }
    }
}
