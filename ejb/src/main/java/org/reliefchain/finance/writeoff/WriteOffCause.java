package org.reliefchain.finance.writeoff;

/** Why value is written off: a rotation sold below book value, damage, expiry, or goods lost. */
public enum WriteOffCause {
    ROTATION_LOSS, DAMAGED, EXPIRED, LOST
}
