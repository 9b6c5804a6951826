package org.reliefchain.finance.spending;

import org.reliefchain.finance.journal.Account;

/** What the money was spent on; all but write-offs are expense accounts of the journal. */
public enum SpendingKind {
    /** 储备补贴 */
    SUBSIDY(Account.SUBSIDY_EXPENSE),
    /** 调用采购 */
    PURCHASE(Account.PURCHASE_EXPENSE),
    /** 征用补偿 */
    COMPENSATION(Account.COMPENSATION_EXPENSE),
    /** 轮换补偿 */
    ROTATION(Account.ROTATION_EXPENSE),
    /** 核销: the book value of stock written off, from the signed write-offs (not a payable: nobody is paid). */
    WRITE_OFF(null);

    private final Account account;

    SpendingKind(Account account) {
        this.account = account;
    }

    /** The journal account it is read from, or null for write-offs. */
    public Account account() {
        return account;
    }

    public static SpendingKind of(Account account) {
        for (SpendingKind k : values()) {
            if (k.account == account) {
                return k;
            }
        }
        throw new IllegalArgumentException(account + " is not an expense");
    }
}
