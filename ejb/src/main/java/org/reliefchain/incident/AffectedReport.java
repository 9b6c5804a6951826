package org.reliefchain.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.reliefchain.platform.InvalidInputException;

/**
 * Affected people at one demand point (a village, or a township or county while finer figures are not
 * known), as reported at a time. Append-only: a new figure is a new report; the latest one counts.
 */
@Entity
@Table(name = "affected_report")
public class AffectedReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private long incidentId;
    @Column(name = "division_code")
    private String divisionCode;
    private int people;
    private int relocated;
    private Integer under3;
    private Integer over65;
    private Integer pregnant;
    @Column(name = "cut_off")
    private boolean cutOff;
    @Enumerated(EnumType.STRING)
    private AffectedSource source;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    private String actor;
    private String note;

    protected AffectedReport() {
    }

    public AffectedReport(long incidentId, AffectedFigures f, AffectedSource source, Instant reportedAt,
                          Instant recordedAt, String actor) {
        this.incidentId = incidentId;
        this.divisionCode = f.division();
        this.people = f.people();
        this.relocated = f.relocated();
        this.under3 = f.under3();
        this.over65 = f.over65();
        this.pregnant = f.pregnant();
        this.cutOff = f.cutOff();
        this.note = f.note();
        this.source = source;
        this.reportedAt = reportedAt;
        this.recordedAt = recordedAt;
        this.actor = actor;
    }

    /** The figures of one report, checked: nobody counted twice, no part larger than the whole. */
    public record AffectedFigures(String division, int people, int relocated, Integer under3, Integer over65,
                                  Integer pregnant, boolean cutOff, String note) {
        public AffectedFigures {
            if (people < 0 || people > 10_000_000) {
                throw new InvalidInputException("people", "must be 0 to 10,000,000");
            }
            if (relocated < 0 || relocated > people) {
                throw new InvalidInputException("relocated", "must be 0 to the number of people affected");
            }
            part("under3", under3, people);
            part("over65", over65, people);
            part("pregnant", pregnant, people);
            if (note != null && (note.length() > 300 || Incident.hasControl(note))) {
                throw new InvalidInputException("note", "at most 300 characters, no control characters");
            }
        }

        private static void part(String field, Integer value, int people) {
            if (value != null && (value < 0 || value > people)) {
                throw new InvalidInputException(field, "must be 0 to the number of people affected");
            }
        }

        /** People who need more care: children under 3, people over 65, pregnant women. */
        public int vulnerable() {
            return (under3 == null ? 0 : under3) + (over65 == null ? 0 : over65) + (pregnant == null ? 0 : pregnant);
        }
    }

    public AffectedFigures figures() {
        return new AffectedFigures(divisionCode, people, relocated, under3, over65, pregnant, cutOff, note);
    }

    public String divisionCode() { return divisionCode; }
    public AffectedSource source() { return source; }
    public Instant reportedAt() { return reportedAt; }
    public Instant recordedAt() { return recordedAt; }
    public String actor() { return actor; }
    public Long id() { return id; }
}
