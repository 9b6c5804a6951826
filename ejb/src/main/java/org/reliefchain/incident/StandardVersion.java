package org.reliefchain.incident;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A version of the relief standards: saving the standards makes a new one, so old demand figures stay explainable. */
@Entity
@Table(name = "relief_standard_version")
public class StandardVersion {

    @Id
    private int version;
    @jakarta.persistence.Column(name = "created_at")
    private Instant createdAt;
    private String actor;
    private String note;

    protected StandardVersion() {
    }

    public StandardVersion(int version, Instant createdAt, String actor, String note) {
        this.version = version;
        this.createdAt = createdAt;
        this.actor = actor;
        this.note = note;
    }

    public int version() { return version; }
    public Instant createdAt() { return createdAt; }
    public String actor() { return actor; }
    public String note() { return note; }
}
