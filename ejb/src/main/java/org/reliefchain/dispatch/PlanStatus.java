package org.reliefchain.dispatch;

/** Where a plan is: waiting for a solver, solving, ended (and how), or approved into dispatch orders. */
public enum PlanStatus {
    QUEUED, SOLVING, DONE, STOPPED, INTERRUPTED, FAILED, APPROVED;

    /** Whether the plan has a result a dispatcher may approve. */
    public boolean approvable() {
        return this == DONE || this == STOPPED || this == INTERRUPTED;
    }

    public boolean running() {
        return this == QUEUED || this == SOLVING;
    }
}
