package org.reliefchain.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * 救灾物资送达情况 of an incident, from the dispatch orders of its approved plan: per county the people of
 * the demand points the trips serve, planned to be reached in time, reached in time and reached at all; and
 * per trip where it is. A demand point served by several trips counts once, in time only when every one of
 * its stops is (planned, or delivered) by that stop's deadline.
 */
public record DeliveryReport(long incidentId, String incidentNumber, String incidentName, Instant deadline,
                             List<County> counties, List<Trip> trips) {

    /**
     * The demand points of one county: how many, their people, and the people of those planned to be reached
     * by the deadline, reached by the deadline, and reached (at any time).
     */
    public record County(String code, String nameZh, String nameEn, int points, long people, long plannedInTime,
                         long reachedInTime, long reached) {
    }

    /** A trip: its stops, how many were delivered, their people and those reached by the deadline. */
    public record Trip(long id, String number, String vehicle, String vehicleKind, TripStatus status, Instant departure,
                       int stops, int delivered, long people, long reachedInTime) {
    }

    /** The totals over every county (without code or name). */
    public County total() {
        return new County(null, null, null, counties.stream().mapToInt(County::points).sum(),
                counties.stream().mapToLong(County::people).sum(),
                counties.stream().mapToLong(County::plannedInTime).sum(),
                counties.stream().mapToLong(County::reachedInTime).sum(),
                counties.stream().mapToLong(County::reached).sum());
    }
}
