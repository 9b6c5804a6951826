package org.reliefchain.stock;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Limits;

/**
 * An amount of money: two decimals and an ISO 4217 currency. Arithmetic keeps the currency and refuses
 * to mix two; an exact figure becomes money by {@link #rounded} (half-up to the fen, the rule of the
 * finance office), and {@link #split} divides an amount so that the parts add up to it to the fen.
 */
public record Money(BigDecimal amount, String currency) implements Serializable {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount == null || currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("money needs an amount and a three-letter currency");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static final String CNY = "CNY";

    public static Money cny(BigDecimal amount) {
        return new Money(amount, CNY);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** An exact figure (a rate times days times a quantity) rounded half-up to the fen. */
    public static Money rounded(BigDecimal exact, String currency) {
        return new Money(exact.setScale(2, RoundingMode.HALF_UP), currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** "1234.50": the amount as the API and the documents write it. */
    public String plain() {
        return amount.toPlainString();
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return other;
    }

    /**
     * This amount divided in proportion to {@code weights} (none negative, not all zero), each part to
     * the fen, the parts adding up to this amount exactly: every part first gets its share rounded down,
     * then the fen left over go one each to the largest remainders (ties to the earlier part), so no fen
     * is lost or invented.
     */
    public List<Money> split(List<BigDecimal> weights) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("a share cannot be negative: " + w);
            }
            total = total.add(w);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("cannot split by shares that are all zero");
        }
        long fen = amount.movePointRight(2).longValueExact();
        long sign = Long.signum(fen);
        long whole = Math.abs(fen);
        List<Long> parts = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        long given = 0;
        for (BigDecimal w : weights) {
            BigDecimal exact = BigDecimal.valueOf(whole).multiply(w).divide(total, 12, RoundingMode.DOWN);
            long floor = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            parts.add(floor);
            remainders.add(exact.subtract(BigDecimal.valueOf(floor)));
            given += floor;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i));
        for (int k = 0; given < whole; k = (k + 1) % order.size()) {
            int i = order.get(k);
            parts.set(i, parts.get(i) + 1);
            given++;
        }
        return parts.stream().map(p -> new Money(BigDecimal.valueOf(sign * p, 2), currency)).toList();
    }

    /** The largest a {@code numeric(14, 2)} column holds. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    /** From client text; errors name {@code field}. The currency must be one ISO 4217 knows. */
    public static Money parse(String field, String amount, String currency) {
        BigDecimal value = Limits.decimalOrNull(amount);
        if (value == null) {
            throw new InvalidInputException(field + ".amount", "must be a decimal number such as 35.80", "number");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(field + ".amount", "must not be negative", "negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field + ".amount", "must have at most 2 decimals", "decimals", "2");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidInputException(field + ".amount", "is too large", "too-large");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches() || !known(currency)) {
            throw new InvalidInputException(field + ".currency", "must be an ISO 4217 currency code such as CNY",
                    "currency");
        }
        return new Money(value, currency);
    }

    private static boolean known(String currency) {
        try {
            java.util.Currency.getInstance(currency);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
