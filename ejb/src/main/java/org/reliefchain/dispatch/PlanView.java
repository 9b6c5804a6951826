package org.reliefchain.dispatch;

import java.io.Serializable;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * A plan as pages and the API show it: status, the 10-hour figure ({@code peopleInTime} of
 * {@code affectedPeople}), the physical bound, the fleet-aware bound and the scarcity bound (stock and
 * fleet together; both null until computed, just after the first plan; {@code scarcityLimit}: the material whose stock sets it, null when the fleet's
 * capacity for all materials does; these three are written as null, not left out, so that a client can
 * tell "not known yet" from an old server), elapsed solving time, and the
 * figure over time ({@code progress}: [seconds, people in time] pairs); {@code roadRoutes} once the final
 * plan's truck trips are drawn along the roads; {@code revisesId} and {@code revisesNumber} when it revises the
 * approved plan (counting only what is not yet delivered or on board); what it was asked for besides time
 * ({@code transshipment}, {@code fastTrack}).
 */
public record PlanView(long id, long incidentId, String incidentNumber, int number, PlanStatus status, int seconds,
                       Integer steps, String requestedBy, Instant requestedAt, Instant startedAt, Instant endedAt,
                       Instant deadline, long affectedPeople, long peopleInTime, long bound,
                       @JsonbNillable Long fleetBound, @JsonbNillable Long scarcityBound,
                       @JsonbNillable String scarcityLimit, double elapsedSeconds, String summary, PlanFacts facts,
                       String failure, String approvedBy, Instant approvedAt,
                       long version, boolean roadRoutes, Long revisesId, Integer revisesNumber, boolean transshipment,
                       boolean fastTrack, List<double[]> progress) implements Serializable {

    /** The headline: "X of Y affected people reached within the deadline (bound Z)". */
    public double percentOfBound() {
        return bound == 0 ? 0 : 100.0 * peopleInTime / bound;
    }
}
