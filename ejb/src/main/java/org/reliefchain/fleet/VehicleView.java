package org.reliefchain.fleet;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A vehicle as the API shows it. Kind-specific values are null where the kind has none.
 * {@code editable}: whether the viewer may change it; {@code nextStatuses}: the statuses the viewer
 * may move it to now (empty when not editable).
 */
public record VehicleView(String registration, VehicleKind kind, String division, BigDecimal capacityKg,
                          BigDecimal capacityM3, BigDecimal heightM, BigDecimal widthM, BigDecimal grossWeightT,
                          BigDecimal rangeKm, Integer sortieMinutes, BigDecimal speedKmh, String base,
                          BaseKind baseKind, String baseName, double baseLon, double baseLat, OwnerKind ownerKind,
                          VehicleStatus status, Instant availableFrom, Instant availableUntil,
                          BigDecimal dutyHoursPerDay, String crewName, String crewPhone, boolean synthetic,
                          long version, boolean editable, List<VehicleStatus> nextStatuses) implements Serializable {
}
