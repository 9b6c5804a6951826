package org.reliefchain.cluster;

import java.util.List;

/**
 * The cluster as one instance sees it.
 *
 * @param answeredBy the instance that answered this request
 * @param clustered  whether the instances share a data grid (false: one instance, clustering off)
 * @param members    every instance in the data grid, the oldest first (the one that answered among them)
 */
public record ClusterView(Member answeredBy, boolean clustered, List<Member> members) {

    /**
     * One application server.
     *
     * @param name    its instance name ({@code reliefchain-1}...; {@code reliefchain} when alone)
     * @param grid    its data-grid address (host:port), null without a data grid
     * @param http    where its HTTP listener is (host:port) when known, behind the balancer
     * @param local   whether it is the one that answered
     */
    public record Member(String name, String grid, String http, boolean local) {
    }
}
