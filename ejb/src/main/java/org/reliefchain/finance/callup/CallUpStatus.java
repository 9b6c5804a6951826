package org.reliefchain.finance.callup;

/** ORDERED -> PARTLY_RECEIVED -> RECEIVED; an undelivered remainder may be CANCELLED with a reason. */
public enum CallUpStatus {
    ORDERED, PARTLY_RECEIVED, RECEIVED, CANCELLED
}
