package org.reliefchain.finance.writeoff;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;

/**
 * A write-off (核销) signed off level by level, from the warehouse's county (or its own level) up to the
 * level its amount requires; each level's finance user signs once, nobody signs twice, and whoever raised
 * it does not sign. The required level's signature makes it final.
 */
@Entity
@Table(name = "write_off")
// Read from the database every time: the chain's verification must see the rows as they are, not a cached copy.
@jakarta.persistence.Cacheable(false)
public class WriteOff {

    /** One signature as stored. */
    @Embeddable
    public static class Signed {
        private int seq;
        @Enumerated(EnumType.STRING)
        private SignLevel level;
        @Column(name = "division_code")
        private String divisionCode;
        @Column(name = "signed_by")
        private String signedBy;
        @Column(name = "signed_at")
        private Instant signedAt;

        protected Signed() {
        }

        Signed(int seq, SignLevel level, String divisionCode, String signedBy, Instant signedAt) {
            this.seq = seq;
            this.level = level;
            this.divisionCode = divisionCode;
            this.signedBy = signedBy;
            this.signedAt = signedAt;
        }

        public WriteOffView.Signature view() {
            return new WriteOffView.Signature(seq, level, divisionCode, signedBy, signedAt);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "warehouse_id")
    private long warehouseId;
    @Column(name = "division_code")
    private String divisionCode;
    @Enumerated(EnumType.STRING)
    private WriteOffCause cause;
    private String description;
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(name = "required_level")
    private SignLevel requiredLevel;
    @Enumerated(EnumType.STRING)
    private WriteOffStatus status;
    @Column(name = "reject_reason")
    private String rejectReason;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "write_off_signature", joinColumns = @JoinColumn(name = "write_off_id"))
    @OrderBy("seq")
    private List<Signed> signatures = new ArrayList<>();

    protected WriteOff() {
    }

    public WriteOff(String number, long warehouseId, DivisionCode division, WriteOffCause cause, String description,
                    BigDecimal amount, SignLevel requiredLevel, String createdBy, Instant now) {
        this.number = number;
        this.warehouseId = warehouseId;
        this.divisionCode = division.value();
        this.cause = cause;
        this.description = description;
        this.amount = amount;
        this.requiredLevel = requiredLevel.compareTo(SignLevel.first(division)) < 0 ? SignLevel.first(division)
                : requiredLevel;
        this.status = WriteOffStatus.PENDING;
        this.createdBy = createdBy;
        this.createdAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The levels still to sign, in order. */
    public List<SignLevel> toSign() {
        List<SignLevel> out = new ArrayList<>();
        if (status != WriteOffStatus.PENDING) {
            return out;
        }
        for (SignLevel l = SignLevel.first(division()); l != null && l.compareTo(requiredLevel) <= 0;
             l = l.ordinal() + 1 < SignLevel.values().length ? SignLevel.values()[l.ordinal() + 1] : null) {
            int level = l.ordinal();
            if (signatures.stream().noneMatch(s -> s.level.ordinal() == level)) {
                out.add(l);
            }
        }
        return out;
    }

    /** The next level signs; true when that made the write-off final. */
    public boolean sign(String user, Instant now) {
        if (status != WriteOffStatus.PENDING) {
            throw new ConflictException("write-off-status", "write-off " + number + " is " + status)
                    .withArgs(number, status.name());
        }
        if (user.equals(createdBy) || signatures.stream().anyMatch(s -> s.signedBy.equals(user))) {
            throw new ConflictException("same-signer", "write-off " + number + " was raised or already signed by "
                    + user + "; another person signs").withArgs(number, user);
        }
        SignLevel next = toSign().get(0);
        // microseconds, as the database keeps them: the chain's content is rebuilt from the stored rows
        signatures.add(new Signed(signatures.size() + 1, next, next.over(division()).value(), user,
                now.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        if (next == requiredLevel) {
            status = WriteOffStatus.SIGNED;
            return true;
        }
        return false;
    }

    public void reject(String reason) {
        if (status != WriteOffStatus.PENDING) {
            throw new ConflictException("write-off-status", "write-off " + number + " is " + status)
                    .withArgs(number, status.name());
        }
        status = WriteOffStatus.REJECTED;
        rejectReason = reason;
    }

    /**
     * What the chain records of a signed write-off: every fact that must never change after signing, one
     * per line, in a fixed order (the database's own rows are compared against it by the verification).
     */
    public String content(String warehouseCode) {
        StringBuilder b = new StringBuilder();
        b.append("number=").append(number).append('\n')
                .append("warehouse=").append(warehouseCode).append('\n')
                .append("division=").append(divisionCode).append('\n')
                .append("cause=").append(cause).append('\n')
                .append("amount=").append(amount.setScale(2).toPlainString()).append(" CNY\n")
                .append("description=").append(description.replace('\n', ' ')).append('\n')
                .append("required=").append(requiredLevel).append('\n')
                .append("raisedBy=").append(createdBy).append(" at ").append(createdAt).append('\n');
        for (Signed s : signatures) {
            b.append("signed=").append(s.seq).append(' ').append(s.level).append(' ').append(s.divisionCode)
                    .append(' ').append(s.signedBy).append(" at ").append(s.signedAt).append('\n');
        }
        return b.toString();
    }

    public Long id() { return id; }
    public String number() { return number; }
    public long warehouseId() { return warehouseId; }
    public DivisionCode division() { return DivisionCode.of(divisionCode); }
    public WriteOffCause cause() { return cause; }
    public String description() { return description; }
    public BigDecimal amount() { return amount; }
    public SignLevel requiredLevel() { return requiredLevel; }
    public WriteOffStatus status() { return status; }
    public String rejectReason() { return rejectReason; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
    public List<WriteOffView.Signature> signatures() { return signatures.stream().map(Signed::view).toList(); }
}
