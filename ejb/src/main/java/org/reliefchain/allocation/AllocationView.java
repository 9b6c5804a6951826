package org.reliefchain.allocation;

import java.time.Instant;
import java.util.List;

/** An allocation order as the API shows it; {@code inTransit} lists what has left and not yet arrived. */
public record AllocationView(long id, String number, String fromWarehouse, String toWarehouse,
                             AllocationStatus status, String purpose, String emergencyReference,
                             String approverDivision, String requestedBy, Instant requestedAt, Instant submittedAt,
                             String approvedBy, Instant approvedAt, Instant approvalDueAt, boolean approvalOverdue,
                             String rejectedBy, Instant rejectedAt, String rejectionReason, String shippedBy,
                             Instant shippedAt, String receivedBy, Instant receivedAt, Instant closedAt,
                             List<Line> lines, List<InTransit> inTransit, long version) {

    /** One material of the order. */
    public record Line(int lineNo, String material, String requested, String shipped, String received, String damaged,
                       String shortage, String receiptNote) {
    }

    /** A lot on its way. */
    public record InTransit(String material, String lot, String quantity) {
    }
}
