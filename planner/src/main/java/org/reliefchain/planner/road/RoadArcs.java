package org.reliefchain.planner.road;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeIterator;

/**
 * One profile's roads as plain arrays: per node its outgoing arcs, each with the node it leads to, its
 * travel time (the profile's weight, read once), its metres and the road edge it runs along. A search
 * over these costs array reads where GraphHopper's edge iterator evaluates the custom model on every
 * edge it looks at: the searches around blocked areas run several times faster on them.
 */
final class RoadArcs {

    /** Arcs of node {@code v} are {@code first[v] .. first[v + 1] - 1}. */
    final int[] first;
    final int[] head;
    final double[] seconds;
    final double[] metres;
    final int[] edge;

    private RoadArcs(int[] first, int[] head, double[] seconds, double[] metres, int[] edge) {
        this.first = first;
        this.head = head;
        this.seconds = seconds;
        this.metres = metres;
        this.edge = edge;
    }

    static RoadArcs of(BaseGraph graph, Weighting weighting) {
        int n = graph.getNodes();
        int[] count = new int[n + 1];
        var explorer = graph.createEdgeExplorer();
        for (int v = 0; v < n; v++) {
            EdgeIterator it = explorer.setBaseNode(v);
            while (it.next()) {
                if (!Double.isInfinite(weighting.calcEdgeWeight(it, false))) {
                    count[v + 1]++;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            count[v + 1] += count[v];
        }
        int arcs = count[n];
        int[] head = new int[arcs];
        double[] seconds = new double[arcs];
        double[] metres = new double[arcs];
        int[] edge = new int[arcs];
        int k = 0;
        for (int v = 0; v < n; v++) {
            EdgeIterator it = explorer.setBaseNode(v);
            while (it.next()) {
                double w = weighting.calcEdgeWeight(it, false);
                if (!Double.isInfinite(w)) {
                    head[k] = it.getAdjNode();
                    seconds[k] = w;
                    metres[k] = it.getDistance();
                    edge[k] = it.getEdge();
                    k++;
                }
            }
        }
        return new RoadArcs(count, head, seconds, metres, edge);
    }

    /** The same arcs without those along {@code closed} edges: searches around blocks then test nothing per arc. */
    RoadArcs without(java.util.BitSet closed) {
        if (closed.isEmpty()) {
            return this;
        }
        int n = nodes();
        int[] newFirst = new int[n + 1];
        int kept = 0;
        for (int a = 0; a < head.length; a++) {
            kept += closed.get(edge[a]) ? 0 : 1;
        }
        int[] newHead = new int[kept];
        double[] newSeconds = new double[kept];
        double[] newMetres = new double[kept];
        int[] newEdge = new int[kept];
        int k = 0;
        for (int v = 0; v < n; v++) {
            newFirst[v] = k;
            for (int a = first[v]; a < first[v + 1]; a++) {
                if (!closed.get(edge[a])) {
                    newHead[k] = head[a];
                    newSeconds[k] = seconds[a];
                    newMetres[k] = metres[a];
                    newEdge[k] = edge[a];
                    k++;
                }
            }
        }
        newFirst[n] = k;
        return new RoadArcs(newFirst, newHead, newSeconds, newMetres, newEdge);
    }

    int nodes() {
        return first.length - 1;
    }
}
