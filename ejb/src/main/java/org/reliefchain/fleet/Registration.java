package org.reliefchain.fleet;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.reliefchain.platform.InvalidInputException;

/**
 * A vehicle's registration: a plate (浙C12345), a ship's or an aircraft's registration (B-7101). Latin
 * letters are kept in capitals so that {@code b-7101} and {@code B-7101} are one vehicle; no spaces,
 * so that it can stand in a URL path and a file cell as it is.
 */
public final class Registration {

    private static final Pattern SHAPE = Pattern.compile("[^\\s\\p{Cntrl}]{2,20}");

    private final String value;

    private Registration(String value) {
        this.value = value;
    }

    /** @throws InvalidInputException naming {@code field} when the text is no registration */
    public static Registration parse(String field, String text) {
        String v = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(v).matches()) {
            throw new InvalidInputException(field, "must be 2-20 characters without spaces");
        }
        return new Registration(v);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registration r && r.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
