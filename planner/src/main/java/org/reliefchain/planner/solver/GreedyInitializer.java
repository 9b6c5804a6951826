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
 * A first plan in about a second, with no hard constraint broken: each vehicle takes, one after another,
 * the point it reaches in the least time per person served from where it is, the best such offer of all
 * vehicles first (see {@link #serveWholePoints}), a point only if all its deliveries arrive by the deadline (what cannot is
 * placed afterwards, late or in part), following the
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
        List<Visit> deferred = new ArrayList<>(serveWholePoints(fleet, states, stockLeft, byPoint, placed));
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

    /**
     * First pass: a point is served whole by its deadline or not at all, since only a point whose every
     * delivery arrives in time counts; partial or late deliveries would spend vehicle hours and stock
     * that other points could be served in time with.
     *
     * <p>Vehicles take points one offer at a time: of every vehicle's best next point (the one it would
     * reach in the least time per person from where it is, see {@link #key}), the best offer is served
     * next, what the vehicle's depot does not hold going to the vehicles that would bring it earliest;
     * that vehicle then looks again from where it is. So each vehicle works outwards from its depot
     * through the points that reach most people soonest, and far points go to whoever is left near them.
     * The fixed order used before (every point, cut-off and nearest first, to whichever vehicle would
     * arrive first) served 30 % fewer people at province scale without pre-positioning (planner bench,
     * docs/performance.md). Returns the deliveries of points no vehicle could serve whole in time.
     */
    private static List<Visit> serveWholePoints(List<Vehicle> fleet, Map<Vehicle, State> states,
                                                Map<Depot, Map<String, Long>> stockLeft,
                                                Map<DemandPoint, List<Visit>> byPoint, java.util.Set<Visit> placed) {
        Map<DemandPoint, List<Visit>> open = new java.util.LinkedHashMap<>();
        byPoint.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(DemandPoint::id)))
                .forEach(e -> {
                    List<Visit> pending = e.getValue().stream().filter(v -> !placed.contains(v)).toList();
                    if (!pending.isEmpty()) {
                        open.put(e.getKey(), pending);
                    }
                });
        List<DemandPoint> points = new ArrayList<>(open.keySet());
        List<DemandPoint> failed = new ArrayList<>();
        java.util.PriorityQueue<Offer> offers = new java.util.PriorityQueue<>(
                Comparator.comparingLong(Offer::key).thenComparing(o -> o.vehicle().getId()));
        for (Vehicle v : fleet) {
            Offer o = bestOffer(v, states.get(v), stockLeft, points, open);
            if (o != null) {
                offers.add(o);
            }
        }
        while (!offers.isEmpty()) {
            Offer o = offers.poll();
            Vehicle v = o.vehicle();
            State s = states.get(v);
            List<Visit> pending = open.get(o.point());
            long key = pending == null ? -1 : wholePoint(v, s, stockLeft, o.point(), pending);
            if (key != o.key()) {
                // Taken by another vehicle, or this one's stock or hours changed since: look again.
                Offer again = bestOffer(v, s, stockLeft, points, open);
                if (again != null) {
                    offers.add(again);
                }
                continue;
            }
            // The vehicle brings what its depot holds; what it does not, the vehicles that would bring it
            // earliest in time. If one of those cannot, nothing of the point is kept and it waits for the
            // second pass.
            List<Visit> own = carried(v, stockLeft, pending);
            Map<Vehicle, State> before = new HashMap<>();
            Map<Vehicle, Integer> length = new HashMap<>();
            List<Visit> taken = new ArrayList<>();
            List<Vehicle> takenBy = new ArrayList<>();
            boolean whole = true;
            // Its own deliveries first, as wholePoint timed them: a vehicle chosen as earliest for another
            // delivery may be this one, which would push its own later.
            List<Visit> ordered = new ArrayList<>(own);
            pending.stream().filter(x -> !own.contains(x)).forEach(ordered::add);
            for (Visit x : ordered) {
                Vehicle by = v;
                Attempt a = own.contains(x) ? attempt(v, s, x) : null;
                if (a == null || a.arrival() > x.getDeadline()) {
                    Placement found = earliest(fleet, states, stockLeft, x, true);
                    if (found == null) {
                        whole = false;
                        break;
                    }
                    by = found.vehicle();
                    a = found.attempt();
                }
                before.putIfAbsent(by, states.get(by).copy());
                length.putIfAbsent(by, by.getVisits().size());
                append(by, states.get(by), x, a);
                stockLeft.get(by.getHome().stockHolder()).merge(x.getMaterial(), -x.getQuantity(), Long::sum);
                taken.add(x);
                takenBy.add(by);
            }
            if (whole) {
                placed.addAll(taken);
                open.remove(o.point());
            } else {
                for (int i = 0; i < taken.size(); i++) {
                    stockLeft.get(takenBy.get(i).getHome().stockHolder()).merge(taken.get(i).getMaterial(),
                            taken.get(i).getQuantity(), Long::sum);
                }
                before.forEach((w, state) -> {
                    states.put(w, state);
                    w.getVisits().subList(length.get(w), w.getVisits().size()).clear();
                });
                failed.add(o.point());
                open.remove(o.point());
            }
            Offer next = bestOffer(v, states.get(v), stockLeft, points, open);
            if (next != null) {
                offers.add(next);
            }
        }
        List<Visit> deferred = new ArrayList<>();
        open.values().forEach(deferred::addAll);
        failed.forEach(p -> deferred.addAll(byPoint.get(p).stream().filter(x -> !placed.contains(x)).toList()));
        // the second pass places them in this order: points of higher priority get the vehicles first
        deferred.sort(Comparator.comparingInt((Visit x) -> -x.getPoint().priority()));
        return deferred;
    }

    /** A vehicle's best next point and its {@link #wholePoint} key. */
    private record Offer(Vehicle vehicle, DemandPoint point, long key) {
    }

    private static Offer bestOffer(Vehicle v, State s, Map<Depot, Map<String, Long>> stockLeft, List<DemandPoint> points,
                                   Map<DemandPoint, List<Visit>> open) {
        TravelMatrix m = v.getTravel();
        DemandPoint best = null;
        long bestKey = Long.MAX_VALUE;
        for (DemandPoint p : points) {
            if (!p.modes().contains(v.getMode()) || !open.containsKey(p)) {
                continue;
            }
            // Cheap lower bound first: straight on from here, no reload, priority counted.
            long soonest = s.departure + Math.min(m.time(s.at, p.location()), s.empty ? TravelMatrix.UNREACHABLE
                    : m.time(s.at, v.location()) + v.getLoadTime() + m.time(v.location(), p.location()));
            if (soonest >= TravelMatrix.UNREACHABLE || key(s, soonest, p) >= bestKey) {
                continue;
            }
            long key = wholePoint(v, s, stockLeft, p, open.get(p));
            if (key < bestKey) {
                bestKey = key;
                best = p;
            }
        }
        return best == null ? null : new Offer(v, best, bestKey);
    }

    /**
     * When the vehicle would reach {@code p} if it took next all the pending deliveries its depot has the
     * stock for, as a sort key ({@link #key}), or {@code Long.MAX_VALUE} when it can bring none of them, or
     * cannot bring them all by their deadline (capacity, trips, range and duty as {@link #attempt} checks).
     * The rest of the point is left to other vehicles when the offer is taken.
     */
    private static long wholePoint(Vehicle v, State s, Map<Depot, Map<String, Long>> stockLeft, DemandPoint p,
                                   List<Visit> pending) {
        List<Visit> own = carried(v, stockLeft, pending);
        if (own.isEmpty()) {
            return Long.MAX_VALUE;
        }
        State t = s.copy();
        long first = -1;
        for (Visit x : own) {
            Attempt a = attempt(v, t, x);
            if (a == null || a.arrival() > x.getDeadline()) {
                return Long.MAX_VALUE;
            }
            if (first < 0) {
                first = a.arrival();
            }
            advance(v, t, x, a);
        }
        return key(s, first, p);
    }

    /** The deliveries of a point whose material the vehicle's depot still holds enough of for all of them. */
    private static List<Visit> carried(Vehicle v, Map<Depot, Map<String, Long>> stockLeft, List<Visit> pending) {
        Map<String, Long> stock = stockLeft.get(v.getHome().stockHolder());
        Map<String, Long> wanted = new HashMap<>();
        pending.forEach(x -> wanted.merge(x.getMaterial(), x.getQuantity(), Long::sum));
        return pending.stream().filter(x -> wanted.get(x.getMaterial()) <= stock.getOrDefault(x.getMaterial(), 0L)).toList();
    }

    /**
     * Which next point is best, lower first: the time it takes to get there per person it serves (a point
     * of priority k counting its people k times), added to the vehicle's departure only as a tie-break
     * between vehicles. Time alone sent vehicles to the nearest small villages first; where vehicles are
     * what runs short, the people a vehicle-hour reaches is what counts. Measured at province scale without
     * pre-positioning (planner bench, docs/performance.md): seed 1 384,594 -> 441,594 people in time,
     * seed 2 360,461 -> 414,024 (both from 57-60 to 66-69 % of the scarcity bound); the pre-positioned
     * default scenario's greedy plan 100 % (seed 1) and 99.2 -> 100 % (seed 5) of the bound.
     */
    private static long key(State s, long arrival, DemandPoint p) {
        long weight = Math.max(1, (long) Math.max(1, p.priority()) * p.population());
        return s.departure + (arrival - s.departure) * PEOPLE_SCALE / weight;
    }

    /** Keeps the per-person time in whole numbers: 100,000 people to a second. */
    private static final long PEOPLE_SCALE = 100_000;

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
        advance(v, s, x, a);
        v.getVisits().add(x);
    }

    /** Moves the schedule on past {@code x}, without adding it to the vehicle's list. */
    private static void advance(Vehicle v, State s, Visit x, Attempt a) {
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
    }
}
