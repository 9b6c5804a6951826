package org.reliefchain.planner.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
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
 * weight capacity times the number of trips that could reach a stop by the deadline and still be home
 * by the end of duty (every trip before goes at least out to the nearest point it can serve and back
 * to reload); that weight flows to points of the physical bound that the vehicle can reach in time,
 * and a point yields its population in proportion to the share of its demand (by weight) that
 * arrives. What a plan must also respect and this ignores (volume, range per trip, stock quantities,
 * routing between stops, whole points only) can only lower what is achievable, so no plan serves
 * more people than this. A plan close to this bound and far from the physical one is short of
 * vehicles, not of search.
 */
public final class FleetBound {

    private final Graph<Object, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    private final Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
    private final Object source = "source";
    private final Object sink = "sink";
    private final Map<DemandPoint, Long> weight = new LinkedHashMap<>();
    private final Map<DemandPoint, Long> deadline = new HashMap<>();
    private final Map<DemandPoint, Set<String>> materials = new LinkedHashMap<>();
    /** Above every point's people per kg, so that every arc cost stays non-negative. */
    private double ceiling = 1;

    private FleetBound() {
        graph.addVertex(source);
        graph.addVertex(sink);
    }

    /** People the fleet could at most serve by the deadline (fractional points counted pro rata), rounded down. */
    public static long of(ReliefPlan plan) {
        FleetBound bound = new FleetBound();
        for (Visit x : plan.getVisits()) {
            bound.weight.merge(x.getPoint(), x.getWeight(), Long::sum);
            bound.deadline.merge(x.getPoint(), x.getDeadline(), Math::min);
            bound.materials.computeIfAbsent(x.getPoint(), p -> new HashSet<>()).add(x.getMaterial());
        }
        bound.weight.forEach((p, w) -> bound.ceiling = Math.max(bound.ceiling, p.population() / (double) Math.max(1, w) + 1));
        Set<DemandPoint> inBound = PlanOutcome.reachableInTime(plan);
        // Vehicles alike (same depot, mode, matrix, start, capacity, trips) count as one node.
        Map<List<Object>, List<Vehicle>> alike = new LinkedHashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isReal() && !v.isWithdrawn()) {
                alike.computeIfAbsent(List.of(v.getHome(), v.getMode(), v.getTravel(), v.getAvailableFrom(),
                        v.getLoadTime(), v.getWeightCapacity(), v.getMaxTrips()), k -> new ArrayList<>()).add(v);
            }
        }
        long total = 0;
        for (List<Vehicle> group : alike.values()) {
            total += bound.addVehicles(group.get(0), group.size(), inBound);
        }
        return total == 0 ? 0 : bound.solve(cap(total));
    }

    /** Adds {@code count} vehicles like {@code v} and their arcs; returns the weight they could carry in all. */
    private long addVehicles(Vehicle v, int count, Set<DemandPoint> inBound) {
        long start = v.getAvailableFrom() + v.getLoadTime();
        TravelMatrix m = v.getTravel();
        Map<DemandPoint, Long> reachable = new LinkedHashMap<>();
        long out = TravelMatrix.UNREACHABLE;
        long back = TravelMatrix.UNREACHABLE;
        for (Map.Entry<DemandPoint, Set<String>> e : materials.entrySet()) {
            DemandPoint p = e.getKey();
            long t = m.time(v.location(), p.location());
            if (inBound.contains(p) && p.modes().contains(v.getMode()) && t < TravelMatrix.UNREACHABLE
                    && start + t <= deadline.get(p) && e.getValue().stream().anyMatch(x -> v.getHome().stockOf(x) > 0)) {
                reachable.put(p, t);
                out = Math.min(out, t);
                back = Math.min(back, m.time(p.location(), v.location()));
            }
        }
        if (reachable.isEmpty()) {
            return 0;
        }
        long cycle = back < TravelMatrix.UNREACHABLE ? out + back + v.getLoadTime() : TravelMatrix.UNREACHABLE;
        long latest = reachable.keySet().stream().mapToLong(deadline::get).max().orElseThrow();
        long carried = count * v.getWeightCapacity() * trips(v, start, out, back, cycle, latest);
        graph.addVertex(v);
        arc(source, v, carried, 0);
        for (Map.Entry<DemandPoint, Long> e : reachable.entrySet()) {
            DemandPoint p = e.getKey();
            if (graph.addVertex(p)) {
                long w = Math.max(1, weight.get(p));
                arc(p, sink, w, ceiling - p.population() / (double) w);
            }
            // Trips whose stop at p could still be on time: a far point gets fewer than a near one.
            long onTime = trips(v, start, e.getValue(), m.time(p.location(), v.location()), cycle, deadline.get(p));
            arc(v, p, count * v.getWeightCapacity() * onTime, 0);
        }
        return carried;
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

    private void arc(Object from, Object to, long kg, double cost) {
        DefaultWeightedEdge e = graph.addEdge(from, to);
        capacity.put(e, cap(kg));
        // JGraphT's capacity scaling takes arc costs from the edge weights.
        graph.setEdgeWeight(e, cost);
    }

    private long solve(int supplied) {
        // Whatever the fleet cannot usefully carry goes straight to the sink at no gain. With costs
        // of (ceiling - people per kg), served people = ceiling x supplied - total cost.
        arc(source, sink, supplied, ceiling);
        MinimumCostFlowProblem<Object, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, node -> node == source ? supplied : node == sink ? -supplied : 0, capacity::get);
        double cost = new CapacityScalingMinimumCostFlow<Object, DefaultWeightedEdge>().getMinimumCostFlow(problem).getCost();
        double served = ceiling * supplied - cost;
        // A small tolerance for floating-point sums.
        return (long) Math.floor(served + 1e-6 * Math.max(1, served));
    }

    private static int cap(long value) {
        return (int) Math.min(Integer.MAX_VALUE / 4, value);
    }
}
