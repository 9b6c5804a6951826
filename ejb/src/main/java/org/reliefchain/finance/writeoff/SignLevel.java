package org.reliefchain.finance.writeoff;

import java.math.BigDecimal;

import org.reliefchain.division.DivisionCode;

/** The levels that sign write-offs, lowest first, and the division code length of each. */
public enum SignLevel {
    COUNTY(6), CITY(4), PROVINCE(2);

    private final int codeLength;

    SignLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    /** The division of this level that contains {@code division} (a county warehouse's city, ...). */
    public DivisionCode over(DivisionCode division) {
        return DivisionCode.of(division.value().substring(0, codeLength));
    }

    /** The level that must sign {@code amount}: the county up to its limit, the city up to its own, else the province. */
    public static SignLevel required(BigDecimal amount, BigDecimal countyLimit, BigDecimal cityLimit) {
        if (amount.compareTo(countyLimit) <= 0) {
            return COUNTY;
        }
        return amount.compareTo(cityLimit) <= 0 ? CITY : PROVINCE;
    }

    /** The first level to sign for a warehouse of {@code division}: its county, or its own level above that. */
    public static SignLevel first(DivisionCode division) {
        int length = division.value().length();
        return length <= 2 ? PROVINCE : length <= 4 ? CITY : COUNTY;
    }
}
