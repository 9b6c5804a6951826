package org.reliefchain.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.platform.ConflictException;
import org.reliefchain.stock.Quantity;

/**
 * An allocation order and its state machine. Each verb checks the state it needs and records who
 * did it and when; permissions (whose jurisdiction) are checked by {@link AllocationService}.
 */
@Entity
@Table(name = "allocation_order")
public class AllocationOrder {

    /** How long an emergency shipment may wait for its approval. */
    static final Duration EMERGENCY_APPROVAL_WINDOW = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "from_warehouse_id")
    private Long fromWarehouseId;
    @Column(name = "to_warehouse_id")
    private Long toWarehouseId;
    @Enumerated(EnumType.STRING)
    private AllocationStatus status;
    private String purpose;
    @Column(name = "emergency_reference")
    private String emergencyReference;
    /** The incident an emergency order serves; its number is kept in {@code emergencyReference}. */
    @Column(name = "incident_id")
    private Long incidentId;
    @Column(name = "approver_division")
    private String approverDivision;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "approval_due_at")
    private Instant approvalDueAt;
    @Column(name = "rejected_by")
    private String rejectedBy;
    @Column(name = "rejected_at")
    private Instant rejectedAt;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "shipped_by")
    private String shippedBy;
    @Column(name = "shipped_at")
    private Instant shippedAt;
    @Column(name = "received_by")
    private String receivedBy;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    /** Why the source shipped less than was asked for; the rest of each line is closed short. */
    @Column(name = "short_reason")
    private String shortReason;
    @Version
    private long version;
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    private List<AllocationLine> lines = new ArrayList<>();

    protected AllocationOrder() {
    }

    AllocationOrder(long fromWarehouseId, long toWarehouseId, String purpose, String emergencyReference,
                    Long incidentId, String approverDivision, String requestedBy, Instant now) {
        this.incidentId = incidentId;
        this.fromWarehouseId = fromWarehouseId;
        this.toWarehouseId = toWarehouseId;
        this.purpose = purpose;
        this.emergencyReference = emergencyReference;
        this.approverDivision = approverDivision;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.status = AllocationStatus.DRAFT;
    }

    void addLine(String materialCode, Quantity quantity) {
        lines.add(new AllocationLine(this, lines.size() + 1, materialCode, quantity));
    }

    /** The order gets its document number when it is submitted: drafts may be deleted, numbers have no gaps. */
    void submit(String who, String number, Instant now) {
        require(AllocationStatus.DRAFT, "submit");
        status = AllocationStatus.SUBMITTED;
        this.number = number;
        submittedBy = who;
        submittedAt = now;
    }

    /**
     * Submitted or approved, not shipped: once goods have left, the order runs to its receipt (a draft is
     * deleted instead).
     */
    void cancel(String who, String reason, Instant now) {
        if (!cancellable()) {
            throw refused("cancel");
        }
        status = AllocationStatus.CANCELLED;
        cancelledBy = who;
        cancelledAt = now;
        cancelReason = reason;
    }

    boolean cancellable() {
        return status == AllocationStatus.SUBMITTED || status == AllocationStatus.APPROVED;
    }

    /** Whether the approver may still approve (a normal order before shipping, an emergency one also after). */
    boolean awaitingApproval() {
        return approvedAt == null && (status == AllocationStatus.SUBMITTED
                || isEmergency() && (status == AllocationStatus.SHIPPED || status == AllocationStatus.RECEIVED));
    }

    boolean shippable() {
        return status == AllocationStatus.APPROVED || isEmergency() && status == AllocationStatus.SUBMITTED;
    }

    /** Approval of a normal order before shipping, or of an emergency order that has already moved. */
    void approve(String who, Instant now) {
        if (!awaitingApproval()) {
            throw refused("approve");
        }
        approvedBy = who;
        approvedAt = now;
        if (status == AllocationStatus.SUBMITTED) {
            status = AllocationStatus.APPROVED;
        } else if (status == AllocationStatus.RECEIVED) {
            close(now);
        }
    }

    void reject(String who, String reason, Instant now) {
        require(AllocationStatus.SUBMITTED, "reject");
        status = AllocationStatus.REJECTED;
        rejectedBy = who;
        rejectedAt = now;
        rejectionReason = reason;
    }

    /**
     * Normally after approval; an emergency order may ship as soon as it is submitted. With a
     * {@code shortReason} the source shipped less than asked (the lines say how much) and closes the rest short.
     */
    void ship(String who, String shortReason, Instant now) {
        boolean emergencyFirst = isEmergency() && status == AllocationStatus.SUBMITTED;
        if (!shippable()) {
            throw refused("ship");
        }
        this.shortReason = shortReason;
        if (emergencyFirst) {
            approvalDueAt = now.plus(EMERGENCY_APPROVAL_WINDOW);
        }
        status = AllocationStatus.SHIPPED;
        shippedBy = who;
        shippedAt = now;
    }

    /** Closes at once when approved; an emergency order received before approval closes when approved. */
    void receive(String who, Instant now) {
        require(AllocationStatus.SHIPPED, "receive");
        status = AllocationStatus.RECEIVED;
        receivedBy = who;
        receivedAt = now;
        if (approvedAt != null) {
            close(now);
        }
    }

    private void close(Instant now) {
        status = AllocationStatus.CLOSED;
        closedAt = now;
    }

    private void require(AllocationStatus needed, String verb) {
        if (status != needed) {
            throw refused(verb);
        }
    }

    private ConflictException refused(String verb) {
        return new ConflictException("wrong-status", "order " + reference() + " is " + status + "; it cannot " + verb
                + " now");
    }

    /** The document number, or for a draft (which has none yet) its id. */
    public String reference() {
        return number != null ? number : "#" + id;
    }

    public boolean isEmergency() {
        return emergencyReference != null;
    }

    /** An emergency shipment whose approval is late. */
    public boolean approvalOverdue(Instant now) {
        return approvedAt == null && approvalDueAt != null && now.isAfter(approvalDueAt);
    }

    public Long id() { return id; }

    public String number() { return number; }

    public Long fromWarehouseId() { return fromWarehouseId; }

    public Long toWarehouseId() { return toWarehouseId; }

    public AllocationStatus status() { return status; }

    public String requestedBy() { return requestedBy; }

    public String shippedBy() { return shippedBy; }

    /** Who asked for it or submitted it: neither approves it. */
    boolean involves(String user) {
        return user.equals(requestedBy) || user.equals(submittedBy);
    }

    public String approverDivision() { return approverDivision; }

    public List<AllocationLine> lines() { return lines; }

    public long version() { return version; }

    public String purpose() { return purpose; }

    public Long incidentId() { return incidentId; }

    /** What happened to the order so far, oldest first: who did what when, and why where a reason is kept. */
    List<AllocationView.Event> timeline() {
        List<AllocationView.Event> events = new ArrayList<>();
        event(events, "REQUESTED", requestedBy, requestedAt, purpose);
        event(events, "SUBMITTED", submittedBy, submittedAt, null);
        event(events, "APPROVED", approvedBy, approvedAt, null);
        event(events, "REJECTED", rejectedBy, rejectedAt, rejectionReason);
        event(events, shortReason == null ? "SHIPPED" : "SHIPPED_SHORT", shippedBy, shippedAt, shortReason);
        event(events, "RECEIVED", receivedBy, receivedAt, null);
        event(events, "CLOSED", null, closedAt, null);
        event(events, "CANCELLED", cancelledBy, cancelledAt, cancelReason);
        events.sort(java.util.Comparator.comparing(AllocationView.Event::at));
        return events;
    }

    private static void event(List<AllocationView.Event> events, String what, String who, Instant at, String detail) {
        if (at != null) {
            events.add(new AllocationView.Event(what, who, at, detail));
        }
    }

    AllocationView view(AllocationView.Place from, AllocationView.Place to, List<AllocationView.Line> lineViews,
                        List<AllocationView.InTransit> inTransit, java.util.Set<AllocationAction> actions, Instant now) {
        return new AllocationView(id, number, from.code(), to.code(), from, to, status, purpose, emergencyReference,
                approverDivision, requestedBy, requestedAt, submittedAt, approvedBy, approvedAt, approvalDueAt,
                approvalOverdue(now), rejectedBy, rejectedAt, rejectionReason, shippedBy, shippedAt, shortReason,
                receivedBy, receivedAt, closedAt, cancelledBy, cancelledAt, cancelReason, lineViews, inTransit,
                timeline(), List.copyOf(new java.util.TreeSet<>(actions)), version);
    }
}
