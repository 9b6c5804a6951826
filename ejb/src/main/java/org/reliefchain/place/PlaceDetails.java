package org.reliefchain.place;

import java.util.ArrayList;
import java.util.List;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.GeoPoint;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;

/**
 * The checked facts of a place. {@code airKind} belongs to air bases only and {@code capacityPeople}
 * to shelters only; {@link #check(PlaceKind)} says so naming the field.
 */
public record PlaceDetails(String nameZh, String nameEn, DivisionCode division, GeoPoint position,
                           PositionOrigin origin, boolean synthetic, AirKind airKind, Integer capacityPeople,
                           String serves, String note, String source) {

    /** The rules that tie the facts to the kind of place; empty when they hold. */
    public List<FieldError> problems(PlaceKind kind) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == PlaceKind.AIR_BASE && airKind == null) {
            errors.add(new FieldError("airKind", "is required for an air base"));
        }
        if (kind != PlaceKind.AIR_BASE && airKind != null) {
            errors.add(new FieldError("airKind", "belongs to air bases only"));
        }
        if (kind == PlaceKind.SHELTER && (capacityPeople == null || capacityPeople < 1)) {
            errors.add(new FieldError("capacityPeople", "is required for a shelter and must be at least 1"));
        }
        if (kind != PlaceKind.SHELTER && capacityPeople != null) {
            errors.add(new FieldError("capacityPeople", "belongs to shelters only"));
        }
        if (origin == PositionOrigin.SYNTHETIC && !synthetic) {
            errors.add(new FieldError("positionOrigin", "a synthetic position marks a synthetic place"));
        }
        return errors;
    }

    /** @throws InvalidInputException naming every field that breaks a rule of {@code kind} */
    public void check(PlaceKind kind) {
        List<FieldError> errors = problems(kind);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
