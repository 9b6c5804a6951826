package org.reliefchain.fleet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;

/**
 * The checked description of a vehicle, apart from its base: road vehicles have {@link RoadLimits},
 * helicopters an {@link AirRange}, boats a speed, and nothing else has any of these.
 */
public record VehicleSpec(VehicleKind kind, DivisionCode division, Capacity capacity, RoadLimits road, AirRange air,
                          BigDecimal speedKmh, OwnerKind owner, Availability availability, Crew crew) {

    /** The raw facts as a form or a file row gives them; any of them may be missing. */
    public record Facts(VehicleKind kind, DivisionCode division, BigDecimal capacityKg, BigDecimal capacityM3,
                        BigDecimal heightM, BigDecimal widthM, BigDecimal grossWeightT, BigDecimal rangeKm,
                        Integer sortieMinutes, BigDecimal speedKmh, OwnerKind owner, java.time.Instant availableFrom,
                        java.time.Instant availableUntil, BigDecimal dutyHoursPerDay, String crewName,
                        String crewPhone) {
    }

    /**
     * Builds the spec when the facts fit the kind.
     *
     * @throws InvalidInputException naming every field that is missing, does not belong to the kind, or
     *                               contradicts another (an availability that ends before it starts)
     */
    public static VehicleSpec of(Facts f) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, "kind", f.kind());
        require(errors, "division", f.division());
        positive(errors, "capacityKg", f.capacityKg());
        positive(errors, "capacityM3", f.capacityM3());
        require(errors, "ownerKind", f.owner());
        positive(errors, "dutyHoursPerDay", f.dutyHoursPerDay());
        if (f.dutyHoursPerDay() != null && f.dutyHoursPerDay().compareTo(BigDecimal.valueOf(24)) > 0) {
            errors.add(new FieldError("dutyHoursPerDay", "a day has 24 hours"));
        }
        require(errors, "crewName", blankToNull(f.crewName()));
        require(errors, "crewPhone", blankToNull(f.crewPhone()));
        if (f.availableFrom() != null && f.availableUntil() != null && !f.availableUntil().isAfter(f.availableFrom())) {
            errors.add(new FieldError("availableUntil", "must be after availableFrom"));
        }
        if (f.kind() != null) {
            boolean road = f.kind().road();
            boolean heli = f.kind() == VehicleKind.HELICOPTER;
            boolean boat = f.kind() == VehicleKind.BOAT;
            belongs(errors, f.kind(), road, "heightM", f.heightM(), "trucks and vans");
            belongs(errors, f.kind(), road, "widthM", f.widthM(), "trucks and vans");
            belongs(errors, f.kind(), road, "grossWeightT", f.grossWeightT(), "trucks and vans");
            belongs(errors, f.kind(), heli, "rangeKm", f.rangeKm(), "helicopters");
            belongs(errors, f.kind(), heli, "sortieMinutes", f.sortieMinutes(), "helicopters");
            belongs(errors, f.kind(), boat, "speedKmh", f.speedKmh(), "boats");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        VehicleKind kind = f.kind();
        return new VehicleSpec(kind, f.division(), new Capacity(f.capacityKg(), f.capacityM3()),
                kind.road() ? new RoadLimits(f.heightM(), f.widthM(), f.grossWeightT()) : null,
                kind == VehicleKind.HELICOPTER ? new AirRange(f.rangeKm(), f.sortieMinutes()) : null,
                kind == VehicleKind.BOAT ? f.speedKmh() : null, f.owner(),
                new Availability(f.availableFrom(), f.availableUntil(), f.dutyHoursPerDay()),
                new Crew(f.crewName().trim(), f.crewPhone().trim()));
    }

    /** A value the kind needs must be there (and positive); one it does not use must be absent. */
    private static void belongs(List<FieldError> errors, VehicleKind kind, boolean needed, String field, Object value,
                                String whose) {
        if (needed && value == null) {
            errors.add(new FieldError(field, "is required for a " + kind));
        } else if (needed && value instanceof BigDecimal d && d.signum() <= 0
                || needed && value instanceof Integer i && i <= 0) {
            errors.add(new FieldError(field, "must be greater than 0"));
        } else if (!needed && value != null) {
            errors.add(new FieldError(field, "belongs to " + whose + " only, not to a " + kind));
        }
    }

    private static void require(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void positive(List<FieldError> errors, String field, BigDecimal value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.signum() <= 0) {
            errors.add(new FieldError(field, "must be greater than 0"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
