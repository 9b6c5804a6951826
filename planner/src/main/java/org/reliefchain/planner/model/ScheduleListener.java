package org.reliefchain.planner.model;

import java.util.List;
import java.util.Objects;

import org.optaplanner.core.api.domain.variable.ListVariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Recomputes a vehicle's schedule when its list of deliveries changes: arrival times (waiting for a
 * delivery's ready time), trips (back to the depot to reload when the next delivery does not fit and
 * trips are left), each trip's load and distance so far, and which delivery closes a trip.
 *
 * <p>Incremental: a delivery's schedule depends only on the delivery before it, so recomputation
 * starts at the first changed index (the deliveries before it keep their values) and stops at the
 * first delivery past the changed range whose values come out as they were, because everything after
 * it is then unchanged too. Whether the delivery before the changed range closes a trip is decided
 * again, since the next delivery may now start one. On long routes (tens of stops) this is what makes
 * a move cheap; FULL_ASSERT solving in the tests checks it against recomputing whole routes.
 */
public class ScheduleListener implements ListVariableListener<ReliefPlan, Vehicle, Visit> {

    @Override
    public void beforeListVariableChanged(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle, int from, int to) {
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle, int from, int to) {
        update(scoreDirector, vehicle, from, to);
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<ReliefPlan> scoreDirector, Visit visit) {
        clear(scoreDirector, visit);
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
        update(scoreDirector, vehicle, 0, vehicle.getVisits().size());
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
    }

    /** Brings the schedule up to date after the deliveries at [from, to) of the vehicle's list changed. */
    static void update(ScoreDirector<ReliefPlan> sd, Vehicle vehicle, int from, int to) {
        List<Visit> visits = vehicle.getVisits();
        int size = visits.size();
        if (vehicle.isBucket()) {
            // Everything in the bucket is unscheduled; only the deliveries that just arrived can carry values.
            for (int i = from; i < Math.min(to, size); i++) {
                clear(sd, visits.get(i));
            }
            return;
        }
        int start = Math.min(from, size);
        // A delivery before the range without values has not been scheduled on this vehicle yet.
        if (start > 0 && visits.get(start - 1).getArrival() == null) {
            start = 0;
        }
        Cursor cursor = start == 0 ? new Cursor(vehicle) : new Cursor(vehicle, visits.get(start - 1));
        for (int i = start; i < size; i++) {
            Visit v = visits.get(i);
            cursor.step(v);
            if (i > 0) {
                setCloses(sd, visits.get(i - 1), cursor.startedTrip);
            }
            boolean changed = apply(sd, v, cursor.arrival, cursor.leg, cursor.trip, cursor.weight, cursor.volume,
                    cursor.distance, v.getClosesTrip());
            if (!changed && i >= to) {
                return;
            }
        }
        if (size > 0) {
            setCloses(sd, visits.get(size - 1), true);
        }
    }

