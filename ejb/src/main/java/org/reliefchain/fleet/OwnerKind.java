package org.reliefchain.fleet;

/** Whose vehicle it is. */
public enum OwnerKind {
    /** 自有: the emergency-management authority's own */
    OWNED,
    /** 协议/合同: held for the government by a carrier under contract */
    CONTRACTED,
    /** 征用: requisitioned in the emergency; returned or paid for afterwards */
    REQUISITIONED
}
