package org.reliefchain.finance.callup;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import org.reliefchain.finance.agreement.AgreementKind;
import org.reliefchain.finance.agreement.PriceRule;

/**
 * A call-up as a reader sees it: quantities as plain decimals, money in yuan with two decimals, the
 * receipts so far, for a capacity call-up the promised schedule against the deliveries (and how many
 * batches are late), and the actions the reader may take now.
 */
public record CallUpView(long id, String number, long agreementId, String agreementNumber, int line,
                         long enterpriseId, String enterpriseName, String division, Long incidentId,
                         String incidentNumber, String incidentName, String warehouse, String warehouseNameZh,
                         String warehouseNameEn, String material, String materialNameZh, String materialNameEn,
                         String unitZh, String unitEn, AgreementKind kind, String quantity, String received,
                         String outstanding, PriceRule priceRule, String priceBasis, String unitPrice,
                         String orderedAmount, String receivedAmount, CallUpStatus status, String cancelReason,
                         String note, String orderedBy, Instant orderedAt, List<Receipt> receipts,
                         List<Batch> schedule, int lateBatches, List<String> actions,
                         long version) implements Serializable {

    /** One promised batch of a capacity call-up against the deliveries (quantities as plain decimals). */
    public record Batch(int seq, Instant dueAt, String quantity, String promisedToDate, String received,
                        Instant filledAt, ProductionSchedule.State state) implements Serializable {
    }

    /** One delivery received: the ledger movement and the journal entry it made. */
    public record Receipt(long id, String quantity, String lot, String amount, long movementId, long journalEntryId,
                          String receivedBy, Instant receivedAt) implements Serializable {
    }
}
