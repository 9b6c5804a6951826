package org.reliefchain.finance.subsidy;

/** A period's subsidy, or a correction of an approved statement (which itself never changes). */
public enum StatementKind {
    ACCRUAL, ADJUSTMENT
}
