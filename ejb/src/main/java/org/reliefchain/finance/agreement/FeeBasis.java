package org.reliefchain.finance.agreement;

/** How a line's storage subsidy is stated. */
public enum FeeBasis {
    /** The line's fee rate in yuan per unit held per year. */
    PER_UNIT,
    /** The line's fee rate in percent of the value held (quantity times unit value) per year. */
    PERCENT_OF_VALUE
}
