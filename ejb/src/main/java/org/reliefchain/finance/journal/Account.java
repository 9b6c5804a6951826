package org.reliefchain.finance.journal;

/** The accounts the reserve finance books to. */
public enum Account {
    /** 储备补贴支出: subsidies earned by enterprises holding reserves. */
    SUBSIDY_EXPENSE,
    /** 调用采购支出: goods called up under an agreement, at its price rule. */
    PURCHASE_EXPENSE,
    /** 征用补偿支出: compensation for requisitioned goods, vehicles and premises. */
    COMPENSATION_EXPENSE,
    /** 轮换补偿支出: the loss on rotating reserves before they expire (book value less proceeds). */
    ROTATION_EXPENSE,
    /** 应付账款: owed to an enterprise (each line names it). */
    PAYABLE,
    /** 银行存款: paid out. */
    BANK
}
