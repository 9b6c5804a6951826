package org.reliefchain.allocation;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An allocation order as the API shows it. {@code number} is null while the order is a draft (it is drawn on
 * submission); {@code inTransit} lists what has left and not yet arrived; {@code timeline} is what happened so
 * far; {@code actions} are what the caller may do to the order now, and only those.
 */
public record AllocationView(long id, String number, String fromWarehouse, String toWarehouse, Place from, Place to,
                             AllocationStatus status, String purpose, String emergencyReference,
                             String approverDivision, String requestedBy, Instant requestedAt, Instant submittedAt,
                             String approvedBy, Instant approvedAt, Instant approvalDueAt, boolean approvalOverdue,
                             String rejectedBy, Instant rejectedAt, String rejectionReason, String shippedBy,
                             Instant shippedAt, String shortReason, String receivedBy, Instant receivedAt,
                             Instant closedAt, String cancelledBy, Instant cancelledAt, String cancelReason,
                             List<Line> lines, List<InTransit> inTransit, List<Event> timeline,
                             List<AllocationAction> actions, long version) implements Serializable {

    /** A warehouse by code and names, so that no screen has to show a bare code. */
    public record Place(String code, String nameZh, String nameEn) implements Serializable {
    }

    /**
     * One material of the order. {@code closedShort} is what the source did not ship and will not (a partial
     * shipment closes the rest of each line short); {@code shortage} is what was shipped and did not arrive;
     * {@code availableAtSource} is the usable stock the source holds now, given to a viewer who covers the source
     * while the order has not shipped (null otherwise).
     */
    public record Line(int lineNo, String material, String materialZh, String materialEn, String unitZh,
                       String unitEn, String requested, String shipped, String closedShort, String received,
                       String damaged, String shortage, String receiptNote, String availableAtSource) implements Serializable {
    }

    /** A lot on its way. */
    public record InTransit(String material, String lot, String quantity) implements Serializable {
    }

    /** One step of the order's life: REQUESTED, SUBMITTED, APPROVED, REJECTED, SHIPPED, SHIPPED_SHORT, ... */
    public record Event(String what, String who, Instant at, String detail) implements Serializable {
    }

    public boolean can(String action) {
        return actions.contains(AllocationAction.valueOf(action));
    }
}
