package org.reliefchain.planner.sea;

import java.util.ArrayList;
import java.util.List;

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
 * {@code approachMetres}, 1.2 times the straight line. Lanes can be closed by the sea state.
 */
public final class SeaNetwork {

    /** A harbour; {@code approximate} when its position stands in for a missing one. */
    public record Harbour(String name, double lon, double lat, boolean approximate) {
    }

    /** A lane between two harbours, by index. */
    public record Lane(int from, int to, double metres) {
    }

    private final List<Harbour> harbours;
    private final Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Lane> closed = new ArrayList<>();

    private SeaNetwork(List<Harbour> harbours) {
        this.harbours = List.copyOf(harbours);
        for (int i = 0; i < harbours.size(); i++) {
            graph.addVertex(i);
        }
    }

    /**
     * @param open whether a lane may be used, given its midpoint (lon, lat): the sea-state rule, e.g.
     *             closed where the forecast wind exceeds a threshold
     */
    public static SeaNetwork build(List<Harbour> harbours, double maxLaneMetres, LaneRule open) {
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
                if (open.open((a.lon() + b.lon()) / 2, (a.lat() + b.lat()) / 2)) {
                    DefaultWeightedEdge e = sea.graph.addEdge(i, j);
                    sea.graph.setEdgeWeight(e, lane.metres());
                    sea.lanes.add(lane);
                } else {
                    sea.closed.add(lane);
                }
            }
        }
        return sea;
    }

    /** Decides from a lane's midpoint whether it is open. */
    @FunctionalInterface
    public interface LaneRule {
        boolean open(double lon, double lat);

        LaneRule ALL_OPEN = (lon, lat) -> true;

        /** Closed where the wind exceeds {@code thresholdMs}; {@code wind} gives m/s at a position. */
        static LaneRule windBelow(double thresholdMs, WindField wind) {
            return (lon, lat) -> wind.metresPerSecond(lon, lat) <= thresholdMs;
        }
    }

    /** Wind speed in m/s at a position, from a forecast. */
    @FunctionalInterface
    public interface WindField {
        double metresPerSecond(double lon, double lat);
    }

    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    public List<Lane> closedLanes() {
        return List.copyOf(closed);
    }

    public List<Harbour> harbours() {
        return harbours;
    }

    /**
     * Boat travel between locations at {@code kmh}: approach to the nearest harbour, lanes, approach
     * from the harbour. Locations no harbour serves (or {@code usable} rejects) are unreachable.
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
        double[][] between = new double[harbours.size()][];
        DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(graph);
        for (int h = 0; h < harbours.size(); h++) {
            var paths = dijkstra.getPaths(h);
            between[h] = new double[harbours.size()];
            for (int k = 0; k < harbours.size(); k++) {
                between[h][k] = paths.getWeight(k);
            }
        }
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
        return new TravelMatrix(name, n, time, metres);
    }
}
