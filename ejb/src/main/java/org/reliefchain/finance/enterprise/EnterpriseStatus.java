package org.reliefchain.finance.enterprise;

/** Whether an enterprise may take new agreements: ACTIVE; SUSPENDED (under review); CLOSED (deregistered). */
public enum EnterpriseStatus {
    ACTIVE, SUSPENDED, CLOSED
}
