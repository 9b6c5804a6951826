package org.reliefchain.division;

import java.util.Objects;
import java.util.regex.Pattern;

import org.reliefchain.platform.InvalidInputException;

/**
 * A division code: 2 (province), 4 (city), 6 (county, GB/T 2260), 9 (township) or 12 (village)
 * digits. Codes nest by prefix, which is what jurisdiction checks rely on.
 */
public final class DivisionCode {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}");

    private final String value;

    private DivisionCode(String value) {
        this.value = value;
    }

    /** @throws InvalidInputException naming {@code field} when the text is not a division code */
    public static DivisionCode parse(String field, String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new InvalidInputException(field, "must be a division code of 2, 4, 6, 9 or 12 digits");
        }
        return new DivisionCode(text);
    }

    public static DivisionCode of(String text) {
        return parse("code", text);
    }

    public String value() {
        return value;
    }

    public DivisionLevel level() {
        return DivisionLevel.ofCodeLength(value.length());
    }

    /** True when {@code other} is this division or lies below it. */
    public boolean contains(DivisionCode other) {
        return other.value.startsWith(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DivisionCode c && c.value.equals(value);
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
