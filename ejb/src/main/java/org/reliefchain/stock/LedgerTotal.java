package org.reliefchain.stock;

/** One material of a warehouse's ledger over a period: opening balance, in, out and closing balance. */
public record LedgerTotal(String material, String nameZh, String nameEn, String unitZh, String unitEn, String opening,
                          String in, String out, String closing) {
}
