package org.reliefchain.finance.subsidy;

/** What a statement line is for. Deductions are negative amounts. */
public enum LineKind {
    /** Days times the quantity held times the line's rate. */
    STORAGE_FEE,
    /** The agreement's yearly management fee for the days of the period it was in force. */
    MANAGEMENT_FEE,
    /** A check found less than agreed: the units short times the days times the penalty. */
    SHORTFALL,
    /** A check failed the goods' quality: none of them counts as held, and all are penalised as short. */
    QUALITY,
    /**
     * Goods in custody kept past their expiry date: the enterprise should have rotated them (轮换逾期). They do
     * not count as held, and each unit costs the penalty per day until it is rotated.
     */
    LATE_ROTATION,
    /** A correction of an approved statement. */
    ADJUSTMENT
}
