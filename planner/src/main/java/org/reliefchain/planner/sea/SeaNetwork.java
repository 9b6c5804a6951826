package org.reliefchain.planner.sea;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.scenario.Geo;

/**
 * Sea lanes between harbours (ports, ferry terminals, island landing points) as a weighted graph
 * (JGraphT): two harbours within {@code maxLaneMetres} are joined by a lane 1.15 times their
 * straight distance (a lane keeps off headlands and shoals). A place a boat can reach that is not a
 * harbour (a flooded village, an island village) is reached from its nearest harbour within
 * {@code approachMetres}, 1.2 times the straight line. Lanes can be closed by the sea state, for good
 * or for a time window.
 */
public final class SeaNetwork {

    /** A harbour; {@code approximate} when its position stands in for a missing one. */
    public record Harbour(String name, double lon, double lat, boolean approximate) {
    }

    /** A lane between two harbours, by index. */
    public record Lane(int from, int to, double metres) {
    }

    /**
     * When the sea state keeps boats off a lane: from (inclusive) until (exclusive), in seconds from
     * the incident's start.
     */
    public record Closure(long from, long until) {
        /** Closed the whole time. */
        public static final Closure ALWAYS = new Closure(Long.MIN_VALUE, Long.MAX_VALUE);

        public Closure {
            if (until <= from) {
                throw new IllegalArgumentException("a closure ends after it starts: " + from + " - " + until);
            }
        }

        boolean covers(long time) {
            return time >= from && time < until;
        }
    }

    private final List<Harbour> harbours;
    private final List<Lane> lanes = new ArrayList<>();
    /** Lanes the sea state closes for a while or for good; the others are always open. */
    private final Map<Lane, Closure> closures = new HashMap<>();

    private SeaNetwork(List<Harbour> harbours) {
        this.harbours = List.copyOf(harbours);
    }

    /**
     * @param rule when each lane is closed, given its midpoint (lon, lat): the sea-state rule, e.g.
     *             closed where the forecast wind exceeds a threshold
     */
    public static SeaNetwork build(List<Harbour> harbours, double maxLaneMetres, LaneRule rule) {
        SeaNetwork sea = new SeaNetwork(harbours);
        for (int i = 0; i < harbours.size(); i++) {
            for (int j = i + 1; j < harbours.size(); j++) {
                Harbour a = harbours.get(i);
                Harbour b = harbours.get(j);
                double straight = Geo.metres(a.lon(), a.lat(), b.lon(), b.lat());
                if (straight > maxLaneMetres || straight < 1) {
                    continue;
                }
                Lane lane = new Lane(i, j, straight * 1.15);
                sea.lanes.add(lane);
                Closure closure = rule.closure((a.lon() + b.lon()) / 2, (a.lat() + b.lat()) / 2);
                if (closure != null) {
                    sea.closures.put(lane, closure);
                }
            }
        }
        return sea;
    }

    /** Decides from a lane's midpoint when it is closed. */
    @FunctionalInterface
    public interface LaneRule {
        /** When the lane with this midpoint is closed; {@code null} when it stays open. */
        Closure closure(double lon, double lat);

        LaneRule ALL_OPEN = (lon, lat) -> null;

        /** Closed for good where the wind exceeds {@code thresholdMs}; {@code wind} gives m/s at a position. */
        static LaneRule windBelow(double thresholdMs, WindField wind) {
            return (lon, lat) -> wind.metresPerSecond(lon, lat) <= thresholdMs ? null : Closure.ALWAYS;
        }

        /**
         * From a forecast over time, read every {@code step} from 0 to {@code horizon}: closed from the
         * first reading above {@code thresholdMs} until the reading after the last one above it (a lane
         * that calms down in between stays closed: boats do not go out between two squalls); still
         * above at the horizon, closed for good.
         */
        static LaneRule windBelow(double thresholdMs, WindForecast wind, long step, long horizon) {
            return (lon, lat) -> {
                long first = -1;
                long last = -1;
                for (long t = 0; t <= horizon; t += step) {
                    if (wind.metresPerSecond(lon, lat, t) > thresholdMs) {
                        first = first < 0 ? t : first;
                        last = t;
                    }
                }
                if (first < 0) {
                    return null;
                }
                long from = first == 0 ? Long.MIN_VALUE : first;
                return last + step > horizon ? new Closure(from, Long.MAX_VALUE) : new Closure(from, last + step);
            };
        }
    }

