package org.reliefchain.finance.agreement;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The agreement as it was before an amendment (its JSON view), and who changed it, when and why. */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion {

    /** As the API shows it. */
    public record View(int amendment, String snapshot, String reason, String changedBy, Instant changedAt) implements Serializable {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "agreement_id")
    private long agreementId;
    private int amendment;
    private String snapshot;
    private String reason;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected AgreementVersion() {
    }

    public AgreementVersion(long agreementId, int amendment, String snapshot, String reason, String changedBy,
                            Instant changedAt) {
        this.agreementId = agreementId;
        this.amendment = amendment;
        this.snapshot = snapshot;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public View view() {
        return new View(amendment, snapshot, reason, changedBy, changedAt);
    }
}
