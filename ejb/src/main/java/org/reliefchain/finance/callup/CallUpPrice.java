package org.reliefchain.finance.callup;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.reliefchain.finance.agreement.PriceRule;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.Money;

/**
 * The unit price of a call-up under an agreement's price rule, fixed when the call-up is ordered:
 * FIXED is the line's unit value; MARKET_CAPPED is the day's market price (entered with the order),
 * never above the line's unit value (the ceiling); COST_PLUS is the enterprise's unit cost (entered)
 * times one plus the agreement's percentage, half-up to the fen.
 */
public final class CallUpPrice {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private CallUpPrice() {
    }

    /**
     * @param unitValue the line's unit value (the fixed price, or the ceiling)
     * @param percent   the agreement's percentage over cost (COST_PLUS), e.g. 8.5 for 8.5 %
     * @param basis     what was entered at the order: the market price or the cost; none for FIXED
     */
    public static Money unitPrice(PriceRule rule, BigDecimal unitValue, BigDecimal percent, BigDecimal basis) {
        switch (rule) {
            case FIXED:
                if (basis != null) {
                    throw new InvalidInputException("priceBasis", "the agreement's price is fixed: enter no market"
                            + " price or cost", "fixed-price");
                }
                return Money.rounded(unitValue, Money.CNY);
            case MARKET_CAPPED:
                requirePositive(basis, "the price rule is the market price up to a ceiling");
                return Money.rounded(basis.min(unitValue), Money.CNY);
            case COST_PLUS:
                requirePositive(basis, "the price rule is cost plus a percentage");
                return Money.rounded(basis.multiply(BigDecimal.ONE.add(percent.divide(HUNDRED))), Money.CNY);
            default:
                throw new IllegalStateException("price rule " + rule);
        }
    }

    /** The payable for {@code quantity} units at {@code unitPrice}, half-up to the fen. */
    public static Money amount(BigDecimal quantity, Money unitPrice) {
        return Money.rounded(quantity.multiply(unitPrice.amount()), Money.CNY);
    }

    private static void requirePositive(BigDecimal basis, String when) {
        if (basis == null) {
            throw InvalidInputException.required("priceBasis", when);
        }
        if (basis.signum() <= 0) {
            throw new InvalidInputException("priceBasis", "must be more than 0", "positive");
        }
    }
}
