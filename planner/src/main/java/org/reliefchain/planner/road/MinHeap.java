package org.reliefchain.planner.road;

import java.util.Arrays;

/**
 * A binary min-heap of (node, key) for Dijkstra searches, with lazy deletion: a node whose key drops
 * is pushed again, and the search skips entries it has already settled. Primitive arrays, reused
 * between searches: a matrix runs thousands of them.
 */
final class MinHeap {

    private int[] nodes = new int[1024];
    private double[] keys = new double[1024];
    private int size;

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int topNode() {
        return nodes[0];
    }

    double topKey() {
        return keys[0];
    }

    void push(int node, double key) {
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            nodes[i] = nodes[parent];
            keys[i] = keys[parent];
            i = parent;
        }
        nodes[i] = node;
        keys[i] = key;
    }

    void removeTop() {
        size--;
        if (size == 0) {
            return;
        }
        int node = nodes[size];
        double key = keys[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            nodes[i] = nodes[child];
            keys[i] = keys[child];
            i = child;
        }
        nodes[i] = node;
        keys[i] = key;
    }
}
