package org.reliefchain.stock;

/** Stock on hand of one material in one group (a level, or a division's subtree), expired lots apart. */
public record OnHandSummary(String group, String material, String materialNameZh, String materialNameEn,
                            String unitZh, String quantity, String expiredQuantity, long lots) {
}
