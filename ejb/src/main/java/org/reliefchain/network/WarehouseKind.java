package org.reliefchain.network;

/** Who runs a warehouse. */
public enum WarehouseKind {
    /** 政府 */
    GOVERNMENT,
    /** 政企共建 */
    CO_BUILT,
    /** 委托代建/代储 */
    ENTRUSTED,
    /** 红十字会 */
    RED_CROSS,
    /** 社会组织 */
    SOCIAL
}
