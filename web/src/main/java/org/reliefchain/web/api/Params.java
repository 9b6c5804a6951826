package org.reliefchain.web.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.platform.InvalidInputException;

/** Parsing of query parameters with errors that name the parameter. */
final class Params {

    private Params() {
    }

    static DivisionLevel level(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DivisionLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be one of PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be an ISO-8601 instant such as 2026-08-10T01:45:00Z");
        }
    }

    /** An optional division code parameter; errors name the parameter. */
    static DivisionCode division(String name, String value) {
        return value == null || value.isBlank() ? null : DivisionCode.parse(name, value.trim());
    }

    /** {@code by=level} (the default) or {@code by=division}: true for level. */
    static boolean byLevel(String by) {
        if (by == null || by.isBlank() || "level".equalsIgnoreCase(by.trim())) {
            return true;
        }
        if ("division".equalsIgnoreCase(by.trim())) {
            return false;
        }
        throw new InvalidInputException("by", "must be level or division");
    }

    /** Trimmed text, or null when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Locale locale(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }

    /** An optional enum parameter, any case; errors name the parameter and list the values. */
    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    "choose");
        }
    }
}
