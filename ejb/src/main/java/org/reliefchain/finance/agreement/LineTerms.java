package org.reliefchain.finance.agreement;

import java.math.BigDecimal;

/**
 * The checked terms of one agreement line. Capacity lines name the hours within which the quantity is
 * delivered after a call-up and the quantity per day after that; physical lines may name the
 * entrusted warehouse of the network where the goods are kept.
 */
public record LineTerms(String material, BigDecimal quantity, BigDecimal feeRate, BigDecimal unitValue,
                        String qualityStandard, Long warehouseId, Integer capacityHours, BigDecimal capacityPerDay) {
}
