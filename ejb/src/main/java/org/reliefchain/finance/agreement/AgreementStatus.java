package org.reliefchain.finance.agreement;

/** DRAFT -> ACTIVE -> EXPIRED (its term ran out) or TERMINATED (ended early, with a reason). */
public enum AgreementStatus {
    DRAFT, ACTIVE, EXPIRED, TERMINATED
}
