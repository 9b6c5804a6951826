package org.reliefchain.planner.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * Ruin-and-recreate moves for the local search ({@link RuinRecreateMove}): a random delivery and its
 * nearest neighbours are taken out and put back, or a whole route is taken out and its deliveries put
 * on other vehicles. The neighbour lists are built once per phase.
 */
public class RuinRecreateMoveFactory implements MoveIteratorFactory<ReliefPlan, RuinRecreateMove> {

    /** Smallest and largest number of deliveries ruined at once (about 10 on average, as in SISR). */
    static final int MIN_RUIN = 4;
    static final int MAX_RUIN = 18;
    /** Neighbours kept per delivery: ruin clusters come from them, and insertion places next to them. */
    static final int NEIGHBOURS = 16;
    /** Empty vehicles tried per delivery (the nearest homes first): opening a route is an option. */
    static final int EMPTY_VEHICLES = 2;
    /**
     * The share of moves that ruin a whole route and put its deliveries on other vehicles only: the
     * one way to close a route, which removals of close deliveries across routes rarely achieve.
     */
    static final double ROUTE_SHARE = 0.2;
    /** Routes longer than this are not ruined whole (recreating them costs too many score calculations). */
    static final int MAX_ROUTE_RUIN = 40;

    private Neighbourhoods neighbourhoods;
    private Vehicle bucket;

    @Override
    public void phaseStarted(ScoreDirector<ReliefPlan> sd) {
        ReliefPlan plan = sd.getWorkingSolution();
        bucket = plan.getVehicles().stream().filter(Vehicle::isBucket).findFirst().orElse(null);
        neighbourhoods = bucket == null ? null : new Neighbourhoods(plan);
    }

    @Override
    public void phaseEnded(ScoreDirector<ReliefPlan> sd) {
        neighbourhoods = null;
        bucket = null;
    }

    @Override
    public long getSize(ScoreDirector<ReliefPlan> sd) {
        return neighbourhoods == null ? 0 : sd.getWorkingSolution().getVisits().size();
    }

    @Override
    public Iterator<RuinRecreateMove> createOriginalMoveIterator(ScoreDirector<ReliefPlan> sd) {
        throw new UnsupportedOperationException("ruin and recreate is random selection only");
    }

    @Override
    public Iterator<RuinRecreateMove> createRandomMoveIterator(ScoreDirector<ReliefPlan> sd, Random random) {
        List<Visit> visits = sd.getWorkingSolution().getVisits();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return neighbourhoods != null && visits.size() > 1;
            }

