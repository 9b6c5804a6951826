package org.reliefchain.stock;

import org.reliefchain.catalog.MaterialClass;
import org.reliefchain.division.DivisionCode;

/** Filters for stock on hand; all optional. {@code division} includes its subtree. */
public record BalanceQuery(String warehouse, String material, DivisionCode division, MaterialClass materialClass,
                           Integer expiringWithinDays, String lot) {
}
