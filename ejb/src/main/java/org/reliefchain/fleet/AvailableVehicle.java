package org.reliefchain.fleet;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An available vehicle with everything the planner builds its vehicle from: capacity, the limits of
 * its kind (null where the kind has none), its home base with position, and its window and duty.
 */
public record AvailableVehicle(String registration, VehicleKind kind, String division, BigDecimal capacityKg,
                               BigDecimal capacityM3, BigDecimal heightM, BigDecimal widthM, BigDecimal grossWeightT,
                               BigDecimal rangeKm, Integer sortieMinutes, BigDecimal speedKmh, HomeBase base,
                               Instant availableFrom, Instant availableUntil, BigDecimal dutyHoursPerDay) {
}
