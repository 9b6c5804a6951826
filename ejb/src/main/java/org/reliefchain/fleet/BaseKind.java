package org.reliefchain.fleet;

import org.reliefchain.place.PlaceKind;

/** What a vehicle can be based at. */
public enum BaseKind {
    WAREHOUSE(null), PORT(PlaceKind.PORT), AIR_BASE(PlaceKind.AIR_BASE);

    private final PlaceKind placeKind;

    BaseKind(PlaceKind placeKind) {
        this.placeKind = placeKind;
    }

    /** The place kind of a port or an air base; null for a warehouse (another table). */
    public PlaceKind placeKind() {
        return placeKind;
    }

    /** The base kind of a place, or null for a place nothing is based at (landing points, shelters). */
    public static BaseKind of(PlaceKind kind) {
        return switch (kind) {
            case PORT -> PORT;
            case AIR_BASE -> AIR_BASE;
            default -> null;
        };
    }
}
