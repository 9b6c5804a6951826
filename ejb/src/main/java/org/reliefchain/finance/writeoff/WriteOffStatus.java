package org.reliefchain.finance.writeoff;

/** PENDING (signatures being gathered) -> SIGNED (final, in the chain) or REJECTED (with a reason). */
public enum WriteOffStatus {
    PENDING, SIGNED, REJECTED
}
