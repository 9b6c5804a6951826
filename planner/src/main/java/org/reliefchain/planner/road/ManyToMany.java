package org.reliefchain.planner.road;

import java.util.Arrays;
import java.util.stream.IntStream;

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

    ManyToMany(RoutingCHGraph ch, double[] edgeMetres) {
        this.ch = ch;
        this.edgeMetres = edgeMetres;
        this.nodes = ch.getNodes();
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
        Search backwards = new Search(ch.createInEdgeExplorer(), true);
        for (int j = 0; j < m; j++) {
            if (targets[j] < 0) {
                continue;
            }
            backwards.run(targets[j]);
            for (int k = 0; k < backwards.settledCount; k++) {
                int v = backwards.settled[k];
                if (entries == capacity) {
                    capacity *= 2;
                    entryTarget = Arrays.copyOf(entryTarget, capacity);
                    entryWeight = Arrays.copyOf(entryWeight, capacity);
                    entryMetres = Arrays.copyOf(entryMetres, capacity);
                    entryNext = Arrays.copyOf(entryNext, capacity);
                }
                entryTarget[entries] = j;
                entryWeight[entries] = backwards.weight[v];
                entryMetres[entries] = backwards.metres[v];
                entryNext[entries] = bucketHead[v];
                bucketHead[v] = entries++;
            }
        }
        double[] seconds = new double[sources.length * m];
        double[] distance = new double[sources.length * m];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        // The buckets are only read from here on: the sources are shared among the cores, each worker with
        // its own search and its own rows.
        int[] head = bucketHead;
        int[] target = entryTarget;
        double[] toTarget = entryWeight;
        double[] metresToTarget = entryMetres;
        int[] next = entryNext;
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), sources.length / 256));
        IntStream.range(0, workers).parallel().forEach(w -> {
            Search forwards = new Search(ch.createOutEdgeExplorer(), false);
            for (int i = w; i < sources.length; i += workers) {
                if (sources[i] < 0) {
                    continue;
                }
                forwards.run(sources[i]);
                int row = i * m;
                for (int k = 0; k < forwards.settledCount; k++) {
                    int v = forwards.settled[k];
                    for (int e = head[v]; e >= 0; e = next[e]) {
                        double weight = forwards.weight[v] + toTarget[e];
                        int cell = row + target[e];
                        if (weight < seconds[cell]) {
                            seconds[cell] = weight;
                            distance[cell] = forwards.metres[v] + metresToTarget[e];
                        }
                    }
                }
            }
        });
        return new double[][] {seconds, distance};
    }

    /** Dijkstra that only climbs the hierarchy, one direction; its state is reused between runs (a version stamp instead of clearing). */
    private final class Search {
        final RoutingCHEdgeExplorer explorer;
        final boolean backward;
        final double[] weight = new double[nodes];
        final double[] metres = new double[nodes];
        final int[] seen = new int[nodes];
        final int[] settledStamp = new int[nodes];
        final int[] settled = new int[nodes];
        int settledCount;
        int version;
        final MinHeap heap = new MinHeap();

        Search(RoutingCHEdgeExplorer explorer, boolean backward) {
            this.explorer = explorer;
            this.backward = backward;
        }

        /** Fills weight/metres of the nodes settled from {@code start}, listed in {@code settled}. */
        void run(int start) {
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
}
