package org.reliefchain.dispatch;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A dispatch order as the field and the manifest see it: vehicle and crew, base, stops in order with
 * planned and expected arrival (planned plus the delay last reported) against the deadline, lines
 * carried and received, the lots loaded, and the reports so far; {@code fastTrackOrder}: the emergency
 * allocation order that brings its load from outside the jurisdiction (it is issued when loaded).
 */
public record TripView(long id, String number, long planId, long incidentId, String vehicle, String vehicleKind,
                       String crewName, String crewPhone, int trip, String base, Instant departure,
                       Instant plannedReturn, TripStatus status, long delaySeconds, long version, List<StopView> stops,
                       List<LoadView> loads, List<EventView> events, String fastTrackOrder) implements Serializable {

    public record StopView(int seq, String division, String name, long people, Instant plannedArrival,
                           Instant expectedArrival, Instant deadline, boolean late, StopStatus status, Instant arrivedAt,
                           Instant deliveredAt, String receiver, List<LineView> lines) implements Serializable {
    }

    public record LineView(String material, String materialName, String unit, BigDecimal planned, BigDecimal received,
                           BigDecimal damaged) implements Serializable {
    }

    public record LoadView(String warehouseCode, String warehouse, String material, String materialName, String lot,
                           BigDecimal quantity, BigDecimal returned) implements Serializable {
    }

    public record EventView(TripEventType type, Integer stop, Instant at, String actor, String detail) implements Serializable {
    }

    /** Stops still ahead that will now arrive after their deadline. */
    public List<StopView> warnings() {
        return stops.stream().filter(s -> s.status() == StopStatus.PLANNED && s.late()).toList();
    }
}
