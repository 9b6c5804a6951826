package org.reliefchain.planner.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.ScheduleListener;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * A first plan in well under a second, with no hard constraint broken: deliveries are appended, point
 * by point (cut-off and nearest first), to whichever vehicle would arrive earliest, a point only if all
 * its deliveries arrive by the deadline (what cannot is placed afterwards, late or in part), following the
 * same trip and reload rule as {@link ScheduleListener}; a delivery no vehicle can make within its
 * capacity, range, duty and its depot's stock goes to the unassigned bucket. The solver then
 * improves it. OptaPlanner's own construction heuristic tries every position for every delivery,
 * which takes minutes on thousands of deliveries.
 */
public final class GreedyInitializer {

    private GreedyInitializer() {
    }

    /** Where a vehicle's schedule stands after its last delivery so far. */
    private static final class State {
        Location at;
        long departure;
        int trip;
        long weight;
        long volume;
        long tripDistance;
        boolean empty = true;

        State copy() {
            State c = new State();
            c.at = at;
            c.departure = departure;
            c.trip = trip;
            c.weight = weight;
            c.volume = volume;
            c.tripDistance = tripDistance;
            c.empty = empty;
            return c;
        }
    }

    /** What appending a delivery would give: its arrival, or -1 when the vehicle cannot make it. */
    private record Attempt(long arrival, boolean newTrip) {
    }

    public static void initialize(ReliefPlan plan) {
        initialize(plan, Map.of());
    }

    /**
     * Builds the first plan starting from a given one: each vehicle first takes, in order, the deliveries
     * {@code start} lists for it (by delivery id) as far as it still can (capacity, duty, range, its
     * depot's stock); everything else is then placed greedily. A revision of a plan being carried out
     * starts from what the vehicles were already told to do, so that the search changes only what it must.
     */
    public static void initialize(ReliefPlan plan, Map<String, List<String>> start) {
        Vehicle bucket = plan.getVehicles().stream().filter(Vehicle::isBucket).findFirst().orElse(null);
        List<Vehicle> fleet = plan.getVehicles().stream().filter(Vehicle::isReal).toList();
        Map<Vehicle, State> states = new HashMap<>();
        for (Vehicle v : fleet) {
            v.getVisits().clear();
            State s = new State();
            s.at = v.location();
            s.departure = v.getAvailableFrom() + v.getLoadTime();
            states.put(v, s);
        }
        if (bucket != null) {
            bucket.getVisits().clear();
        }
        Map<Depot, Map<String, Long>> stockLeft = new HashMap<>();
        for (Depot d : plan.getDepots()) {
            stockLeft.putIfAbsent(d.stockHolder(), new HashMap<>(d.stock())); // a fed hub shares its feeder's
        }
        Map<DemandPoint, List<Visit>> byPoint = new HashMap<>();
        for (Visit v : plan.getVisits()) {
            byPoint.computeIfAbsent(v.getPoint(), p -> new ArrayList<>()).add(v);
        }
        Map<String, Visit> visitOf = new HashMap<>();
        plan.getVisits().forEach(v -> visitOf.put(v.getId(), v));
        java.util.Set<Visit> placed = new java.util.HashSet<>();
        for (Vehicle v : fleet) {
            for (String id : start.getOrDefault(v.getId(), List.of())) {
                Visit visit = visitOf.get(id);
                if (visit == null || placed.contains(visit) || !visit.getPoint().modes().contains(v.getMode())
                        || stockLeft.get(v.getHome().stockHolder()).getOrDefault(visit.getMaterial(), 0L) < visit.getQuantity()) {
                    continue;
                }
                Attempt a = attempt(v, states.get(v), visit);
                if (a != null) {
                    append(v, states.get(v), visit, a);
                    stockLeft.get(v.getHome().stockHolder()).merge(visit.getMaterial(), -visit.getQuantity(), Long::sum);
                    placed.add(visit);
                }
            }
        }
        List<DemandPoint> order = new ArrayList<>(byPoint.keySet());
        Map<DemandPoint, Long> nearest = new HashMap<>();
        for (DemandPoint p : order) {
            nearest.put(p, fleet.stream().filter(v -> p.modes().contains(v.getMode()))
                    .mapToLong(v -> v.getTravel().time(v.location(), p.location())).min().orElse(TravelMatrix.UNREACHABLE));
        }
        order.sort(Comparator.comparing((DemandPoint p) -> -p.priority()).thenComparing(nearest::get)
                .thenComparing(DemandPoint::id));
        // First pass: a point is served whole by its deadline or not at all, since only a point whose every
        // delivery arrives in time counts; partial or late deliveries would spend vehicle hours and stock
        // that other points could be served in time with.
        List<Visit> deferred = new ArrayList<>();
        for (DemandPoint p : order) {
            List<Visit> pending = byPoint.get(p).stream().filter(v -> !placed.contains(v)).toList();
            Map<Vehicle, State> before = new HashMap<>();
            Map<Vehicle, Integer> length = new HashMap<>();
            List<Visit> taken = new ArrayList<>();
            List<Vehicle> takenBy = new ArrayList<>();
            boolean whole = true;
            for (Visit visit : pending) {
                Placement found = earliest(fleet, states, stockLeft, visit, true);
                if (found == null) {
                    whole = false;
                    break;
                }
                Vehicle best = found.vehicle();
                before.putIfAbsent(best, states.get(best).copy());
                length.putIfAbsent(best, best.getVisits().size());
                append(best, states.get(best), visit, found.attempt());
                stockLeft.get(best.getHome().stockHolder()).merge(visit.getMaterial(), -visit.getQuantity(), Long::sum);
                taken.add(visit);
                takenBy.add(best);
            }
            if (whole) {
                placed.addAll(taken);
                continue;
            }
            // Undo this point's deliveries: vehicles back to where they were, stock back where it was.
            for (int i = 0; i < taken.size(); i++) {
                stockLeft.get(takenBy.get(i).getHome().stockHolder()).merge(taken.get(i).getMaterial(),
                        taken.get(i).getQuantity(), Long::sum);
            }
            before.forEach((v, state) -> {
                states.put(v, state);
                v.getVisits().subList(length.get(v), v.getVisits().size()).clear();
            });
            deferred.addAll(pending);
        }
        // Second pass: what no vehicle can bring whole in time goes where it arrives earliest, late or in part.
        for (Visit visit : deferred) {
            Placement found = earliest(fleet, states, stockLeft, visit, false);
            if (found == null) {
                if (bucket != null) {
                    bucket.getVisits().add(visit);
                } else {
                    throw new IllegalStateException("no vehicle can make " + visit + " and the plan has no bucket");
                }
                continue;
            }
            Vehicle best = found.vehicle();
            append(best, states.get(best), visit, found.attempt());
            stockLeft.get(best.getHome().stockHolder()).merge(visit.getMaterial(), -visit.getQuantity(), Long::sum);
        }
        plan.getVehicles().forEach(ScheduleListener::refresh);
    }

