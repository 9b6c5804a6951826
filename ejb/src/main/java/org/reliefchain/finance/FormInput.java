package org.reliefchain.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Limits;

/**
 * Numbers, dates and texts of finance forms from client text, checked against what their columns hold, each
 * refusal naming its field and the rule (so a screen words it in its user's language).
 */
public final class FormInput {

    /** The earliest and latest dates a finance document may carry. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private FormInput() {
    }

    /** A decimal of at most {@code scale} decimals and {@code integerDigits} digits before the point, 0 or more. */
    public static BigDecimal parse(String field, String text, int scale, int integerDigits, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw InvalidInputException.required(field, null);
            }
            return null;
        }
        String t = text.strip().replace(",", "");
        if (!t.matches("[+-]?[0-9]+(\\.[0-9]*)?|[+-]?\\.[0-9]+")) {
            // plain ASCII digits only: no exponents, no other scripts' digits, no "NaN"
            throw new InvalidInputException(field, "must be a decimal number such as 12.5", "number");
        }
        BigDecimal v = new BigDecimal(t);
        if (v.signum() < 0) {
            throw new InvalidInputException(field, "must not be negative", "negative");
        }
        if (v.stripTrailingZeros().scale() > scale) {
            throw new InvalidInputException(field, "must have at most " + scale + " decimals", "decimals",
                    String.valueOf(scale));
        }
        if (v.precision() - v.scale() > integerDigits) {
            throw new InvalidInputException(field, "is too large", "too-large");
        }
        return v;
    }

    /** Like {@link #parse}, and more than 0. */
    public static BigDecimal positive(String field, String text, int scale, int integerDigits) {
        BigDecimal v = parse(field, text, scale, integerDigits, true);
        if (v.signum() <= 0) {
            throw new InvalidInputException(field, "must be more than 0", "positive");
        }
        return v;
    }

    public static LocalDate date(String field, LocalDate date, boolean required) {
        if (date == null) {
            if (required) {
                throw InvalidInputException.required(field, null);
            }
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidInputException(field, "must be between " + EARLIEST + " and " + LATEST, "date-range",
                    EARLIEST.toString(), LATEST.toString());
        }
        return date;
    }

    /**
     * Client text for a column of {@code max} characters: trimmed, null when blank (or refused when
     * {@code required}), refused when longer or holding control characters.
     */
    public static String text(String field, String value, int max, boolean required) {
        String t = value == null ? null : value.strip();
        if (t == null || t.isEmpty()) {
            if (required) {
                throw InvalidInputException.required(field, null);
            }
            return null;
        }
        if (t.length() > max) {
            throw new InvalidInputException(field, "must have at most " + max + " characters", "length",
                    String.valueOf(max));
        }
        return Limits.text(field, t);
    }
}
