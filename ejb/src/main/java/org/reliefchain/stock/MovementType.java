package org.reliefchain.stock;

/** Kinds of ledger entry and which way they move stock. */
public enum MovementType {
    /** 入库 */
    RECEIPT,
    /** 出库 */
    ISSUE,
    /** 调出 */
    TRANSFER_OUT,
    /** 调入 */
    TRANSFER_IN,
    /** 盘点调整: either direction */
    COUNT_ADJUSTMENT,
    /** 报损 */
    WRITE_OFF,
    /** 冲销: cancels one earlier movement */
    REVERSAL
}
