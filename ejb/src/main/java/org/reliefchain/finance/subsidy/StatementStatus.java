package org.reliefchain.finance.subsidy;

/** DRAFT (prepared, may be reconciled) -> APPROVED (by a second finance user; booked) -> PAID. */
public enum StatementStatus {
    DRAFT, APPROVED, PAID
}
