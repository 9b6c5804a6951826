package org.reliefchain.planner.road;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;

/**
 * Paths around blocked areas, for drawing the legs of a plan on the map: a Dijkstra over the base graph
 * with the blocked edges left out, stopping at the target. The matrices around blocks come from
 * {@link BlockedHierarchy} instead.
 */
final class BlockedSearch {

    private final BaseGraph graph;
    private final Weighting weighting;
    private final BitSet blockedEdges;
    private final double[] weight;
    private final double[] metres;
    private final int[] seen;
    private final int[] done;
    /** The edge a node was last reached by in the current search, for drawing the path. */
    private final int[] via;
    private int version;
    private final MinHeap heap = new MinHeap();

    BlockedSearch(BaseGraph graph, Weighting weighting, BitSet blockedEdges) {
        this.graph = graph;
        this.weighting = weighting;
        this.blockedEdges = blockedEdges;
        int n = graph.getNodes();
        weight = new double[n];
        metres = new double[n];
        seen = new int[n];
        done = new int[n];
        via = new int[n];
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
        int[] mark = new int[graph.getNodes()];
        mark[to] = 1;
        search(from, graph.createEdgeExplorer(), mark, 1);
        if (done[to] != version) {
            return List.of();
        }
        List<List<RoadNetwork.Point>> legs = new ArrayList<>();
        for (int node = to; node != from; ) {
            EdgeIteratorState edge = graph.getEdgeIteratorState(via[node], node);
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

    private void search(int start, EdgeExplorer explorer, int[] targetMark, int wanted) {
        version++;
        heap.clear();
        seen[start] = version;
        weight[start] = 0;
        metres[start] = 0;
        via[start] = -1;
        heap.push(start, 0);
        int found = 0;
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
            EdgeIterator it = explorer.setBaseNode(node);
            while (it.next()) {
                if (blockedEdges.get(it.getEdge())) {
                    continue;
                }
                double w = weighting.calcEdgeWeight(it, false);
                if (Double.isInfinite(w)) {
                    continue;
                }
                int adj = it.getAdjNode();
                double candidate = weight[node] + w;
                if (seen[adj] != version || candidate < weight[adj]) {
                    seen[adj] = version;
                    weight[adj] = candidate;
                    metres[adj] = metres[node] + it.getDistance();
                    via[adj] = it.getEdge();
                    heap.push(adj, candidate);
                }
            }
        }
    }
}
