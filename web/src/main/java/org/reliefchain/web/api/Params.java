package org.reliefchain.web.api;

import java.time.Instant;
import java.util.Locale;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Limits;

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
        return Limits.instant(name, value);
    }

    /** A year of plans and reports: within the years the system deals in. */
    static int year(String name, Integer value, int fallback) {
        int year = value == null ? fallback : value;
        if (year < Limits.EARLIEST_YEAR || year > Limits.LATEST_YEAR) {
            throw new InvalidInputException(name, "must be between " + Limits.EARLIEST_YEAR + " and " + Limits.LATEST_YEAR,
                    "between", String.valueOf(Limits.EARLIEST_YEAR), String.valueOf(Limits.LATEST_YEAR));
        }
        return year;
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
