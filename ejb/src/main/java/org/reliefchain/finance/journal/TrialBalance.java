package org.reliefchain.finance.journal;

import java.io.Serializable;
import java.util.List;

/**
 * Debits and credits per account over the whole journal of a jurisdiction; {@code difference} is total
 * debits minus total credits, and is "0.00" at all times.
 */
public record TrialBalance(String division, List<Row> accounts, String debit, String credit, String difference) implements Serializable {

    /** One account; {@code balance} is debit minus credit. */
    public record Row(Account account, String debit, String credit, String balance) implements Serializable {
    }
}
