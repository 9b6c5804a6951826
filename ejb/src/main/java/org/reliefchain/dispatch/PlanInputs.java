package org.reliefchain.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.reliefchain.incident.HazardFeature;

/**
 * What a plan is made from, read from the database at the moment the dispatcher asked for it (plain
 * values, so that a queued plan plans on that moment's situation): the demand points with what they
 * need, the warehouses with their usable stock, the available fleet, the hazards valid then, and the
 * ports and landing points boats and helicopters use. A revision also names where the search starts:
 * per vehicle registration, the deliveries ("division/material") it was already told to make, in order.
 * Without {@code transshipment}, no port or air base is fed from a warehouse (their vehicles stay out).
 */
public record PlanInputs(Instant plannedAt, Instant deadline, List<Point> points, List<Store> stores,
                         List<Hub> hubs, List<Transport> fleet, List<HazardFeature> hazards,
                         List<Site> landingPoints, Map<String, List<String>> startFrom, boolean transshipment) {

    /** The same inputs, with or without transfers from warehouses to the ports and air bases of boats and helicopters. */
    public PlanInputs withTransshipment(boolean on) {
        return new PlanInputs(plannedAt, deadline, points, stores, hubs, fleet, hazards, landingPoints, startFrom, on);
    }

    /** A demand point: a village (or township, county) with its people and what each material line asks. */
    public record Point(String division, String name, double lon, double lat, long people, boolean cutOff,
                        boolean vulnerable, List<Need> needs) {
    }

    /** Whole units of one material, with the weight (kg) and packed volume (m³) of one unit. */
    public record Need(String material, long quantity, double unitKg, double unitM3) {
    }

    /**
     * A warehouse and what it holds usable (unexpired) of the demanded materials, in whole units.
     * {@code outside} the dispatcher's jurisdiction: usable only through an emergency fast-track order to
     * one of the dispatcher's truck bases. A truck base of the jurisdiction without usable stock has an
     * empty {@code stock} (listed only when fast-track is asked for: such a base is where that stock goes).
     */
    public record Store(long warehouseId, String code, String name, String division, double lon, double lat,
                        Map<String, Long> stock, boolean outside) {
    }

    /** A port or an air base that boats or helicopters of the fleet start from. */
    public record Hub(String code, String name, boolean port, double lon, double lat) {
    }

    /** A place without stock or vehicles that a mode uses: a landing point. */
    public record Site(String code, String name, double lon, double lat) {
    }

    /**
     * An available vehicle. {@code base} is a warehouse code (trucks, vans) or a hub code; times are
     * absolute; {@code rangeKm}, {@code sortieMinutes}, {@code speedKmh} are null where the kind has none.
     */
    public record Transport(long id, String registration, Kind kind, double capacityKg, double capacityM3,
                            Double rangeKm, Integer sortieMinutes, Double speedKmh, String base,
                            Instant availableFrom, Instant availableUntil, double dutyHours) {
    }

    public enum Kind { TRUCK, BOAT, HELICOPTER }
}
