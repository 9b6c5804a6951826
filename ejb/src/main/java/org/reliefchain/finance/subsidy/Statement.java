package org.reliefchain.finance.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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
import org.reliefchain.stock.Money;

/**
 * A subsidy statement (补贴结算单) of one enterprise, contracting division and period. Prepared by one
 * finance user, approved by another (never the preparer), then paid once. Approved, it never changes:
 * a correction is a new ADJUSTMENT statement that refers to it.
 */
@Entity
@Table(name = "subsidy_statement")
public class Statement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "enterprise_id")
    private long enterpriseId;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    private StatementKind kind;
    @Column(name = "adjusts_id")
    private Long adjustsId;
    @Enumerated(EnumType.STRING)
    private StatementStatus status;
    private BigDecimal total;
    @Column(name = "prepared_by")
    private String preparedBy;
    @Column(name = "prepared_at")
    private Instant preparedAt;
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
    @Column(name = "paid_at")
    private Instant paidAt;
    private String note;
    @Version
    private long version;

    protected Statement() {
    }

    /** An adjustment of {@code adjusted}: same enterprise, division and period, its own lines. */
    Statement(String number, Statement adjusted, Money total, String note, String preparedBy, Instant now) {
        this.number = number;
        this.enterpriseId = adjusted.enterpriseId;
        this.divisionCode = adjusted.divisionCode;
        this.periodStart = adjusted.periodStart;
        this.periodEnd = adjusted.periodEnd;
        this.kind = StatementKind.ADJUSTMENT;
        this.adjustsId = adjusted.id;
        this.status = StatementStatus.DRAFT;
        this.total = total.amount();
        this.note = note;
        this.preparedBy = preparedBy;
        this.preparedAt = now;
    }

    /** A second finance user approves: the preparer never approves their own statement. */
    public void approve(String approver, Instant now) {
        if (status != StatementStatus.DRAFT) {
            throw new ConflictException("statement-status", "statement " + number + " is " + status
                    + "; only a draft is approved").withArgs(number, status.name());
        }
        if (approver.equals(preparedBy)) {
            throw new ConflictException("same-preparer", "statement " + number + " was prepared by " + preparedBy
                    + "; a second finance user approves it").withArgs(number, preparedBy);
        }
        status = StatementStatus.APPROVED;
        approvedBy = approver;
        approvedAt = now;
    }

    public void pay(String reference, LocalDate on, String by, Instant now) {
        if (status != StatementStatus.APPROVED) {
            throw new ConflictException("statement-status", "statement " + number + " is " + status
                    + "; only an approved statement is paid").withArgs(number, status.name());
        }
        status = StatementStatus.PAID;
        paymentRef = reference;
        paidOn = on;
        paidBy = by;
        paidAt = now;
    }

    public Long id() { return id; }
    public String number() { return number; }
    public long enterpriseId() { return enterpriseId; }
    public DivisionCode division() { return DivisionCode.of(divisionCode); }
    public LocalDate periodStart() { return periodStart; }
    public LocalDate periodEnd() { return periodEnd; }
    public StatementKind kind() { return kind; }
    public Long adjustsId() { return adjustsId; }
    public StatementStatus status() { return status; }
    public Money total() { return Money.cny(total); }
    public String preparedBy() { return preparedBy; }
    public Instant preparedAt() { return preparedAt; }
    public String approvedBy() { return approvedBy; }
    public Instant approvedAt() { return approvedAt; }
    public String paymentRef() { return paymentRef; }
    public LocalDate paidOn() { return paidOn; }
    public String paidBy() { return paidBy; }
    public String note() { return note; }
    public long version() { return version; }
}
