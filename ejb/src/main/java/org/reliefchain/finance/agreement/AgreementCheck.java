package org.reliefchain.finance.agreement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import jakarta.persistence.Table;

/**
 * An inspection (检查) of an agreement: on a day, what was counted of each line and whether it met its
 * quality standard. From that day until the next check, the subsidy is paid on what was found (never
 * more than agreed), and what is missing or failed is deducted at the agreement's penalty.
 */
@Entity
@Table(name = "agreement_check")
public class AgreementCheck {

    /** One line as found. */
    @Embeddable
    public static class Found {
        @Column(name = "line_id")
        private long lineId;
        private BigDecimal counted;
        @Column(name = "quality_ok")
        private boolean qualityOk;
        private String note;

        protected Found() {
        }

        public Found(long lineId, BigDecimal counted, boolean qualityOk, String note) {
            this.lineId = lineId;
            this.counted = counted;
            this.qualityOk = qualityOk;
            this.note = note;
        }

        public long lineId() { return lineId; }
        public BigDecimal counted() { return counted; }
        public boolean qualityOk() { return qualityOk; }
        public String note() { return note; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "agreement_id")
    private long agreementId;
    @Column(name = "checked_on")
    private LocalDate checkedOn;
    @Enumerated(EnumType.STRING)
    private CheckKind kind;
    @Column(name = "checked_by")
    private String checkedBy;
    private String note;
    @Column(name = "created_at")
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_check_line", joinColumns = @JoinColumn(name = "check_id"))
    private List<Found> lines = new ArrayList<>();

    protected AgreementCheck() {
    }

    public AgreementCheck(long agreementId, LocalDate checkedOn, CheckKind kind, String checkedBy, String note,
                          List<Found> lines, Instant now) {
        this.agreementId = agreementId;
        this.checkedOn = checkedOn;
        this.kind = kind;
        this.checkedBy = checkedBy;
        this.note = note;
        this.lines = new ArrayList<>(lines);
        this.createdAt = now;
    }

    public Long id() { return id; }
    public long agreementId() { return agreementId; }
    public LocalDate checkedOn() { return checkedOn; }
    public CheckKind kind() { return kind; }
    public String checkedBy() { return checkedBy; }
    public String note() { return note; }
    public List<Found> lines() { return List.copyOf(lines); }
}
