package org.reliefchain.incident;

import java.math.BigDecimal;

import org.reliefchain.platform.InvalidInputException;

/**
 * A relief standard as read and written: {@code quantity} of {@code material} per counted person or
 * household. Checked by {@link #check(String)} rather than in the constructor, so that a bad line in a
 * request body is refused naming its field, not as unreadable JSON.
 */
public record StandardLine(String material, StandardBasis basis, BigDecimal quantity, boolean perDay, String citation) {

    /** @throws InvalidInputException naming {@code at}'s field */
    public void check(String at) {
        if (material == null || material.isBlank() || material.length() > 24 || Incident.hasControl(material)) {
            throw new InvalidInputException(at + ".material", "a catalogue code is required");
        }
        if (basis == null) {
            throw new InvalidInputException(at + ".basis", "must be PER_PERSON, PER_RELOCATED or PER_RELOCATED_HOUSEHOLD");
        }
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(BigDecimal.valueOf(1000)) > 0
                || quantity.scale() > 4) {
            throw new InvalidInputException(at + ".quantity", "must be more than 0 and at most 1000, with at most 4 decimals");
        }
        if (citation == null || citation.isBlank() || citation.length() > 400 || Incident.hasControl(citation)) {
            throw new InvalidInputException(at + ".citation", "say where the figure comes from (at most 400 characters)");
        }
    }
}
