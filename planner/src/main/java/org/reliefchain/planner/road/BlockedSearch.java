package org.reliefchain.planner.road;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;

/**
 * Paths around blocked areas, for drawing the legs of a plan on the map: a Dijkstra over the road
 * network's arcs ({@link RoadArcs}) with the blocked edges taken out, stopping at the target. The
 * matrices around blocks come from {@link BlockedHierarchy} instead.
 */
final class BlockedSearch {

    private final BaseGraph graph;
    private final RoadArcs arcs;
    /** For {@link #path}, one search at a time: kept between calls. */
    private Search pathSearch;
    private int[] pathMark;

    /** Searches over {@code arcs} with the {@code blockedEdges} taken out. */
    BlockedSearch(BaseGraph graph, RoadArcs arcs, BitSet blockedEdges) {
        this.graph = graph;
        this.arcs = arcs.without(blockedEdges);
    }

    /** Edges touching a blocked area (either end or their middle inside), plus the closed ones. */
    static BitSet blockedEdges(BaseGraph graph, BlockedAreas blocked, java.util.Set<Integer> closed) {
        BitSet edges = new BitSet(graph.getEdges());
        NodeAccess na = graph.getNodeAccess();
        if (!blocked.areas().isEmpty()) {
            var all = graph.getAllEdges();
            while (all.next()) {
                int a = all.getBaseNode();
                int b = all.getAdjNode();
                double midLon = (na.getLon(a) + na.getLon(b)) / 2;
                double midLat = (na.getLat(a) + na.getLat(b)) / 2;
                if (blocked.areaAt(na.getLon(a), na.getLat(a)) != null || blocked.areaAt(na.getLon(b), na.getLat(b)) != null
                        || blocked.areaAt(midLon, midLat) != null) {
                    edges.set(all.getEdge());
                }
            }
        }
        closed.forEach(edges::set);
        return edges;
    }

    /**
     * The fastest path from one node to another as positions along the roads (the edges' own
     * geometry included), or an empty list when there is none.
     */
    List<RoadNetwork.Point> path(int from, int to) {
        if (from < 0 || to < 0) {
            return List.of();
        }
        if (pathSearch == null) {
            pathSearch = new Search();
            pathMark = new int[arcs.nodes()];
        }
        Search search = pathSearch;
        pathMark[to] = 1;
        try {
            search.run(from, pathMark, 1);
        } finally {
            pathMark[to] = 0;
        }
        if (search.done[to] != search.version) {
            return List.of();
        }
        List<List<RoadNetwork.Point>> legs = new ArrayList<>();
        for (int node = to; node != from; ) {
            EdgeIteratorState edge = graph.getEdgeIteratorState(search.via[node], node);
            PointList points = edge.fetchWayGeometry(FetchMode.ALL);
            List<RoadNetwork.Point> leg = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                leg.add(new RoadNetwork.Point(points.getLon(i), points.getLat(i)));
            }
            legs.add(leg);
            node = edge.getBaseNode();
        }
        Collections.reverse(legs);
        List<RoadNetwork.Point> path = new ArrayList<>();
        for (List<RoadNetwork.Point> leg : legs) {
            // Each edge starts where the one before ended.
            path.addAll(path.isEmpty() ? leg : leg.subList(1, leg.size()));
        }
        if (path.isEmpty()) {
            NodeAccess na = graph.getNodeAccess();
            path.add(new RoadNetwork.Point(na.getLon(from), na.getLat(from)));
        }
        return path;
    }

    /** One Dijkstra's state, reused from source to source (a version stamp instead of clearing). */
    private final class Search {
        final double[] weight = new double[arcs.nodes()];
        final double[] metres = new double[arcs.nodes()];
        final int[] seen = new int[arcs.nodes()];
        final int[] done = new int[arcs.nodes()];
        /** The edge a node was last reached by, for drawing the path. */
        final int[] via = new int[arcs.nodes()];
        int version;
        private final MinHeap heap = new MinHeap();

        /** From {@code start} until the {@code wanted} nodes marked in {@code targetMark} are settled. */
        void run(int start, int[] targetMark, int wanted) {
            version++;
            heap.clear();
            seen[start] = version;
            weight[start] = 0;
            metres[start] = 0;
            via[start] = -1;
            heap.push(start, 0);
            int found = 0;
            int[] first = arcs.first;
            int[] head = arcs.head;
            double[] seconds = arcs.seconds;
            while (!heap.isEmpty() && found < wanted) {
                int node = heap.topNode();
                double key = heap.topKey();
                heap.removeTop();
                if (done[node] == version || key > weight[node]) {
                    continue;
                }
                done[node] = version;
                if (targetMark[node] != 0) {
                    found++;
                }
                for (int a = first[node]; a < first[node + 1]; a++) {
                    int adj = head[a];
                    double candidate = weight[node] + seconds[a];
                    if (seen[adj] != version || candidate < weight[adj]) {
                        seen[adj] = version;
                        weight[adj] = candidate;
                        metres[adj] = metres[node] + arcs.metres[a];
                        via[adj] = arcs.edge[a];
                        heap.push(adj, candidate);
                    }
                }
            }
        }
    }
}
