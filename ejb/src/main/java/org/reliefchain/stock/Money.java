package org.reliefchain.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import org.reliefchain.platform.InvalidInputException;

/** An amount of money: two decimals and an ISO 4217 currency. */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount == null || currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("money needs an amount and a three-letter currency");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** From client text; errors name {@code field}. */
    public static Money parse(String field, String amount, String currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NullPointerException | NumberFormatException e) {
            throw new InvalidInputException(field + ".amount", "must be a decimal number such as 35.80");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(field + ".amount", "must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field + ".amount", "must have at most 2 decimals");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new InvalidInputException(field + ".currency", "must be a three-letter currency code such as CNY");
        }
        return new Money(value, currency);
    }
}
