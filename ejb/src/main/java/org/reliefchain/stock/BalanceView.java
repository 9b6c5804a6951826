package org.reliefchain.stock;

import java.io.Serializable;
import java.time.LocalDate;

import org.reliefchain.catalog.MaterialClass;

/**
 * What one warehouse holds of one lot. {@code nearExpiry}: expires within the configured warning
 * period (default 90 days); {@code expired}: may only be written off. {@code owner} owns the goods;
 * {@code custodian} keeps them for the owner under a custody agreement (代储), null when the warehouse keeps
 * them itself.
 */
public record BalanceView(String warehouse, String warehouseName, String division, String material,
                          String materialNameZh, String materialNameEn, MaterialClass materialClass, String unitZh,
                          String lot, LocalDate productionDate, LocalDate expiryDate, LotSource source,
                          String quantity, Money unitCost, String owner, boolean nearExpiry, boolean expired,
                          String warehouseNameEn, String unitEn, String custodian) implements Serializable {
}
