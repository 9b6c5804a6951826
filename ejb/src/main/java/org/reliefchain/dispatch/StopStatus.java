package org.reliefchain.dispatch;

/** A stop of a trip: still ahead, reached, relief handed over. */
public enum StopStatus {
    PLANNED, ARRIVED, DELIVERED
}
