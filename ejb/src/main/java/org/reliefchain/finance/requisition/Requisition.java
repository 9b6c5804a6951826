package org.reliefchain.finance.requisition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.security.Caller;
import org.reliefchain.security.Role;
import org.reliefchain.stock.Money;

/**
 * A requisition order (征用单). Its verbs check its state: items are settled while it is ISSUED, the
 * compensation is computed once every item is settled (and again, by anyone, until approved), approved by
 * a finance user who neither issued it nor computed it, and paid once.
 */
@Entity
@Table(name = "requisition")
public class Requisition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "incident_id")
    private long incidentId;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "warehouse_id")
    private long warehouseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "party_kind")
    private PartyKind partyKind;
    @Column(name = "party_name")
    private String partyName;
    @Column(name = "credit_code")
    private String creditCode;
    @Column(name = "id_number")
    private String idNumber;
    @Column(name = "party_phone")
    private String partyPhone;
    @Column(name = "payee_id")
    private long payeeId;
    @Column(name = "taken_on")
    private LocalDate takenOn;
    private String reason;
    @Enumerated(EnumType.STRING)
    private RequisitionStatus status;
    private BigDecimal compensation;
    @Column(name = "computed_by")
    private String computedBy;
    @Column(name = "computed_at")
    private Instant computedAt;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "payment_ref")
    private String paymentRef;
    @Column(name = "paid_on")
    private LocalDate paidOn;
    @Column(name = "paid_by")
    private String paidBy;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "request_hash")
    private String requestHash;
    private boolean synthetic;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "requisition", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    private List<RequisitionItem> items = new ArrayList<>();

    protected Requisition() {
    }

    /** The party as checked: kind, name, credit code (enterprise, organisation) or ID number (person). */
    public record Party(PartyKind kind, String name, String creditCode, String idNumber, String phone, long payeeId) {
    }

    public Requisition(String number, long incidentId, DivisionCode division, long warehouseId, Party party,
                       LocalDate takenOn, String reason, List<RequisitionItem> items, String idempotencyKey,
                       String requestHash, String createdBy, Instant now) {
        this.number = number;
        this.incidentId = incidentId;
        this.divisionCode = division.value();
        this.warehouseId = warehouseId;
        this.partyKind = party.kind();
        this.partyName = party.name();
        this.creditCode = party.creditCode();
        this.idNumber = party.idNumber();
        this.partyPhone = party.phone();
        this.payeeId = party.payeeId();
        this.takenOn = takenOn;
        this.reason = reason;
        this.items.addAll(items);
        items.forEach(i -> i.belongTo(this));
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = RequisitionStatus.ISSUED;
        this.createdBy = createdBy;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public RequisitionItem item(int lineNo) {
        return items.stream().filter(i -> i.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new NotFoundException("requisition item", number + "/" + lineNo));
    }

    /** Settles one item; the requisition is RETURNED once none is held any more. */
    public RequisitionItem settle(int lineNo, Outcome outcome, ReturnCondition condition, LocalDate on,
                                  BigDecimal consumed, BigDecimal repair, BigDecimal residual) {
        require(RequisitionStatus.ISSUED);
        RequisitionItem item = item(lineNo);
        item.settle(number, outcome, condition, on, takenOn, consumed, repair, residual);
        if (items.stream().allMatch(i -> i.outcome() != null)) {
            status = RequisitionStatus.RETURNED;
        }
        return item;
    }

    /** Works out the compensation of every item by the published rule; again allowed until approved. */
    public Money compute(String user, Instant now) {
        if (status != RequisitionStatus.RETURNED && status != RequisitionStatus.COMPUTED) {
            throw statusConflict();
        }
        Money total = Money.zero(Money.CNY);
        for (RequisitionItem i : items) {
            total = total.plus(i.compute(takenOn));
        }
        compensation = total.amount();
        computedBy = user;
        computedAt = now;
        status = RequisitionStatus.COMPUTED;
        return total;
    }

    public void approve(String user, Instant now) {
        require(RequisitionStatus.COMPUTED);
        if (user.equals(computedBy) || user.equals(createdBy)) {
            throw new ConflictException("same-approver", "requisition " + number + " was issued or computed by "
                    + user + "; another finance user approves it").withArgs(number, user);
        }
        approvedBy = user;
        approvedAt = now;
        status = RequisitionStatus.APPROVED;
    }

    public void pay(String reference, LocalDate on, String user) {
        require(RequisitionStatus.APPROVED);
        paymentRef = reference;
        paidOn = on;
        paidBy = user;
        status = RequisitionStatus.PAID;
    }

    /** What {@code caller} may do now; the screens offer these and only these. */
    public List<String> actions(Caller caller) {
        List<String> out = new ArrayList<>();
        switch (status) {
            case ISSUED -> {
                if (caller.role() == Role.WAREHOUSE_MANAGER) {
                    out.add("return");
                }
            }
            case RETURNED -> {
                if (caller.role() == Role.FINANCE) {
                    out.add("compute");
                }
            }
            case COMPUTED -> {
                if (caller.role() == Role.FINANCE) {
                    out.add("compute");
                    if (!caller.username().equals(computedBy) && !caller.username().equals(createdBy)) {
                        out.add("approve");
                    }
                }
            }
            case APPROVED -> {
                if (caller.role() == Role.FINANCE) {
                    out.add("pay");
                }
            }
            case PAID -> {
            }
        }
        return out;
    }

    private void require(RequisitionStatus wanted) {
        if (status != wanted) {
            throw statusConflict();
        }
    }

    private RuntimeException statusConflict() {
        return new ConflictException("requisition-status", "requisition " + number + " is " + status)
                .withArgs(number, status.name());
    }

    public void markSynthetic() {
        this.synthetic = true;
    }

    public Long id() { return id; }
    public String number() { return number; }
    public long incidentId() { return incidentId; }
    public DivisionCode division() { return DivisionCode.of(divisionCode); }
    public long warehouseId() { return warehouseId; }
    public PartyKind partyKind() { return partyKind; }
    public String partyName() { return partyName; }
    public String creditCode() { return creditCode; }
    public String idNumber() { return idNumber; }
    public String partyPhone() { return partyPhone; }
    public long payeeId() { return payeeId; }
    public LocalDate takenOn() { return takenOn; }
    public String reason() { return reason; }
    public RequisitionStatus status() { return status; }
    public Money compensation() { return compensation == null ? null : Money.cny(compensation); }
    public String computedBy() { return computedBy; }
    public Instant computedAt() { return computedAt; }
    public String approvedBy() { return approvedBy; }
    public Instant approvedAt() { return approvedAt; }
    public String paymentRef() { return paymentRef; }
    public LocalDate paidOn() { return paidOn; }
    public String paidBy() { return paidBy; }
    public String idempotencyKey() { return idempotencyKey; }
    public String requestHash() { return requestHash; }
    public boolean synthetic() { return synthetic; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
    public List<RequisitionItem> items() { return List.copyOf(items); }
}
