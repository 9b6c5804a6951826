package org.reliefchain.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.security.Jurisdiction;

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
    /** What the line is about, if it is about part of the incident (a village's report, a county's estimate). */
    @Column(name = "division_code")
    private String divisionCode;

    protected IncidentEvent() {
    }

    public IncidentEvent(long incidentId, Instant at, String actor, String action, DivisionCode division,
                         String detail, String reason) {
        this.incidentId = incidentId;
        this.divisionCode = division == null ? null : division.value();
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.detail = detail.length() > 300 ? detail.substring(0, 300) : detail;
        this.reason = reason;
    }

    /** Whether a reader whose jurisdiction does not hold the whole incident may read this line. */
    boolean readableWithin(Jurisdiction jurisdiction) {
        return divisionCode == null || jurisdiction.covers(DivisionCode.of(divisionCode));
    }

    public record View(Instant at, String actor, String action, String detail, String reason) {
    }

    public View view() {
        return new View(at, actor, action, detail, reason);
    }
}
