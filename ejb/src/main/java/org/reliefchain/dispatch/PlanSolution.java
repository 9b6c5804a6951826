package org.reliefchain.dispatch;

import java.io.Serializable;
import java.util.List;

/**
 * A plan as the product keeps it (JSON in the plan's row, written whole): the trips of each vehicle
 * with their stops and loads, and per demand point what arrives when, or why it does not. Times are
 * seconds from the moment of planning; warehouses and vehicles by their database identity.
 */
public record PlanSolution(List<Trip> trips, List<PointResult> points) implements Serializable {

    /**
     * One trip: loads at {@code base} (a warehouse, or a hub fed from {@code warehouseId}), stops in order,
     * back at {@code back}. A fast-track trip ({@code viaWarehouseId} set) carries stock of
     * {@code warehouseId}, outside the jurisdiction, brought by an emergency allocation order to the
     * jurisdiction's warehouse {@code viaWarehouseId} where it loads.
     */
    public record Trip(long vehicleId, String registration, String mode, int trip, String baseName, double baseLon,
                       double baseLat, long warehouseId, String warehouseCode, String warehouseName, boolean transfer, long departure,
                       long back, List<Stop> stops, Long viaWarehouseId) implements Serializable {

        public boolean fastTrack() {
            return viaWarehouseId != null;
        }

        /** Where the trip loads: the fast-track destination, or the warehouse whose stock it carries. */
        public long loadsAt() {
            return viaWarehouseId != null ? viaWarehouseId : warehouseId;
        }
    }

    public record Stop(String division, String name, double lon, double lat, long arrival, long people,
                       List<Line> lines) implements Serializable {
    }

    public record Line(String material, long quantity) implements Serializable {
    }

    /**
     * A demand point's outcome: {@code status} IN_TIME (everything by the deadline), LATE (everything, some
     * after it), PARTLY (some deliveries not made), UNSERVED; {@code arrival} of its last delivery (-1 if none);
     * {@code reason} why it is not served in time, in words.
     */
    public record PointResult(String division, String name, double lon, double lat, long people, int priority,
                              String status, long arrival, String reason, List<Line> missing) implements Serializable {
    }
}