    /** Wind speed in m/s at a position, from a forecast. */
    @FunctionalInterface
    public interface WindField {
        double metresPerSecond(double lon, double lat);
    }

    /** Wind speed in m/s at a position and a time (seconds from the incident's start). */
    @FunctionalInterface
    public interface WindForecast {
        double metresPerSecond(double lon, double lat, long time);
    }

    /** Every lane within range, open or not. */
    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    /** Lanes the sea state closes for a while or for good. */
    public List<Lane> closedLanes() {
        return lanes.stream().filter(closures::containsKey).toList();
    }

    /** Lanes closed for good (through the whole forecast). */
    public List<Lane> closedForGood() {
        return lanes.stream().filter(l -> closures.containsKey(l) && closures.get(l).until() == Long.MAX_VALUE).toList();
    }

    /** When the lane is closed, or {@code null}. */
    public Closure closure(Lane lane) {
        return closures.get(lane);
    }

    public List<Harbour> harbours() {
        return harbours;
    }

    /**
     * Boat travel between locations at {@code kmh}: approach to the nearest harbour, lanes, approach
     * from the harbour. Locations no harbour serves (or {@code usable} rejects) are unreachable. With
     * lanes closed for a while, travel depends on the departure ({@link TravelMatrix#time(Location,
     * Location, long)}): a boat takes the best way open when it leaves, or waits at its harbour for a
     * better one to open; a way is only taken if none of its lanes closes before the boat is through.
     * The matrix's own times are the best case over all departures.
     */
    public TravelMatrix matrix(String name, List<Location> locations, double kmh, double approachMetres,
                               java.util.function.IntPredicate usable) {
        int n = locations.size();
        int[] harbourOf = new int[n];
        double[] approach = new double[n];
        for (int i = 0; i < n; i++) {
            harbourOf[i] = -1;
            if (!usable.test(i)) {
                continue;
            }
            Location l = locations.get(i);
            double best = Double.MAX_VALUE;
            for (int h = 0; h < harbours.size(); h++) {
                double d = Geo.metres(l.lon(), l.lat(), harbours.get(h).lon(), harbours.get(h).lat());
                if (d < best) {
                    best = d;
                    harbourOf[i] = h;
                }
            }
            if (best > approachMetres) {
                harbourOf[i] = -1;
            } else {
                approach[i] = best * 1.2;
            }
        }
        Phases phases = phases();
        double[][] between = phases.bestCase();
        double metresPerSecond = kmh / 3.6;
        long[] time = new long[n * n];
        long[] metres = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int cell = i * n + j;
                if (i == j) {
                    continue;
                }
                if (harbourOf[i] < 0 || harbourOf[j] < 0 || Double.isInfinite(between[harbourOf[i]][harbourOf[j]])) {
                    time[cell] = TravelMatrix.UNREACHABLE;
                    metres[cell] = TravelMatrix.UNREACHABLE;
                    continue;
                }
                double m = approach[i] + between[harbourOf[i]][harbourOf[j]] + approach[j];
                metres[cell] = Math.round(m);
                time[cell] = Math.round(m / metresPerSecond);
            }
        }
        TravelMatrix.Timed timed = phases.starts.length == 1 ? null : (from, to, departure) -> {
            if (from == to) {
                return 0;
            }
            int a = harbourOf[from];
            int b = harbourOf[to];
            if (a < 0 || b < 0) {
                return TravelMatrix.UNREACHABLE;
            }
            long arrival = phases.earliestArrival(a, b, departure, approach[from], approach[to], metresPerSecond);
            return arrival >= TravelMatrix.UNREACHABLE ? TravelMatrix.UNREACHABLE : arrival - departure;
        };
        return new TravelMatrix(name, n, time, metres, timed);
    }

    /**
     * The network in spans of time with the same lanes open: span k runs from {@code starts[k]} to
     * the next start; {@code between[k]} are its harbour-to-harbour distances; a way found in span k
     * can be followed until {@code validUntil[k]}, when one of its span's lanes closes.
     */
    private record Phases(long[] starts, double[][][] between, long[] validUntil) {

        double[][] bestCase() {
            int h = between[0].length;
            double[][] best = new double[h][h];
            for (int a = 0; a < h; a++) {
                for (int b = 0; b < h; b++) {
                    double m = Double.POSITIVE_INFINITY;
                    for (double[][] span : between) {
                        m = Math.min(m, span[a][b]);
                    }
                    best[a][b] = m;
                }
            }
            return best;
        }

        /** The earliest arrival leaving harbour a for b at {@code departure} or waiting there for a span. */
        long earliestArrival(int a, int b, long departure, double approachA, double approachB, double metresPerSecond) {
            long best = TravelMatrix.UNREACHABLE;
            for (int k = 0; k < starts.length; k++) {
                long end = k + 1 < starts.length ? starts[k + 1] : Long.MAX_VALUE;
                double metres = between[k][a][b];
                if (departure >= end || Double.isInfinite(metres)) {
                    continue;
                }
                // The same sum as the best-case matrix, so that the best span gives exactly its time.
                long arrival = Math.max(departure, starts[k]) + Math.round((approachA + metres + approachB) / metresPerSecond);
                if (arrival <= validUntil[k] && arrival < best) {
                    best = arrival;
                }
            }
            return best;
        }
    }

    private Phases phases() {
        TreeSet<Long> cuts = new TreeSet<>();
        for (Closure c : closures.values()) {
            if (c.from() != Long.MIN_VALUE) {
                cuts.add(c.from());
            }
            if (c.until() != Long.MAX_VALUE) {
                cuts.add(c.until());
            }
        }
        List<Long> starts = new ArrayList<>();
        starts.add(Long.MIN_VALUE);
        starts.addAll(cuts);
        int spans = starts.size();
        List<Set<Lane>> open = new ArrayList<>();
        double[][][] between = new double[spans][][];
        for (int k = 0; k < spans; k++) {
            long at = starts.get(k);
            Set<Lane> lanesOpen = new HashSet<>();
            for (Lane l : lanes) {
                Closure c = closures.get(l);
                if (c == null || !c.covers(at)) {
                    lanesOpen.add(l);
                }
            }
            open.add(lanesOpen);
            between[k] = distances(lanesOpen);
        }
        long[] validUntil = new long[spans];
        for (int k = 0; k < spans; k++) {
            validUntil[k] = Long.MAX_VALUE;
            for (int j = k + 1; j < spans; j++) {
                if (!open.get(j).containsAll(open.get(k))) {
                    validUntil[k] = starts.get(j);
                    break;
                }
            }
        }
        return new Phases(starts.stream().mapToLong(Long::longValue).toArray(), between, validUntil);
    }

    /** Shortest distances between all harbours over the given lanes (JGraphT Dijkstra from each). */
    private double[][] distances(Set<Lane> open) {
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < harbours.size(); i++) {
            graph.addVertex(i);
        }
        for (Lane l : lanes) {
            if (open.contains(l)) {
                graph.setEdgeWeight(graph.addEdge(l.from(), l.to()), l.metres());
            }
        }
        DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(graph);
        double[][] between = new double[harbours.size()][];
        for (int h = 0; h < harbours.size(); h++) {
            var paths = dijkstra.getPaths(h);
            between[h] = new double[harbours.size()];
            for (int k = 0; k < harbours.size(); k++) {
                between[h][k] = paths.getWeight(k);
            }
        }
        return between;
    }
}
