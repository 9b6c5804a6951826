package org.reliefchain.finance.rotation;

/** PROPOSED (approvals being gathered) -> APPROVED (both) -> EXECUTED; or REJECTED / CANCELLED with a reason. */
public enum RotationStatus {
    PROPOSED, APPROVED, EXECUTED, REJECTED, CANCELLED;

    public boolean open() {
        return this == PROPOSED || this == APPROVED;
    }
}
