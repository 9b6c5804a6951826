package org.reliefchain.planner.road;

import static com.graphhopper.json.Statement.If;
import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHEdgeIteratorState;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;

/**
 * The road network: GraphHopper 11 embedded, loaded from any OSM file (the synthetic province file or
 * a real extract), with a car and a truck profile, contraction hierarchies for both, and its graph
 * cached in a folder (built on first use, reloaded afterwards). Weights are travel time: both custom
 * models set {@code distance_influence} to 0, so a CH weight is seconds.
 */
public final class RoadNetwork implements AutoCloseable {

    public static final String CAR = "car";
    public static final String TRUCK = "truck";

    /** A relief truck: 12 t gross, 2.55 m wide, 3.6 m high. */
    static final double TRUCK_WEIGHT_T = 12;
    static final double TRUCK_WIDTH_M = 2.55;
    static final double TRUCK_HEIGHT_M = 3.6;

    private final GraphHopper hopper;
    private final Map<String, double[]> edgeMetres = new ConcurrentHashMap<>();

    private RoadNetwork(GraphHopper hopper) {
        this.hopper = hopper;
    }

    /** Loads the graph from {@code cache}, importing {@code osmFile} into it first if it is not there yet. */
    public static RoadNetwork load(Path osmFile, Path cache) {
        GraphHopper gh = new GraphHopper();
        gh.setOSMFile(osmFile.toString());
        gh.setGraphHopperLocation(cache.toString());
        gh.setEncodedValuesString("car_access, car_average_speed, road_access, hgv, max_width, max_height, max_weight");
        gh.setProfiles(new Profile(CAR).setCustomModel(carModel()), new Profile(TRUCK).setCustomModel(truckModel()));
        gh.getCHPreparationHandler().setCHProfiles(new CHProfile(CAR), new CHProfile(TRUCK));
        // Keep small road networks: GraphHopper drops components under 200 nodes as noise by default,
        // and then an island's own roads (the Shengsi islands) silently disappear from snapping.
        gh.setMinNetworkSize(0);
        gh.importOrLoad();
        return new RoadNetwork(gh);
    }

    static CustomModel carModel() {
        return new CustomModel().setDistanceInfluence(0d)
                .addToPriority(If("!car_access", MULTIPLY, "0"))
                .addToSpeed(If("true", LIMIT, "car_average_speed"));
    }

    /** Trucks keep off roads closed to heavy goods vehicles and under width, height or weight limits. */
    static CustomModel truckModel() {
        return new CustomModel().setDistanceInfluence(0d)
                .addToPriority(If("!car_access", MULTIPLY, "0"))
                .addToPriority(If("hgv == NO", MULTIPLY, "0"))
                .addToPriority(If("max_width < " + TRUCK_WIDTH_M + " || max_height < " + TRUCK_HEIGHT_M, MULTIPLY, "0"))
                .addToPriority(If("max_weight < " + TRUCK_WEIGHT_T, MULTIPLY, "0"))
                .addToSpeed(If("true", LIMIT, "car_average_speed * 0.9"))
                .addToSpeed(If("true", LIMIT, "90"));
    }

    public GraphHopper hopper() {
        return hopper;
    }

    public BaseGraph graph() {
        return hopper.getBaseGraph();
    }

    public Weighting weighting(String profile) {
        return hopper.createWeighting(hopper.getProfile(profile), new com.graphhopper.util.PMap());
    }

