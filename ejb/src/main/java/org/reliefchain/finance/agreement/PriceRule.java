package org.reliefchain.finance.agreement;

/** The price of goods called up under an agreement. */
public enum PriceRule {
    /** The line's unit value. */
    FIXED,
    /** The market price on the day, never above the line's unit value. */
    MARKET_CAPPED,
    /** The enterprise's cost plus the agreement's percentage. */
    COST_PLUS
}
