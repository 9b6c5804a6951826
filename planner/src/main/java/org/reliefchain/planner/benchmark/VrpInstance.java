package org.reliefchain.planner.benchmark;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * A published vehicle routing instance (Solomon VRPTW, CVRPLIB X) in one shape, and its translation
 * into a relief plan: the depot holds unlimited stock, every customer is a demand point of one
 * person with one delivery, vehicles make one trip. Distances follow the instance family's
 * convention so results compare with the published best-known solutions:
 * {@link Metric#TRUNCATED_TENTH} (DIMACS VRPTW: each arc truncated to 0.1, travel time = distance)
 * or {@link Metric#ROUNDED} (CVRPLIB EUC_2D: each arc rounded to an integer).
 *
 * <p>In the plan every quantity is an integer: with TRUNCATED_TENTH, times and distances are in
 * tenths of the instance's unit.
 */
public record VrpInstance(String name, Metric metric, Node depot, List<Node> customers, int vehicles, long capacity,
                          long horizon) {

    /** A depot or customer: coordinates, demand, time window (ready, due = latest start) and service time. */
    public record Node(int id, double x, double y, long demand, long ready, long due, long service) {
    }

    public enum Metric {
        TRUNCATED_TENTH(10), ROUNDED(1);

        /** Plan units per instance unit. */
        public final long scale;

        Metric(long scale) {
            this.scale = scale;
        }

        /** The arc length in plan units. */
        public long arc(Node a, Node b) {
            double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
            return this == TRUNCATED_TENTH ? (long) Math.floor(d * 10 + 1e-9) : Math.round(d);
        }
    }

    private List<Node> nodes() {
        List<Node> all = new ArrayList<>();
        all.add(depot);
        all.addAll(customers);
        return all;
    }

    public TravelMatrix matrix() {
        List<Node> all = nodes();
        int n = all.size();
        long[] cells = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cells[i * n + j] = metric.arc(all.get(i), all.get(j));
            }
        }
        return new TravelMatrix(name, n, cells, cells);
    }

    public ReliefPlan toPlan() {
        TravelMatrix matrix = matrix();
        Set<Mode> truck = EnumSet.of(Mode.TRUCK);
        Location depotLocation = new Location(0, "depot", depot.x(), depot.y());
        Depot home = new Depot("depot", depotLocation, Map.of("goods", Long.MAX_VALUE / 4), truck);
        long scale = metric.scale;
        List<Vehicle> fleet = new ArrayList<>();
        for (int i = 0; i < vehicles; i++) {
            fleet.add(new Vehicle("v" + (i + 1), Mode.TRUCK, home, matrix, capacity, Long.MAX_VALUE / 4,
                    depot.ready() * scale, horizon * scale, 1, 0, Long.MAX_VALUE / 4));
        }
        // Customers nobody serves wait here (scored as unmet, so never in a feasible answer); the
        // ruin-and-recreate moves park deliveries in it while they rebuild a neighbourhood.
        fleet.add(Vehicle.bucket(home));
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            Node c = customers.get(i);
            DemandPoint point = new DemandPoint("c" + c.id(), "customer " + c.id(),
                    new Location(i + 1, "c" + c.id(), c.x(), c.y()), 1, 1, truck);
            // Any lateness breaks a time window: one step per plan unit.
            visits.add(new Visit("c" + c.id(), point, "goods", c.demand(), c.demand(), 0, 1, c.service() * scale,
                    c.ready() * scale, c.due() * scale).withLatenessStep(1));
        }
        return new ReliefPlan(name, scale, List.of(home), fleet, visits);
    }

    /** Total distance of routes given as customer ids, in instance units. */
    public double distance(List<List<Integer>> routes) {
        Map<Integer, Node> byId = new java.util.HashMap<>();
        customers.forEach(c -> byId.put(c.id(), c));
        long total = 0;
        for (List<Integer> route : routes) {
            Node at = depot;
            for (int id : route) {
                Node next = byId.get(id);
                total += metric.arc(at, next);
                at = next;
            }
            if (!route.isEmpty()) {
                total += metric.arc(at, depot);
            }
        }
        return total / (double) metric.scale;
    }

    /** The routes of a solved plan as customer ids, empty vehicles left out. */
    public static List<List<Integer>> routes(ReliefPlan plan) {
        List<List<Integer>> routes = new ArrayList<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isReal() && !v.getVisits().isEmpty()) {
                routes.add(v.getVisits().stream().map(x -> Integer.parseInt(x.getId().substring(1))).toList());
            }
        }
        return routes;
    }
}
