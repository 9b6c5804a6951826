package org.reliefchain.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an incident's history: who did what, when and why. Never changed (a database trigger refuses). */
@Entity
@Table(name = "incident_event")
public class IncidentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private long incidentId;
    private Instant at;
    private String actor;
    private String action;
    private String detail;
    private String reason;

    protected IncidentEvent() {
    }

    public IncidentEvent(long incidentId, Instant at, String actor, String action, String detail, String reason) {
        this.incidentId = incidentId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.detail = detail.length() > 300 ? detail.substring(0, 300) : detail;
        this.reason = reason;
    }

    public record View(Instant at, String actor, String action, String detail, String reason) {
    }

    public View view() {
        return new View(at, actor, action, detail, reason);
    }
}
