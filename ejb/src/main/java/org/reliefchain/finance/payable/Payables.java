package org.reliefchain.finance.payable;

import java.util.List;

/**
 * What is owed to each enterprise in a jurisdiction, read from the journal: owed from subsidies, call-up
 * purchases, requisition compensation and rotation compensation (the PAYABLE postings of entries
 * against each expense account, net of any booked the other way), paid (PAYABLE postings of entries
 * paid from BANK), and the balance. {@code journalBalance} is the PAYABLE account's balance straight
 * from the journal over the same entries; {@code difference} is the balance total less it, always 0.00.
 */
public record Payables(String division, List<Row> rows, Row totals, String journalBalance, String difference) {

    /** One enterprise (or, for the totals, all of them); amounts in yuan with two decimals. */
    public record Row(Long enterpriseId, String enterpriseName, String creditCode, String subsidies,
                      String purchases, String compensation, String rotation, String owed, String paid,
                      String balance) {
    }
}
