package org.reliefchain.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an incident's relief stands when a dispatcher revises its approved plan, read from the dispatch
 * orders and their field reports. What is delivered or on board stays as it is; the orders not yet
 * loaded ({@code openTrips}) are planned again, with what they were issued ({@code openLoads}, still in
 * its warehouse) and their vehicles; vehicles on the road join again once back at base.
 *
 * @param revises    the approved plan
 * @param openTrips  dispatch orders not yet loaded: id to version (approval refuses if one moved on)
 * @param vehicles   vehicles of the incident's orders under way or not yet loaded (ASSIGNED to it)
 * @param committed  per demand point and material, what is delivered (received) or on board for it
 * @param openLoads  per warehouse and material, what the open orders were issued, in whole units
 * @param busyUntil  per vehicle on the road, when it is expected back at base (planned return plus the delay last reported)
 * @param startFrom  per vehicle, the open orders' deliveries in order, as "division/material": the revision's start
 */
public record Revision(long revises, Map<Long, Long> openTrips, Set<Long> vehicles,
                       Map<String, Map<String, Long>> committed, Map<Long, Map<String, Long>> openLoads,
                       Map<Long, Instant> busyUntil, Map<Long, List<String>> startFrom) {

    /** What approval checks against: kept with the revision as JSON. */
    public record Basis(Map<String, Long> openTrips, List<Long> vehicles) {
    }

    public Basis basis() {
        Map<String, Long> open = new java.util.TreeMap<>();
        openTrips.forEach((id, version) -> open.put(String.valueOf(id), version));
        return new Basis(open, vehicles.stream().sorted().toList());
    }

    /** What is still to deliver of {@code quantity} of a material at a point. */
    public long remaining(String division, String material, long quantity) {
        long done = committed.getOrDefault(division, Map.of()).getOrDefault(material, 0L);
        return Math.max(0, quantity - done);
    }
}