    /** The nearest road node the profile can use, or an invalid snap when nothing is near. */
    public Snap snap(double lon, double lat, String profile) {
        return hopper.getLocationIndex().findClosest(lat, lon, new DefaultSnapFilter(weighting(profile),
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile))));
    }

    RoutingCHGraph ch(String profile) {
        RoutingCHGraph ch = hopper.getCHGraphs().get(profile);
        if (ch == null) {
            throw new IllegalArgumentException("no road profile " + profile + "; use " + CAR + " or " + TRUCK);
        }
        return ch;
    }

    /** Metres of every CH edge, a shortcut being the sum of the two edges it skips. */
    double[] edgeMetres(String profile) {
        return edgeMetres.computeIfAbsent(profile, p -> edgeMetres(graph(), ch(p)));
    }

    /** Metres of every edge of {@code ch} over {@code base}: shortcuts are numbered after the two edges they skip. */
    static double[] edgeMetres(BaseGraph base, RoutingCHGraph ch) {
        double[] metres = new double[ch.getEdges()];
        for (int e = 0; e < base.getEdges(); e++) {
            metres[e] = base.getEdgeIteratorState(e, Integer.MIN_VALUE).getDistance();
        }
        for (int e = base.getEdges(); e < ch.getEdges(); e++) {
            RoutingCHEdgeIteratorState s = ch.getEdgeIteratorState(e, Integer.MIN_VALUE);
            metres[e] = metres[s.getSkippedEdge1()] + metres[s.getSkippedEdge2()];
        }
        return metres;
    }

    /** A position, WGS84 degrees. */
    public record Point(double lon, double lat) {
    }

    /**
     * Travel times and distances from every source to every target, for one profile. A point farther
     * than {@code maxSnapMetres} from any road the profile can use is not placed: its row or column
     * is {@link org.reliefchain.planner.model.TravelMatrix#UNREACHABLE}, and {@code unplaced} says why.
     */
    public RoadMatrix matrix(List<Point> sources, List<Point> targets, String profile, double maxSnapMetres) {
        return matrix(sources, targets, profile, maxSnapMetres, BlockedAreas.NONE);
    }

    /**
     * The same around blocked areas and closed roads: a point inside an area is not placed ("inside
     * the blocked area ..."), others snap only to roads that stay open. Without blocks the contraction
     * hierarchy answers; with blocks, one contracted again with the blocked roads closed.
     */
    public RoadMatrix matrix(List<Point> sources, List<Point> targets, String profile, double maxSnapMetres,
                             BlockedAreas blocked) {
        ch(profile); // fails early on an unknown profile
        java.util.List<String> unplaced = new java.util.ArrayList<>();
        java.util.BitSet closed = closed(blocked, profile);
        int[] s = nodes(sources, profile, maxSnapMetres, "source", unplaced, blocked, closed);
        int[] t = nodes(targets, profile, maxSnapMetres, "target", unplaced, blocked, closed);
        double[][] result = blocked.isEmpty() ? new ManyToMany(ch(profile), edgeMetres(profile)).compute(s, t)
                : aroundBlocks(profile, closed, s, t);
        long[] seconds = new long[result[0].length];
        long[] metres = new long[result[0].length];
        for (int i = 0; i < seconds.length; i++) {
            boolean path = !Double.isInfinite(result[0][i]);
            seconds[i] = path ? Math.round(result[0][i]) : org.reliefchain.planner.model.TravelMatrix.UNREACHABLE;
            metres[i] = path ? Math.round(result[1][i]) : org.reliefchain.planner.model.TravelMatrix.UNREACHABLE;
        }
        return new RoadMatrix(sources.size(), targets.size(), seconds, metres, unplaced);
    }

    /**
     * Draws fastest paths on the roads for one profile around the given blocks, the same network the
     * matrix with these blocks was computed on: for maps of a plan, where straight lines between stops
     * would cross rivers and floods. Each call searches from scratch; answers are not cached. Not for
     * use from several threads at once (the search reuses its arrays).
     */
    public RoadPaths paths(String profile, double maxSnapMetres, BlockedAreas blocked) {
        ch(profile);
        java.util.BitSet closed = closed(blocked, profile);
        BlockedSearch search = new BlockedSearch(graph(), weighting(profile), closed);
        return (from, to) -> {
            java.util.List<String> unplaced = new java.util.ArrayList<>();
            int[] ends = nodes(List.of(from, to), profile, maxSnapMetres, "end", unplaced, blocked, closed);
            List<Point> path = search.path(ends[0], ends[1]);
            if (path.isEmpty()) {
                return path;
            }
            List<Point> line = new java.util.ArrayList<>(path.size() + 2);
            line.add(from);
            line.addAll(path);
            line.add(to);
            return line;
        };
    }

    /** Paths on the road network; see {@link #paths}. */
    @FunctionalInterface
    public interface RoadPaths {
        /** From one position to another along the roads, both ends included; empty when no road path exists. */
        List<Point> between(Point from, Point to);
    }

    /** Travel times around the closed edges, from a hierarchy contracted again without them ({@link BlockedHierarchy}). */
    private double[][] aroundBlocks(String profile, java.util.BitSet closed, int[] s, int[] t) {
        try (BlockedHierarchy h = new BlockedHierarchy(graph(), weighting(profile), ch(profile), closed)) {
            return h.compute(s, t);
        }
    }

    /** The road edges the blocks close for the profile: those in or touching an area, and the closed roads. */
    java.util.BitSet closed(BlockedAreas blocked, String profile) {
        return blocked.isEmpty() ? new java.util.BitSet()
                : BlockedSearch.blockedEdges(graph(), blocked, closedEdges(blocked, profile));
    }

    /** The road node each point is placed on, -1 where it is not (see {@link #matrix}). */
    int[] placed(List<Point> points, String profile, double maxSnapMetres, BlockedAreas blocked) {
        return nodes(points, profile, maxSnapMetres, "point", new java.util.ArrayList<>(), blocked,
                closed(blocked, profile));
    }

    private java.util.Set<Integer> closedEdges(BlockedAreas blocked, String profile) {
        java.util.Set<Integer> edges = new java.util.HashSet<>();
        for (Point p : blocked.closedRoads()) {
            Snap snap = snap(p.lon(), p.lat(), profile);
            if (snap.isValid()) {
                edges.add(snap.getClosestEdge().getEdge());
            }
        }
        return edges;
    }

    private int[] nodes(List<Point> points, String profile, double maxSnapMetres, String what, List<String> unplaced,
                        BlockedAreas blocked, java.util.BitSet closedEdges) {
        int[] nodes = new int[points.size()];
        DefaultSnapFilter usable = new DefaultSnapFilter(weighting(profile),
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile)));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            BlockedAreas.Area area = blocked.areaAt(p.lon(), p.lat());
            if (area != null) {
                // Snapping would quietly move the point to a road outside the area and route to it.
                nodes[i] = -1;
                unplaced.add(what + " " + i + ": inside the blocked area " + area.name());
                continue;
            }
            Snap snap = hopper.getLocationIndex().findClosest(p.lat(), p.lon(),
                    e -> usable.accept(e) && !closedEdges.get(e.getEdge()));
            if (!snap.isValid()) {
                nodes[i] = -1;
                unplaced.add(what + " " + i + ": no " + profile + " road near " + p);
            } else if (snap.getQueryDistance() > maxSnapMetres) {
                nodes[i] = -1;
                unplaced.add(String.format(java.util.Locale.ROOT, "%s %d: the nearest %s road is %.0f m away",
                        what, i, profile, snap.getQueryDistance()));
            } else {
                nodes[i] = snap.getClosestNode();
            }
        }
        return nodes;
    }

    /** A many-to-many result: row = source, column = target. */
    public record RoadMatrix(int sources, int targets, long[] seconds, long[] metres, List<String> unplaced) {
        public long seconds(int source, int target) {
            return seconds[source * targets + target];
        }

        public long metres(int source, int target) {
            return metres[source * targets + target];
        }
    }

    public List<String> profiles() {
        return List.of(CAR, TRUCK);
    }

    @Override
    public void close() {
        hopper.close();
    }
}
