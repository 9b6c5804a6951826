package org.reliefchain.planner.road;

import java.util.Arrays;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;

/**
 * Many-to-many shortest travel times on a contraction hierarchy, the bucket way: one upward search
 * backwards from every target leaves (target, weight, metres) in a bucket at each node it settles;
 * one upward search forwards from every source then meets them there. Each search only climbs the
 * hierarchy, so it settles a few hundred nodes however large the network: n sources and m targets
 * cost n + m small searches, not n x m routes.
 */
final class ManyToMany {

    private final RoutingCHGraph ch;
    private final double[] edgeMetres;
    private final int nodes;
    // One search's state, reused between searches (a version stamp instead of clearing).
    private final double[] weight;
    private final double[] metres;
    private final int[] seen;
    private int version;
    private final int[] settledStamp;
    private final MinHeap heap = new MinHeap();
    private final int[] settled;
    private int settledCount;

    ManyToMany(RoutingCHGraph ch, double[] edgeMetres) {
        this.ch = ch;
        this.edgeMetres = edgeMetres;
        this.nodes = ch.getNodes();
        this.weight = new double[nodes];
        this.metres = new double[nodes];
        this.seen = new int[nodes];
        this.settledStamp = new int[nodes];
        this.settled = new int[nodes];
    }

    /**
     * @param sources CH node per source, -1 when it could not be placed on the network
     * @param targets CH node per target, -1 likewise
     * @return {seconds, metres} as [source * targets + target], +infinity when there is no path
     */
    double[][] compute(int[] sources, int[] targets) {
        int m = targets.length;
        // Buckets as linked lists in flat arrays: per node the first entry, per entry the next one.
        int[] bucketHead = new int[nodes];
        Arrays.fill(bucketHead, -1);
        int capacity = Math.max(16, m * 64);
        int[] entryTarget = new int[capacity];
        double[] entryWeight = new double[capacity];
        double[] entryMetres = new double[capacity];
        int[] entryNext = new int[capacity];
        int entries = 0;
        RoutingCHEdgeExplorer in = ch.createInEdgeExplorer();
        for (int j = 0; j < m; j++) {
            if (targets[j] < 0) {
                continue;
            }
            search(targets[j], in, true);
            for (int k = 0; k < settledCount; k++) {
                int v = settled[k];
                if (entries == capacity) {
                    capacity *= 2;
                    entryTarget = Arrays.copyOf(entryTarget, capacity);
                    entryWeight = Arrays.copyOf(entryWeight, capacity);
                    entryMetres = Arrays.copyOf(entryMetres, capacity);
                    entryNext = Arrays.copyOf(entryNext, capacity);
                }
                entryTarget[entries] = j;
                entryWeight[entries] = weight[v];
                entryMetres[entries] = metres[v];
                entryNext[entries] = bucketHead[v];
                bucketHead[v] = entries++;
            }
        }
        double[] seconds = new double[sources.length * m];
        double[] distance = new double[sources.length * m];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        RoutingCHEdgeExplorer out = ch.createOutEdgeExplorer();
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] < 0) {
                continue;
            }
            search(sources[i], out, false);
            int row = i * m;
            for (int k = 0; k < settledCount; k++) {
                int v = settled[k];
                for (int e = bucketHead[v]; e >= 0; e = entryNext[e]) {
                    double w = weight[v] + entryWeight[e];
                    int cell = row + entryTarget[e];
                    if (w < seconds[cell]) {
                        seconds[cell] = w;
                        distance[cell] = metres[v] + entryMetres[e];
                    }
                }
            }
        }
        return new double[][] {seconds, distance};
    }

    /** Dijkstra that only climbs the hierarchy; fills weight/metres of the settled nodes. */
    private void search(int start, RoutingCHEdgeExplorer explorer, boolean backward) {
        version++;
        heap.clear();
        settledCount = 0;
        seen[start] = version;
        weight[start] = 0;
        metres[start] = 0;
        heap.push(start, 0);
        while (!heap.isEmpty()) {
            int node = heap.topNode();
            double key = heap.topKey();
            heap.removeTop();
            if (settledStamp[node] == version || key > weight[node]) {
                continue; // stale entry: the node was reached cheaper or is done
            }
            settledStamp[node] = version;
            settled[settledCount++] = node;
            int level = ch.getLevel(node);
            RoutingCHEdgeIterator it = explorer.setBaseNode(node);
            while (it.next()) {
                int adj = it.getAdjNode();
                if (ch.getLevel(adj) <= level) {
                    continue;
                }
                double w = it.getWeight(backward);
                if (Double.isInfinite(w)) {
                    continue;
                }
                double candidate = weight[node] + w;
                if (seen[adj] != version) {
                    seen[adj] = version;
                    weight[adj] = candidate;
                    metres[adj] = metres[node] + edgeMetres[it.getEdge()];
                    heap.push(adj, candidate);
                } else if (candidate < weight[adj]) {
                    weight[adj] = candidate;
                    metres[adj] = metres[node] + edgeMetres[it.getEdge()];
                    heap.push(adj, candidate); // lazy: the stale entry is skipped when popped
                }
            }
        }
    }
}
