package org.reliefchain.finance.agreement;

import java.time.Instant;
import java.time.LocalDate;
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

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;

/**
 * A reserve agreement between a contracting division and an enterprise. Drafted, then activated (from
 * then on it earns a subsidy and is inspected), then it expires at the end of its term or is terminated
 * early with a reason. An active agreement changes only by amendment: the terms before the change are
 * kept as a version, and lines are changed or added, never removed (checks and statements refer to them).
 */
@Entity
@Table(name = "agreement")
public class Agreement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "enterprise_id")
    private long enterpriseId;
    @Column(name = "division_code")
    private String divisionCode;
    @Enumerated(EnumType.STRING)
    private AgreementKind kind;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "price_rule")
    private PriceRule priceRule;
    @Column(name = "price_percent")
    private java.math.BigDecimal pricePercent;
    @Enumerated(EnumType.STRING)
    @Column(name = "fee_basis")
    private FeeBasis feeBasis;
    @Column(name = "management_fee")
    private java.math.BigDecimal managementFee;
    @Column(name = "payment_days")
    private int paymentDays;
    @Column(name = "penalty_per_unit_day")
    private java.math.BigDecimal penaltyPerUnitDay;
    @Enumerated(EnumType.STRING)
    private AgreementStatus status;
    private int amendment;
    @Column(name = "end_reason")
    private String endReason;
    private boolean synthetic;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<AgreementLine> lines = new ArrayList<>();

    protected Agreement() {
    }

    public Agreement(String number, long enterpriseId, DivisionCode division, AgreementKind kind, AgreementTerms terms,
                     List<LineTerms> lines, String createdBy, Instant now) {
        if (kind == null) {
            throw InvalidInputException.required("kind", null);
        }
        this.number = number;
        this.enterpriseId = enterpriseId;
        this.divisionCode = division.value();
        this.kind = kind;
        this.status = AgreementStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        setTerms(terms);
        replaceLines(lines);
    }

    /** From DRAFT: the agreement is in force from its start date. */
    public void activate(Instant now) {
        if (status != AgreementStatus.DRAFT) {
            throw new ConflictException("agreement-status", "agreement " + number + " is " + status
                    + "; only a draft is activated").withArgs(number, status.name());
        }
        status = AgreementStatus.ACTIVE;
        updatedAt = now;
    }

    /** Ends an active agreement early: the term ends on {@code lastDay}, never later than it would have. */
    public void terminate(LocalDate lastDay, String reason, Instant now) {
        if (status != AgreementStatus.ACTIVE) {
            throw new ConflictException("agreement-status", "agreement " + number + " is " + status
                    + "; only an active one is terminated").withArgs(number, status.name());
        }
        if (lastDay.isBefore(startsOn.minusDays(1))) {
            throw new InvalidInputException("lastDay", "must not be before the agreement starts (" + startsOn + ")",
                    "too-small", startsOn.toString());
        }
        if (lastDay.isBefore(endsOn)) {
            endsOn = lastDay.isBefore(startsOn) ? startsOn : lastDay;
        }
        status = AgreementStatus.TERMINATED;
        endReason = reason;
        updatedAt = now;
    }

    /** An active agreement whose term ended before {@code today} has expired. */
    public boolean expireIfDue(LocalDate today, Instant now) {
        if (status == AgreementStatus.ACTIVE && endsOn.isBefore(today)) {
            status = AgreementStatus.EXPIRED;
            updatedAt = now;
            return true;
        }
        return false;
    }

    /**
     * Changes the terms and lines. A draft changes freely; an active agreement counts an amendment
     * (the caller keeps the version before it) and keeps every line it had.
     */
    public void amend(AgreementTerms terms, List<LineTerms> newLines, Instant now) {
        if (status != AgreementStatus.DRAFT && status != AgreementStatus.ACTIVE) {
            throw new ConflictException("agreement-status", "agreement " + number + " is " + status
                    + " and cannot change").withArgs(number, status.name());
        }
        if (status == AgreementStatus.ACTIVE) {
            if (newLines.size() < lines.size()) {
                throw new InvalidInputException("lines", "an active agreement keeps its " + lines.size()
                        + " lines: change them or add more, do not remove any", "lines-kept",
                        String.valueOf(lines.size()));
            }
            amendment++;
        }
        setTerms(terms);
        replaceLines(newLines);
        updatedAt = now;
    }

    private void setTerms(AgreementTerms t) {
        if (t.endsOn().isBefore(t.startsOn())) {
            throw new InvalidInputException("endsOn", "must not be before startsOn", "too-small", t.startsOn().toString());
        }
        if (t.priceRule() == PriceRule.COST_PLUS && t.pricePercent() == null) {
            throw InvalidInputException.required("pricePercent", "the price rule is COST_PLUS");
        }
        this.startsOn = t.startsOn();
        this.endsOn = t.endsOn();
        this.priceRule = t.priceRule();
        this.pricePercent = t.priceRule() == PriceRule.COST_PLUS ? t.pricePercent() : null;
        this.feeBasis = t.feeBasis();
        this.managementFee = t.managementFee();
        this.paymentDays = t.paymentDays();
        this.penaltyPerUnitDay = t.penaltyPerUnitDay();
    }

    /** Line i of the list becomes line i + 1: an existing line keeps its identity, so its checks stay its own. */
    private void replaceLines(List<LineTerms> newLines) {
        if (newLines.isEmpty()) {
            throw new InvalidInputException("lines", "name at least one material", "required");
        }
        for (int i = 0; i < newLines.size(); i++) {
            LineTerms t = newLines.get(i);
            boolean capacity = kind == AgreementKind.CAPACITY;
            if (capacity && (t.capacityHours() == null || t.capacityPerDay() == null)) {
                throw InvalidInputException.required("lines[" + i + "].capacityHours", "the agreement reserves capacity");
            }
            if (!capacity && (t.capacityHours() != null || t.capacityPerDay() != null)) {
                throw new InvalidInputException("lines[" + i + "].capacityHours",
                        "is only for capacity reserves", "capacity-only");
            }
            if (i < lines.size()) {
                lines.get(i).set(t);
            } else {
                lines.add(new AgreementLine(this, i + 1, t));
            }
        }
        while (lines.size() > newLines.size()) {
            lines.remove(lines.size() - 1);
        }
    }

    public void markSynthetic() {
        this.synthetic = true;
    }

    public AgreementTerms terms() {
        return new AgreementTerms(startsOn, endsOn, priceRule, pricePercent, feeBasis, managementFee, paymentDays,
                penaltyPerUnitDay);
    }

    public Long id() { return id; }
    public String number() { return number; }
    public long enterpriseId() { return enterpriseId; }
    public DivisionCode division() { return DivisionCode.of(divisionCode); }
    public AgreementKind kind() { return kind; }
    public AgreementStatus status() { return status; }
    public int amendment() { return amendment; }
    public String endReason() { return endReason; }
    public boolean synthetic() { return synthetic; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
    public List<AgreementLine> lines() { return List.copyOf(lines); }
}