    /**
     * Sets every shadow value of a vehicle's deliveries (its vehicle, neighbours and schedule) without a
     * solver: for plans assembled by hand, such as a plan read back for a report, and for tests.
     */
    public static void refresh(Vehicle vehicle) {
        List<Visit> visits = vehicle.getVisits();
        Schedule s = vehicle.isBucket() ? null : Schedule.of(vehicle);
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            v.setVehicle(vehicle);
            v.setPrevious(i == 0 ? null : visits.get(i - 1));
            v.setNext(i == visits.size() - 1 ? null : visits.get(i + 1));
            if (s == null) {
                v.setArrival(null);
                v.setLeg(null);
                v.setTrip(null);
                v.setTripWeight(null);
                v.setTripVolume(null);
                v.setTripDistance(null);
                v.setClosesTrip(null);
            } else {
                v.setArrival(s.arrival[i]);
                v.setLeg(s.leg[i]);
                v.setTrip(s.trip[i]);
                v.setTripWeight(s.weight[i]);
                v.setTripVolume(s.volume[i]);
                v.setTripDistance(s.distance[i]);
                v.setClosesTrip(s.closes[i]);
            }
        }
    }

    private static void clear(ScoreDirector<ReliefPlan> sd, Visit v) {
        apply(sd, v, null, null, null, null, null, null, null);
    }

    private static void setCloses(ScoreDirector<ReliefPlan> sd, Visit v, boolean closes) {
        if (!Objects.equals(v.getClosesTrip(), closes)) {
            sd.beforeVariableChanged(v, "arrival");
            v.setClosesTrip(closes);
            sd.afterVariableChanged(v, "arrival");
        }
    }

    /** Sets a delivery's schedule; false when it already had exactly these values. */
    private static boolean apply(ScoreDirector<ReliefPlan> sd, Visit v, Long arrival, Long leg, Integer trip, Long weight,
                                 Long volume, Long distance, Boolean closes) {
        if (Objects.equals(v.getArrival(), arrival) && Objects.equals(v.getLeg(), leg)
                && Objects.equals(v.getTrip(), trip) && Objects.equals(v.getTripWeight(), weight)
                && Objects.equals(v.getTripVolume(), volume) && Objects.equals(v.getTripDistance(), distance)
                && Objects.equals(v.getClosesTrip(), closes)) {
            return false;
        }
        sd.beforeVariableChanged(v, "arrival");
        v.setArrival(arrival);
        v.setLeg(leg);
        v.setTrip(trip);
        v.setTripWeight(weight);
        v.setTripVolume(volume);
        v.setTripDistance(distance);
        v.setClosesTrip(closes);
        sd.afterVariableChanged(v, "arrival");
        return true;
    }

    /** A vehicle's schedule, computed from its list alone. Also used to report a finished plan. */
    public static final class Schedule {
        public final long[] arrival;
        public final long[] leg;
        public final int[] trip;
        public final long[] weight;
        public final long[] volume;
        public final long[] distance;
        public final boolean[] closes;

        private Schedule(int n) {
            arrival = new long[n];
            leg = new long[n];
            trip = new int[n];
            weight = new long[n];
            volume = new long[n];
            distance = new long[n];
            closes = new boolean[n];
        }

        public static Schedule of(Vehicle vehicle) {
            List<Visit> visits = vehicle.getVisits();
            Schedule s = new Schedule(visits.size());
            Cursor cursor = new Cursor(vehicle);
            for (int i = 0; i < visits.size(); i++) {
                cursor.step(visits.get(i));
                if (i > 0) {
                    s.closes[i - 1] = cursor.startedTrip;
                }
                s.arrival[i] = cursor.arrival;
                s.leg[i] = cursor.leg;
                s.trip[i] = cursor.trip;
                s.weight[i] = cursor.weight;
                s.volume[i] = cursor.volume;
                s.distance[i] = cursor.distance;
            }
            if (!visits.isEmpty()) {
                s.closes[visits.size() - 1] = true;
            }
            return s;
        }
    }

    /**
     * Walks a vehicle's list one delivery at a time. After {@link #step}, the fields describe that
     * delivery: its arrival, the leg that led to it, its trip and the trip's load and distance so far,
     * and whether it started a new trip (the vehicle went home to reload first).
     */
    private static final class Cursor {
        private final Vehicle vehicle;
        private final TravelMatrix m;
        private final Location home;
        private Location at;
        private long depart;
        private boolean empty;
        long arrival;
        long leg;
        int trip;
        long weight;
        long volume;
        long distance;
        boolean startedTrip;

        /** At the depot, before the first delivery. */
        Cursor(Vehicle vehicle) {
            this.vehicle = vehicle;
            this.m = vehicle.getTravel();
            this.home = vehicle.location();
            this.at = home;
            this.depart = vehicle.getAvailableFrom() + vehicle.getLoadTime();
            this.empty = true;
        }

        /** Just after a delivery already scheduled on this vehicle. */
        Cursor(Vehicle vehicle, Visit last) {
            this.vehicle = vehicle;
            this.m = vehicle.getTravel();
            this.home = vehicle.location();
            this.at = last.location();
            this.depart = add(last.getArrival(), last.getServiceTime());
            this.empty = false;
            this.trip = last.getTrip();
            this.weight = last.getTripWeight();
            this.volume = last.getTripVolume();
            this.distance = last.getTripDistance();
        }

        void step(Visit v) {
            long travel;
            boolean full = weight + v.getWeight() > vehicle.getWeightCapacity()
                    || volume + v.getVolume() > vehicle.getVolumeCapacity();
            startedTrip = !empty && full && trip + 1 < vehicle.getMaxTrips();
            if (startedTrip) {
                long back = m.time(at, home, depart);
                depart = add(add(depart, back), vehicle.getLoadTime());
                travel = m.time(home, v.location(), depart);
                leg = add(back, travel);
                trip++;
                weight = 0;
                volume = 0;
                distance = m.distance(home, v.location());
            } else {
                travel = m.time(at, v.location(), depart);
                leg = travel;
                distance = add(distance, m.distance(at, v.location()));
            }
            arrival = Math.max(add(depart, travel), v.getReadyTime());
            weight += v.getWeight();
            volume += v.getVolume();
            depart = add(arrival, v.getServiceTime());
            at = v.location();
            empty = false;
        }

        private static long add(long a, long b) {
            return Math.min(TravelMatrix.UNREACHABLE, a + b);
        }
    }
}
