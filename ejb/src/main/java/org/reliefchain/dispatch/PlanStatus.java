package org.reliefchain.dispatch;

/**
 * Where a plan is: waiting for a solver, solving, ended (and how), approved into dispatch orders, or
 * replaced by the approved revision of it (REVISED).
 */
public enum PlanStatus {
    QUEUED, SOLVING, DONE, STOPPED, INTERRUPTED, FAILED, APPROVED, REVISED;

    /** Whether the plan has a result a dispatcher may approve. */
    public boolean approvable() {
        return this == DONE || this == STOPPED || this == INTERRUPTED;
    }

    public boolean running() {
        return this == QUEUED || this == SOLVING;
    }
}
