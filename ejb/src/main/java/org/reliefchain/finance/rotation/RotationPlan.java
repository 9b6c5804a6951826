package org.reliefchain.finance.rotation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.security.Role;
import org.reliefchain.stock.Money;
import org.reliefchain.stock.Quantity;

/**
 * A rotation plan (轮换方案) for a quantity of one lot at one warehouse. It needs two approvals, one by a
 * warehouse manager and one by finance, neither by whoever raised it; it is executed once, by a warehouse
 * manager, after both. The verbs check the state; {@link #actions} tells a viewer what they may do now.
 */
@Entity
@Table(name = "rotation_plan")
public class RotationPlan {

    /** The fresh lot an exchange brings in. */
    public record Replacement(String lot, LocalDate productionDate, LocalDate expiryDate, Quantity quantity,
                              Money unitCost, Money priceDifference) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "warehouse_id")
    private long warehouseId;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "lot_id")
    private long lotId;
    private BigDecimal quantity;
    @Enumerated(EnumType.STRING)
    private RotationMethod method;
    @Column(name = "unit_cost")
    private BigDecimal unitCost;
    @Column(name = "book_value")
    private BigDecimal bookValue;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    private BigDecimal proceeds;
    private BigDecimal loss;
    private String recipient;
    private String reason;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Column(name = "replacement_lot")
    private String replacementLot;
    @Column(name = "replacement_production")
    private LocalDate replacementProduction;
    @Column(name = "replacement_expiry")
    private LocalDate replacementExpiry;
    @Column(name = "replacement_quantity")
    private BigDecimal replacementQuantity;
    @Column(name = "replacement_unit_cost")
    private BigDecimal replacementUnitCost;
    @Column(name = "price_difference")
    private BigDecimal priceDifference;
    @Enumerated(EnumType.STRING)
    private RotationStatus status;
    @Column(name = "raised_by")
    private String raisedBy;
    @Column(name = "raised_at")
    private Instant raisedAt;
    @Column(name = "manager_approved_by")
    private String managerApprovedBy;
    @Column(name = "manager_approved_at")
    private Instant managerApprovedAt;
    @Column(name = "finance_approved_by")
    private String financeApprovedBy;
    @Column(name = "finance_approved_at")
    private Instant financeApprovedAt;
    @Column(name = "executed_by")
    private String executedBy;
    @Column(name = "executed_at")
    private Instant executedAt;
    @Column(name = "end_reason")
    private String endReason;
    @Column(name = "ended_by")
    private String endedBy;
    @Column(name = "out_movement_id")
    private Long outMovementId;
    @Column(name = "in_movement_id")
    private Long inMovementId;
    @Column(name = "write_off_id")
    private Long writeOffId;
    @Column(name = "journal_entry_id")
    private Long journalEntryId;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    private boolean synthetic;
    @Version
    private long version;

    protected RotationPlan() {
    }

    public RotationPlan(String number, long warehouseId, DivisionCode division, long lotId, Quantity quantity,
                        RotationMethod method, Money unitCost, Money unitPrice, RotationValue value, String recipient,
                        String reason, Long enterpriseId, Replacement replacement, String raisedBy, Instant now,
                        String idempotencyKey) {
        this.number = number;
        this.idempotencyKey = idempotencyKey;
        this.warehouseId = warehouseId;
        this.divisionCode = division.value();
        this.lotId = lotId;
        this.quantity = quantity.value();
        this.method = method;
        this.unitCost = unitCost.amount();
        this.unitPrice = unitPrice == null ? null : unitPrice.amount();
        this.bookValue = value.bookValue().amount();
        this.proceeds = value.proceeds().amount();
        this.loss = value.loss().amount();
        this.recipient = recipient;
        this.reason = reason;
        this.enterpriseId = enterpriseId;
        if (replacement != null) {
            this.replacementLot = replacement.lot();
            this.replacementProduction = replacement.productionDate();
            this.replacementExpiry = replacement.expiryDate();
            this.replacementQuantity = replacement.quantity().value();
            this.replacementUnitCost = replacement.unitCost().amount();
            this.priceDifference = replacement.priceDifference().amount();
        }
        this.status = RotationStatus.PROPOSED;
        this.raisedBy = raisedBy;
        this.raisedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Approves in the capacity of {@code role}: a warehouse manager's or a finance user's approval, once
     * each, never by whoever raised the plan or already approved it in the other capacity. True when that
     * made the plan APPROVED.
     */
    public boolean approve(String user, Role role, Instant now) {
        requireStatus(RotationStatus.PROPOSED);
        if (user.equals(raisedBy) || user.equals(managerApprovedBy) || user.equals(financeApprovedBy)) {
            throw new ConflictException("same-approver", "rotation plan " + number + " was raised or already approved"
                    + " by " + user + "; another person approves").withArgs(number, user);
        }
        if (role == Role.WAREHOUSE_MANAGER && managerApprovedBy == null) {
            managerApprovedBy = user;
            managerApprovedAt = now;
        } else if (role == Role.FINANCE && financeApprovedBy == null) {
            financeApprovedBy = user;
            financeApprovedAt = now;
        } else {
            throw new ConflictException("already-approved", "rotation plan " + number + " already has the approval of "
                    + role).withArgs(number, role.name());
        }
        if (managerApprovedBy != null && financeApprovedBy != null) {
            status = RotationStatus.APPROVED;
            return true;
        }
        return false;
    }

    /** Carried out: the ledger movements that did it, the write-off and the journal entry of its loss. */
    public void executed(String user, Instant now, long outMovement, Long inMovement) {
        requireStatus(RotationStatus.APPROVED);
        status = RotationStatus.EXECUTED;
        executedBy = user;
        executedAt = now;
        outMovementId = outMovement;
        inMovementId = inMovement;
    }

    public void lossBooked(Long writeOff, Long journalEntry) {
        this.writeOffId = writeOff;
        this.journalEntryId = journalEntry;
    }

    public void reject(String user, String why) {
        end(RotationStatus.REJECTED, user, why);
    }

    public void cancel(String user, String why) {
        end(RotationStatus.CANCELLED, user, why);
    }

    private void end(RotationStatus to, String user, String why) {
        if (!status.open()) {
            throw statusConflict();
        }
        status = to;
        endedBy = user;
        endReason = why;
    }

    private void requireStatus(RotationStatus expected) {
        if (status != expected) {
            throw statusConflict();
        }
    }

    private RuntimeException statusConflict() {
        return new ConflictException("rotation-status", "rotation plan " + number + " is " + status)
                .withArgs(number, status.name());
    }

    /**
     * What {@code user} in {@code role} may do now (their jurisdiction is checked before a plan is shown):
     * approve in their capacity if it is still missing and they did not raise it; reject while open
     * (either approver); cancel while open (warehouse managers); execute once approved (warehouse managers).
     */
    public List<String> actions(String user, Role role) {
        List<String> out = new ArrayList<>();
        boolean manager = role == Role.WAREHOUSE_MANAGER;
        boolean finance = role == Role.FINANCE;
        boolean involved = user.equals(raisedBy) || user.equals(managerApprovedBy) || user.equals(financeApprovedBy);
        if (status == RotationStatus.PROPOSED && !involved
                && (manager && managerApprovedBy == null || finance && financeApprovedBy == null)) {
            out.add("approve");
        }
        if (status.open() && (manager || finance) && !user.equals(raisedBy)) {
            out.add("reject");
        }
        if (status.open() && manager) {
            out.add("cancel");
        }
        if (status == RotationStatus.APPROVED && manager) {
            out.add("execute");
        }
        return out;
    }

    public void markSynthetic() {
        synthetic = true;
    }

    public Long id() { return id; }
    public String number() { return number; }
    public long warehouseId() { return warehouseId; }
    public DivisionCode division() { return DivisionCode.of(divisionCode); }
    public long lotId() { return lotId; }
    public Quantity quantity() { return new Quantity(quantity); }
    public RotationMethod method() { return method; }
    public Money unitCost() { return Money.cny(unitCost); }
    public Money bookValue() { return Money.cny(bookValue); }
    public Money unitPrice() { return unitPrice == null ? null : Money.cny(unitPrice); }
    public Money proceeds() { return Money.cny(proceeds); }
    public Money loss() { return Money.cny(loss); }
    public String recipient() { return recipient; }
    public String reason() { return reason; }
    public Long enterpriseId() { return enterpriseId; }
    public Replacement replacement() {
        return replacementLot == null ? null : new Replacement(replacementLot, replacementProduction, replacementExpiry,
                new Quantity(replacementQuantity), Money.cny(replacementUnitCost), Money.cny(priceDifference));
    }
    public RotationStatus status() { return status; }
    public String raisedBy() { return raisedBy; }
    public Instant raisedAt() { return raisedAt; }
    public String managerApprovedBy() { return managerApprovedBy; }
    public Instant managerApprovedAt() { return managerApprovedAt; }
    public String financeApprovedBy() { return financeApprovedBy; }
    public Instant financeApprovedAt() { return financeApprovedAt; }
    public String executedBy() { return executedBy; }
    public Instant executedAt() { return executedAt; }
    public String endReason() { return endReason; }
    public String endedBy() { return endedBy; }
    public Long outMovementId() { return outMovementId; }
    public Long inMovementId() { return inMovementId; }
    public Long writeOffId() { return writeOffId; }
    public Long journalEntryId() { return journalEntryId; }
    public boolean synthetic() { return synthetic; }
    public String idempotencyKey() { return idempotencyKey; }
    public long version() { return version; }
}
