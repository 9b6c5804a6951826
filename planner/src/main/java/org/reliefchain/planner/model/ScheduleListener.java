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
 * <p>It recomputes the whole list, not from the changed index: lists are short (tens of deliveries),
 * and a change can move a trip boundary before the changed index (the delivery before it may now
 * close a trip).
 */
public class ScheduleListener implements ListVariableListener<ReliefPlan, Vehicle, Visit> {

    @Override
    public void beforeListVariableChanged(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle, int from, int to) {
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle, int from, int to) {
        update(scoreDirector, vehicle);
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<ReliefPlan> scoreDirector, Visit visit) {
        apply(scoreDirector, visit, null, null, null, null, null, null, null);
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
        update(scoreDirector, vehicle);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
    }

    static void update(ScoreDirector<ReliefPlan> scoreDirector, Vehicle vehicle) {
        List<Visit> visits = vehicle.getVisits();
        if (vehicle.isBucket()) {
            for (Visit v : visits) {
                apply(scoreDirector, v, null, null, null, null, null, null, null);
            }
            return;
        }
        Schedule s = Schedule.of(vehicle);
        for (int i = 0; i < visits.size(); i++) {
            apply(scoreDirector, visits.get(i), s.arrival[i], s.leg[i], s.trip[i], s.weight[i], s.volume[i],
                    s.distance[i], s.closes[i]);
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

    private static void apply(ScoreDirector<ReliefPlan> sd, Visit v, Long arrival, Long leg, Integer trip, Long weight,
                              Long volume, Long distance, Boolean closes) {
        if (Objects.equals(v.getArrival(), arrival) && Objects.equals(v.getLeg(), leg)
                && Objects.equals(v.getTrip(), trip) && Objects.equals(v.getTripWeight(), weight)
                && Objects.equals(v.getTripVolume(), volume) && Objects.equals(v.getTripDistance(), distance)
                && Objects.equals(v.getClosesTrip(), closes)) {
            return;
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
            TravelMatrix m = vehicle.getTravel();
            Location home = vehicle.location();
            Location at = home;
            long depart = vehicle.getAvailableFrom() + vehicle.getLoadTime();
            int trip = 0;
            long weight = 0;
            long volume = 0;
            long distance = 0;
            for (int i = 0; i < visits.size(); i++) {
                Visit v = visits.get(i);
                long travel;
                boolean full = weight + v.getWeight() > vehicle.getWeightCapacity()
                        || volume + v.getVolume() > vehicle.getVolumeCapacity();
                if (i > 0 && full && trip + 1 < vehicle.getMaxTrips()) {
                    long back = m.time(at, home);
                    s.closes[i - 1] = true;
                    depart = add(add(depart, back), vehicle.getLoadTime());
                    travel = m.time(home, v.location());
                    s.leg[i] = add(back, travel);
                    trip++;
                    weight = 0;
                    volume = 0;
                    distance = m.distance(home, v.location());
                } else {
                    travel = m.time(at, v.location());
                    s.leg[i] = travel;
                    distance = add(distance, m.distance(at, v.location()));
                }
                s.arrival[i] = Math.max(add(depart, travel), v.getReadyTime());
                weight += v.getWeight();
                volume += v.getVolume();
                s.trip[i] = trip;
                s.weight[i] = weight;
                s.volume[i] = volume;
                s.distance[i] = distance;
                depart = add(s.arrival[i], v.getServiceTime());
                at = v.location();
            }
            if (!visits.isEmpty()) {
                s.closes[visits.size() - 1] = true;
            }
            return s;
        }

        private static long add(long a, long b) {
            return Math.min(TravelMatrix.UNREACHABLE, a + b);
        }
    }
}
