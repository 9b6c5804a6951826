package org.reliefchain.finance.rotation;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rotation plan as shown: the goods, the method and its counterpart, the money (book value, proceeds and
 * loss to the fen), the approvals, what execution recorded (movements, write-off with its number and status,
 * journal entry) and what the viewer may do now.
 */
public record RotationView(long id, String number, String warehouse, String warehouseNameZh, String warehouseNameEn,
                           String division, String material, String materialNameZh, String materialNameEn,
                           String unitZh, String unitEn, String lot, LocalDate lotExpiry, String owner,
                           String quantity, RotationMethod method, String unitCost, String bookValue,
                           String unitPrice, String proceeds, String loss, String recipient, String reason,
                           Long enterprise, String enterpriseName, Replacement replacement, RotationStatus status,
                           String raisedBy, Instant raisedAt, String managerApprovedBy, Instant managerApprovedAt,
                           String financeApprovedBy, Instant financeApprovedAt, String executedBy, Instant executedAt,
                           String endReason, String endedBy, Long outMovement, Long inMovement, Long writeOff,
                           String writeOffNumber, String writeOffStatus, Long journalEntry, boolean synthetic,
                           List<String> actions, long version) implements Serializable {

    public record Replacement(String lot, LocalDate productionDate, LocalDate expiryDate, String quantity,
                              String unitCost, String priceDifference) implements Serializable {
    }
}