            @Override
            public RuinRecreateMove next() {
                if (random.nextDouble() < ROUTE_SHARE) {
                    Vehicle route = neighbourhoods.someRoute(random);
                    if (route != null) {
                        return new RuinRecreateMove(neighbourhoods, bucket, List.copyOf(route.getVisits()), route,
                                random.nextLong());
                    }
                }
                Visit seed = visits.get(random.nextInt(visits.size()));
                int size = MIN_RUIN + random.nextInt(MAX_RUIN - MIN_RUIN + 1);
                return new RuinRecreateMove(neighbourhoods, bucket, neighbourhoods.cluster(seed, size), null,
                        random.nextLong());
            }
        };
    }

    /** Each delivery's nearest deliveries, and the vehicles that start empty nearest to it. */
    static final class Neighbourhoods {
        private final Map<Visit, Visit[]> nearest = new IdentityHashMap<>();
        private final List<Vehicle> vehicles;
        private final PlacedDistanceMeter meter = new PlacedDistanceMeter();

        Neighbourhoods(ReliefPlan plan) {
            List<Visit> visits = plan.getVisits();
            vehicles = plan.getVehicles().stream().filter(v -> v.isReal() && !v.isWithdrawn()).toList();
            int keep = Math.max(0, Math.min(NEIGHBOURS, visits.size() - 1));
            // How near two deliveries are depends only on their points (place and modes): the nearest points
            // are found once per point, not once per delivery. A relief plan has several deliveries per point
            // (materials, chunks): 17,557 deliveries at 2,719 points took 300 million comparisons, two
            // minutes before the first step, the other way.
            Map<DemandPoint, List<Visit>> byPoint = new LinkedHashMap<>();
            for (Visit v : visits) {
                byPoint.computeIfAbsent(v.getPoint(), p -> new ArrayList<>()).add(v);
            }
            List<List<Visit>> groups = new ArrayList<>(byPoint.values());
            for (int g = 0; g < groups.size(); g++) {
                List<Visit> here = groups.get(g);
                Visit rep = here.get(0);
                // The nearest `keep` other points, kept sorted by insertion: most candidates fail the first comparison.
                int[] near = new int[keep];
                double[] d = new double[keep];
                int count = 0;
                for (int o = 0; o < groups.size(); o++) {
                    if (o == g) {
                        continue;
                    }
                    double x = meter.getNearbyDistance(rep, groups.get(o).get(0));
                    if (count == keep && (keep == 0 || x >= d[keep - 1])) {
                        continue;
                    }
                    int at = count < keep ? count++ : keep - 1;
                    while (at > 0 && d[at - 1] > x) {
                        d[at] = d[at - 1];
                        near[at] = near[at - 1];
                        at--;
                    }
                    d[at] = x;
                    near[at] = o;
                }
                for (Visit v : here) {
                    // The other deliveries at the same point first (distance 0), then those of the nearest points.
                    Visit[] list = new Visit[keep];
                    int n = 0;
                    for (Visit w : here) {
                        if (w != v && n < keep) {
                            list[n++] = w;
                        }
                    }
                    for (int i = 0; i < count && n < keep; i++) {
                        for (Visit w : groups.get(near[i])) {
                            if (n == keep) {
                                break;
                            }
                            list[n++] = w;
                        }
                    }
                    nearest.put(v, n == keep ? list : java.util.Arrays.copyOf(list, n));
                }
            }
        }

        /** The seed and its nearest deliveries, {@code size} in all. */
        List<Visit> cluster(Visit seed, int size) {
            Visit[] near = nearest.get(seed);
            List<Visit> cluster = new ArrayList<>(size);
            cluster.add(seed);
            for (int i = 0; i < near.length && cluster.size() < size; i++) {
                cluster.add(near[i]);
            }
            return cluster;
        }

        /**
         * The shortest of three random routes of at most {@link #MAX_ROUTE_RUIN} deliveries ({@code null}
         * if none is found soon): short routes are the ones other vehicles can absorb, and the cheap ones
         * to rebuild (on Solomon R2/C2, closing long routes at random cost more search than it gained).
         */
        Vehicle someRoute(Random random) {
            Vehicle shortest = null;
            int drawn = 0;
            for (int attempt = 0; attempt < 30 && drawn < 3 && !vehicles.isEmpty(); attempt++) {
                Vehicle v = vehicles.get(random.nextInt(vehicles.size()));
                if (!v.getVisits().isEmpty() && v.getVisits().size() <= MAX_ROUTE_RUIN) {
                    drawn++;
                    if (shortest == null || v.getVisits().size() < shortest.getVisits().size()) {
                        shortest = v;
                    }
                }
            }
            return shortest != null && load(shortest) <= spareOnOtherRoutes(shortest) ? shortest : null;
        }

        private static long load(Vehicle v) {
            long kg = 0;
            for (Visit x : v.getVisits()) {
                kg += x.getWeight();
            }
            return kg;
        }

        /**
         * Weight the other vehicles with deliveries could still carry (capacity x trips, less their load):
         * a route heavier than that cannot be closed (a capacity-tight CVRP instance), so trying is wasted.
         */
        private double spareOnOtherRoutes(Vehicle closed) {
            // In doubles: a benchmark vehicle's capacity may be "unlimited" (Long.MAX_VALUE / 4).
            double spare = 0;
            for (Vehicle v : vehicles) {
                if (v != closed && !v.getVisits().isEmpty()) {
                    spare += Math.max(0, (double) v.getWeightCapacity() * v.getMaxTrips() - load(v));
                }
            }
            return spare;
        }

        /**
         * Places to try for a delivery now in the bucket: before and after each of its neighbours that a
         * vehicle of a suitable mode makes, and the start of the nearest empty vehicles of such a mode.
         * When a route is being {@code closed} (else {@code null}): none on it, and no empty vehicle.
         */
        List<Relocation.Place> placesFor(Visit visit, Vehicle bucket, Vehicle closed) {
            List<Relocation.Place> places = new ArrayList<>();
            for (Visit n : nearest.get(visit)) {
                Vehicle w = n.getVehicle();
                if (w == null || w == bucket || w == closed || w.isWithdrawn()
                        || !visit.getPoint().modes().contains(w.getMode())) {
                    continue;
                }
                int at = w.getVisits().indexOf(n);
                add(places, new Relocation.Place(w, at));
                add(places, new Relocation.Place(w, at + 1));
            }
            if (closed != null) {
                // Closing a route: its deliveries go to routes already running, not to a fresh one.
                return places;
            }
            Vehicle[] empty = new Vehicle[EMPTY_VEHICLES];
            double[] far = new double[EMPTY_VEHICLES];
            Arrays.fill(far, Double.MAX_VALUE);
            for (Vehicle w : vehicles) {
                if (!w.getVisits().isEmpty() || !visit.getPoint().modes().contains(w.getMode())) {
                    continue;
                }
                double d = meter.getNearbyDistance(visit, w);
                for (int k = 0; k < EMPTY_VEHICLES; k++) {
                    if (d < far[k]) {
                        System.arraycopy(empty, k, empty, k + 1, EMPTY_VEHICLES - k - 1);
                        System.arraycopy(far, k, far, k + 1, EMPTY_VEHICLES - k - 1);
                        empty[k] = w;
                        far[k] = d;
                        break;
                    }
                }
            }
            for (Vehicle w : empty) {
                if (w != null) {
                    places.add(new Relocation.Place(w, 0));
                }
            }
            return places;
        }

        private static void add(List<Relocation.Place> places, Relocation.Place place) {
            if (!places.contains(place)) {
                places.add(place);
            }
        }
    }
}
