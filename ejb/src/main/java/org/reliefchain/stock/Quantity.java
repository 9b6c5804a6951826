package org.reliefchain.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Limits;

/**
 * An amount of a material in its own unit, to three decimals (12.5 cases, 0.125 tonnes). Never a
 * double: stock must add up exactly.
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    public static final int SCALE = 3;
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);
    /** The largest a {@code numeric(14, 3)} column holds: a quantity and a balance alike. */
    public static final Quantity MAX = new Quantity(new BigDecimal("99999999999.999"));

    public Quantity {
        if (value == null) {
            throw new IllegalArgumentException("quantity is required");
        }
        value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** A quantity of 0 or more from client text (a count may find nothing); errors name {@code field}. */
    public static Quantity parseNonNegative(String field, String text) {
        if (text != null && text.trim().matches("0+(\\.0*)?")) {
            return ZERO;
        }
        return parsePositive(field, text);
    }

    /** A positive quantity from client text such as "12.5"; errors name {@code field}. */
    public static Quantity parsePositive(String field, String text) {
        BigDecimal v = Limits.decimalOrNull(text);
        if (v == null) {
            throw new InvalidInputException(field, "must be a decimal number such as 12.5", "number");
        }
        if (v.signum() <= 0) {
            throw new InvalidInputException(field, "must be more than 0", "positive");
        }
        if (v.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidInputException(field, "must have at most " + SCALE + " decimals", "decimals",
                    String.valueOf(SCALE));
        }
        if (v.compareTo(MAX.value) > 0) {
            throw new InvalidInputException(field, "is too large", "too-large");
        }
        return new Quantity(v);
    }

    public static Quantity of(String text) {
        return new Quantity(new BigDecimal(text));
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    public Quantity min(Quantity other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Quantity negate() {
        return new Quantity(value.negate());
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    /** Plain text without exponent and without needless trailing zeros: "12.5", "3". */
    @Override
    public String toString() {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }
}
