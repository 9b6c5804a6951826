package org.reliefchain.fleet;

import java.util.List;

/**
 * Whether the planner may use a vehicle. ASSIGNED is on a relief plan; OUT_OF_SERVICE is broken down,
 * in maintenance or called away. An out-of-service vehicle comes back as AVAILABLE before it is
 * assigned again, so that someone has looked at it.
 */
public enum VehicleStatus {
    AVAILABLE, ASSIGNED, OUT_OF_SERVICE;

    /** The statuses this one may change to. */
    public List<VehicleStatus> next() {
        return switch (this) {
            case AVAILABLE -> List.of(ASSIGNED, OUT_OF_SERVICE);
            case ASSIGNED -> List.of(AVAILABLE, OUT_OF_SERVICE);
            case OUT_OF_SERVICE -> List.of(AVAILABLE);
        };
    }

    public boolean canBecome(VehicleStatus other) {
        return next().contains(other);
    }
}
