package org.reliefchain.finance.journal;

/** The accounts the reserve finance books to. */
public enum Account {
    /** 储备补贴支出: subsidies earned by enterprises holding reserves. */
    SUBSIDY_EXPENSE,
    /** 应付账款: owed to an enterprise (each line names it). */
    PAYABLE,
    /** 银行存款: paid out. */
    BANK
}