    /** A vehicle and what appending a delivery to it gives. */
    private record Placement(Vehicle vehicle, Attempt attempt) {
    }

    /** The vehicle that would bring {@code visit} earliest ({@code inTime}: by its deadline), or null. */
    private static Placement earliest(List<Vehicle> fleet, Map<Vehicle, State> states,
                                      Map<Depot, Map<String, Long>> stockLeft, Visit visit, boolean inTime) {
        Placement best = null;
        for (Vehicle v : fleet) {
            if (!usable(v, visit.getPoint(), visit, stockLeft)) {
                continue;
            }
            Attempt a = attempt(v, states.get(v), visit);
            if (a != null && (!inTime || a.arrival() <= visit.getDeadline())
                    && (best == null || a.arrival() < best.attempt().arrival())) {
                best = new Placement(v, a);
            }
        }
        return best;
    }

    private static boolean usable(Vehicle v, DemandPoint p, Visit visit, Map<Depot, Map<String, Long>> stockLeft) {
        return p.modes().contains(v.getMode())
                && stockLeft.get(v.getHome().stockHolder()).getOrDefault(visit.getMaterial(), 0L) >= visit.getQuantity();
    }

    private static Attempt attempt(Vehicle v, State s, Visit x) {
        TravelMatrix m = v.getTravel();
        Location home = v.location();
        boolean full = s.weight + x.getWeight() > v.getWeightCapacity() || s.volume + x.getVolume() > v.getVolumeCapacity();
        boolean newTrip = !s.empty && full && s.trip + 1 < v.getMaxTrips();
        if (full && !newTrip && !s.empty) {
            return null; // no trips left
        }
        if (x.getWeight() > v.getWeightCapacity() || x.getVolume() > v.getVolumeCapacity()) {
            return null;
        }
        long leg;
        long tripDistance;
        if (newTrip) {
            long back = m.time(s.at, home, s.departure);
            long reloaded = s.departure + back + v.getLoadTime();
            leg = back + v.getLoadTime() + m.time(home, x.location(), reloaded);
            tripDistance = m.distance(home, x.location());
        } else {
            leg = m.time(s.at, x.location(), s.departure);
            tripDistance = s.tripDistance + m.distance(s.at, x.location());
        }
        if (leg >= TravelMatrix.UNREACHABLE) {
            return null;
        }
        long arrival = Math.max(s.departure + leg, x.getReadyTime());
        long home2 = m.time(x.location(), home, arrival + x.getServiceTime());
        if (home2 >= TravelMatrix.UNREACHABLE || arrival + x.getServiceTime() + home2 > v.getDutyEnd()
                || tripDistance + m.distance(x.location(), home) > v.getRange()) {
            return null;
        }
        return new Attempt(arrival, newTrip);
    }

    private static void append(Vehicle v, State s, Visit x, Attempt a) {
        TravelMatrix m = v.getTravel();
        if (a.newTrip()) {
            s.trip++;
            s.weight = 0;
            s.volume = 0;
            s.tripDistance = m.distance(v.location(), x.location());
        } else {
            s.tripDistance += m.distance(s.at, x.location());
        }
        s.weight += x.getWeight();
        s.volume += x.getVolume();
        s.departure = a.arrival() + x.getServiceTime();
        s.at = x.location();
        s.empty = false;
        v.getVisits().add(x);
    }
}
