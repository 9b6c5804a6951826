package org.reliefchain.planner.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * A second upper bound on the 10-hour figure that also counts the fleet: the physical bound
 * ({@link PlanOutcome#bound}) asks only whether some vehicle could reach a point in time, so a place
 * that three boats can reach counts in full even when those boats cannot carry all it needs.
 *
 * <p>It is a relaxation solved exactly as a minimum-cost flow: each vehicle can carry at most its
 * weight capacity times the number of trips whose first stop it could reach by the deadline (every trip
 * at least goes out to the nearest point it can serve and back home to reload, and the last one must be
 * home by the end of duty); that weight flows to
 * points it can reach by their deadline, and a point yields its population in proportion to the share
 * of its demand (by weight) that arrives. Everything a plan must also respect and this ignores (duty,
 * volume, range per trip, stock quantities, routing between stops, whole points only) can only lower
 * what is achievable, so no plan serves more people than this. When the plan's figure is close to this
 * bound and far from the physical one, what is missing is vehicles, not a better plan.
 */
public final class FleetBound {

    /** Above any point's people per kg of its demand (relief needs kilograms per person). */
    private static final double RATIO_CEILING = 1000.0;

    private FleetBound() {
    }

    /**
     * How many trips could reach a stop {@code out} away by {@code by} and still be home ({@code back}
     * later) by the end of duty, each trip before costing at least {@code cycle}.
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

    private static int cap(long value) {
        return (int) Math.min(Integer.MAX_VALUE / 4, value);
    }

    /** People the fleet could at most serve by the deadline (fractional points counted pro rata), rounded down. */
    public static long of(ReliefPlan plan) {
        Map<DemandPoint, Long> weight = new LinkedHashMap<>();
        Map<DemandPoint, Long> deadline = new HashMap<>();
        Map<DemandPoint, Set<String>> materials = new HashMap<>();
        for (Visit x : plan.getVisits()) {
            weight.merge(x.getPoint(), x.getWeight(), Long::sum);
            deadline.merge(x.getPoint(), x.getDeadline(), Math::min);
            materials.computeIfAbsent(x.getPoint(), p -> new java.util.HashSet<>()).add(x.getMaterial());
        }
        Set<DemandPoint> inBound = PlanOutcome.reachableInTime(plan);
        List<Vehicle> fleet = plan.getVehicles().stream().filter(v -> v.isReal() && !v.isWithdrawn()).toList();
        long latest = deadline.values().stream().mapToLong(Long::longValue).max().orElse(0);

        Graph<Object, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Object source = "source";
        Object sink = "sink";
        g.addVertex(source);
        g.addVertex(sink);
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        Map<DefaultWeightedEdge, Double> cost = new HashMap<>();
        // Vehicles alike (same depot, mode, matrix, start, capacity, trips) count as one node.
        Map<List<Object>, List<Vehicle>> alike = new LinkedHashMap<>();
        for (Vehicle v : fleet) {
            alike.computeIfAbsent(List.of(v.getHome(), v.getMode(), v.getTravel(), v.getAvailableFrom(), v.getLoadTime(),
                    v.getWeightCapacity(), v.getMaxTrips()), k -> new ArrayList<>()).add(v);
        }
        long total = 0;
        for (List<Vehicle> group : alike.values()) {
            Vehicle v = group.get(0);
            long start = v.getAvailableFrom() + v.getLoadTime();
            Map<DemandPoint, Long> reachable = new LinkedHashMap<>();
            long out = TravelMatrix.UNREACHABLE;
            long back = TravelMatrix.UNREACHABLE;
            for (Map.Entry<DemandPoint, Set<String>> e : materials.entrySet()) {
                DemandPoint p = e.getKey();
                if (!inBound.contains(p) || !p.modes().contains(v.getMode())
                        || e.getValue().stream().noneMatch(m -> v.getHome().stockOf(m) > 0)) {
                    continue;
                }
                long t = v.getTravel().time(v.location(), p.location());
                if (t >= TravelMatrix.UNREACHABLE || start + t > deadline.get(p)) {
                    continue;
                }
                reachable.put(p, t);
                out = Math.min(out, t);
                back = Math.min(back, v.getTravel().time(p.location(), v.location()));
            }
            if (reachable.isEmpty()) {
                continue;
            }
            // Every trip before the k-th went out to some point and came back to reload: at least one cycle.
            long cycle = back < TravelMatrix.UNREACHABLE ? out + back + v.getLoadTime() : TravelMatrix.UNREACHABLE;
            long carried = group.size() * v.getWeightCapacity() * trips(v, start, out, back, cycle, latest);
            total += carried;
            g.addVertex(v);
            DefaultWeightedEdge supply = g.addEdge(source, v);
            capacity.put(supply, cap(carried));
            for (Map.Entry<DemandPoint, Long> e : reachable.entrySet()) {
                DemandPoint p = e.getKey();
                if (!g.containsVertex(p)) {
                    g.addVertex(p);
                    DefaultWeightedEdge demand = g.addEdge(p, sink);
                    long w = Math.max(1, weight.get(p));
                    capacity.put(demand, cap(w));
                    cost.put(demand, RATIO_CEILING - (double) p.population() / w);
                }
                // Trips whose stop at p could still be on time: a far point gets fewer than a near one.
                long onTime = trips(v, start, e.getValue(), v.getTravel().time(p.location(), v.location()), cycle,
                        deadline.get(p));
                capacity.put(g.addEdge(v, p), cap(group.size() * v.getWeightCapacity() * onTime));
            }
        }
        if (total == 0) {
            return 0;
        }
        // Whatever the fleet cannot usefully carry goes straight to the sink at no gain. Costs are kept
        // non-negative (people per kg subtracted from a ceiling), so served = ceiling x supplied - cost.
        DefaultWeightedEdge spare = g.addEdge(source, sink);
        int supplied = cap(total);
        capacity.put(spare, supplied);
        cost.put(spare, RATIO_CEILING);
        // JGraphT's capacity scaling takes arc costs from the edge weights.
        for (DefaultWeightedEdge e : g.edgeSet()) {
            g.setEdgeWeight(e, cost.getOrDefault(e, 0.0));
        }
        MinimumCostFlowProblem<Object, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                g, node -> node == source ? supplied : node == sink ? -supplied : 0, capacity::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<Object, DefaultWeightedEdge>().getMinimumCostFlow(problem);
        double served = RATIO_CEILING * supplied - flow.getCost();
        // A small tolerance for floating-point sums.
        return (long) Math.floor(served + 1e-6 * Math.max(1, served));
    }
}
