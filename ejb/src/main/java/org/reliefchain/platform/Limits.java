package org.reliefchain.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What the database can hold, checked where client text enters: dates within years 1900..9999
 * (PostgreSQL takes far more, Java far more still, neither is a date anyone means), numbers written
 * with ASCII digits only (Java reads Arabic-Indic and other digits as numbers; a client that sends them
 * sent something else) and without an exponent beyond what a column could hold, and text without
 * control characters (PostgreSQL refuses NUL; the others only hide what a record says).
 */
public final class Limits {

    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 9999;

    private static final Instant EARLIEST = OffsetDateTime.of(EARLIEST_YEAR, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    private static final Instant LATEST = OffsetDateTime.of(LATEST_YEAR, 12, 31, 23, 59, 59, 999_999_999,
            ZoneOffset.UTC).toInstant();

    /** A plain decimal as people and spreadsheets write it: ASCII digits, one point, an optional small exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,2})?");

    private Limits() {
    }

    /** An ISO-8601 date (2027-06-30) within the years this system deals in; errors name {@code field}. */
    public static LocalDate date(String field, String text) {
        LocalDate d;
        try {
            d = LocalDate.parse(text.trim());
        } catch (NullPointerException | DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2027-06-30", "date");
        }
        return checked(field, d);
    }

    /** An ISO-8601 instant (2026-08-10T01:45:00Z) within the years this system deals in. */
    public static Instant instant(String field, String text) {
        Instant t;
        try {
            t = Instant.parse(text.trim());
        } catch (NullPointerException | DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-08-10T01:45:00Z",
                    "format");
        }
        return checked(field, t);
    }

    public static LocalDate checked(String field, LocalDate d) {
        if (d != null && (d.getYear() < EARLIEST_YEAR || d.getYear() > LATEST_YEAR)) {
            throw outOfRange(field);
        }
        return d;
    }

    public static Instant checked(String field, Instant t) {
        if (t != null && (t.isBefore(EARLIEST) || t.isAfter(LATEST))) {
            throw outOfRange(field);
        }
        return t;
    }

    private static InvalidInputException outOfRange(String field) {
        return new InvalidInputException(field, "must be a date between the years " + EARLIEST_YEAR + " and "
                + LATEST_YEAR, "date-range", String.valueOf(EARLIEST_YEAR), String.valueOf(LATEST_YEAR));
    }

    /**
     * A decimal number from client text, or null when the text is not one: ASCII digits only, an exponent
     * of at most two digits (so "1e-400" and "1e999999999" are not numbers here, however Java reads them).
     */
    public static BigDecimal decimalOrNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** True when {@code text} holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses a control character (a NUL above all) in a text field; errors name {@code field}. */
    public static String text(String field, String value) {
        if (value != null && hasControlCharacter(value)) {
            throw controlCharacters(field);
        }
        return value;
    }

    public static InvalidInputException controlCharacters(String field) {
        return new InvalidInputException(field, "must not contain control characters", "control-characters");
    }
}
