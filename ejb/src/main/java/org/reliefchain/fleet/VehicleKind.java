package org.reliefchain.fleet;

import java.util.Optional;

/** Truck, van, boat or helicopter: what it needs to be described by, and where it is based. */
public enum VehicleKind {
    TRUCK, VAN, BOAT, HELICOPTER;

    /** Road vehicles carry the dimensions the planner's truck profile checks (height, width, gross weight). */
    public boolean road() {
        return this == TRUCK || this == VAN;
    }

    /** Road vehicles load at a warehouse, boats at a port, helicopters at an air base. */
    public BaseKind baseKind() {
        return switch (this) {
            case TRUCK, VAN -> BaseKind.WAREHOUSE;
            case BOAT -> BaseKind.PORT;
            case HELICOPTER -> BaseKind.AIR_BASE;
        };
    }

    /** Why a base of kind {@code actual} does not suit this kind of vehicle; empty when it does. */
    public Optional<String> baseProblem(BaseKind actual) {
        if (actual == baseKind()) {
            return Optional.empty();
        }
        return Optional.of("a " + name() + " is based at " + article(baseKind()) + "; this base is "
                + (actual == null ? "no warehouse, port or air base" : article(actual)));
    }

    static String article(BaseKind kind) {
        return switch (kind) {
            case WAREHOUSE -> "a warehouse";
            case PORT -> "a port";
            case AIR_BASE -> "an air base";
        };
    }
}
