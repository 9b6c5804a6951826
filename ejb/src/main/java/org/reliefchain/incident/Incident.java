package org.reliefchain.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;

/**
 * A disaster incident. It belongs to the lowest division containing every affected one: only a
 * dispatcher whose jurisdiction contains that division runs it. Its state changes through the verbs
 * below, each refused once the incident is closed.
 */
@Entity
@Table(name = "incident")
public class Incident {

    /** The plan's target: affected people receive basic-living relief in under ten hours. */
    public static final Duration DEFAULT_RELIEF_TIME = Duration.ofHours(10);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Enumerated(EnumType.STRING)
    private IncidentKind kind;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "response_level")
    private ResponseLevel responseLevel;
    @Enumerated(EnumType.STRING)
    private IncidentStatus status;
    @Column(name = "owner_division")
    private String ownerDivision;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_division", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "division_code")
    private Set<String> affectedDivisions = new TreeSet<>();
    @Column(name = "started_at")
    private Instant startedAt;
    private Instant deadline;
    @Column(name = "demand_days")
    private int demandDays;
    @Column(name = "declared_by")
    private String declaredBy;
    @Column(name = "declared_at")
    private Instant declaredAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private boolean synthetic;
    @Version
    private long version;

    protected Incident() {
    }

    public Incident(String number, IncidentKind kind, String name, ResponseLevel level, Collection<DivisionCode> affected,
                    Instant startedAt, Instant deadline, String declaredBy, Instant now) {
        if (kind == null) {
            throw new InvalidInputException("kind", "is required");
        }
        if (level == null) {
            throw new InvalidInputException("responseLevel", "is required");
        }
        if (startedAt == null) {
            throw new InvalidInputException("startedAt", "is required");
        }
        requireSaneTime("startedAt", startedAt);
        this.number = number;
        this.kind = kind;
        this.name = checkedName(name);
        this.responseLevel = level;
        this.status = IncidentStatus.DECLARED;
        this.startedAt = startedAt;
        this.deadline = checkedDeadline(deadline == null ? startedAt.plus(DEFAULT_RELIEF_TIME) : deadline);
        this.demandDays = 1;
        this.declaredBy = declaredBy;
        this.declaredAt = now;
        this.updatedAt = now;
        cover(affected);
    }

    /** The lowest division containing every one of {@code divisions}. */
    public static DivisionCode owner(Collection<DivisionCode> divisions) {
        String common = null;
        for (DivisionCode d : divisions) {
            String v = d.value();
            if (common == null) {
                common = v;
                continue;
            }
            int i = 0;
            while (i < common.length() && i < v.length() && common.charAt(i) == v.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        if (common == null) {
            throw new InvalidInputException("affectedDivisions", "name at least one affected division");
        }
        // Cut back to a whole level: 2, 4, 6, 9 or 12 digits.
        int[] levels = {12, 9, 6, 4, 2};
        for (int length : levels) {
            if (common.length() >= length) {
                return DivisionCode.of(common.substring(0, length));
            }
        }
        throw new InvalidInputException("affectedDivisions", "the affected divisions are not in one province");
    }

    public void rename(String newName, Instant now) {
        requireOpen();
        this.name = checkedName(newName);
        this.updatedAt = now;
    }

    public void changeLevel(ResponseLevel level, Instant now) {
        requireOpen();
        if (level == null) {
            throw new InvalidInputException("responseLevel", "is required");
        }
        this.responseLevel = level;
        this.updatedAt = now;
    }

    public void moveDeadline(Instant newDeadline, Instant now) {
        requireOpen();
        this.deadline = checkedDeadline(newDeadline);
        this.updatedAt = now;
    }

    public void coverDays(int days, Instant now) {
        requireOpen();
        if (days < 1 || days > 30) {
            throw new InvalidInputException("demandDays", "must be 1 to 30 days");
        }
        this.demandDays = days;
        this.updatedAt = now;
    }

    public void changeAffected(Collection<DivisionCode> affected, Instant now) {
        requireOpen();
        cover(affected);
        this.updatedAt = now;
    }

    public void moveTo(IncidentStatus next, Instant now) {
        if (next == null) {
            throw new InvalidInputException("status", "is required");
        }
        if (!status.canMoveTo(next)) {
            throw new ConflictException("incident-transition", "incident " + number + " is " + status
                    + " and cannot become " + next);
        }
        this.status = next;
        this.updatedAt = now;
    }

    /** The statuses this incident may move to now. */
    public List<IncidentStatus> nextStatuses() {
        return java.util.Arrays.stream(IncidentStatus.values()).filter(status::canMoveTo).toList();
    }

    public void markSynthetic() {
        this.synthetic = true;
    }

    private void cover(Collection<DivisionCode> affected) {
        if (affected == null || affected.isEmpty()) {
            throw new InvalidInputException("affectedDivisions", "name at least one affected division");
        }
        this.ownerDivision = owner(affected).value();
        this.affectedDivisions.clear();
        affected.forEach(d -> affectedDivisions.add(d.value()));
    }

    /** @throws ConflictException once the incident is closed: a closed incident takes no more changes */
    public void requireOpen() {
        if (status == IncidentStatus.CLOSED) {
            throw new ConflictException("incident-closed", "incident " + number + " is closed");
        }
    }

    private Instant checkedDeadline(Instant d) {
        if (d == null) {
            throw new InvalidInputException("deadline", "is required");
        }
        requireSaneTime("deadline", d);
        if (!d.isAfter(startedAt)) {
            throw new InvalidInputException("deadline", "must be after the start of the incident");
        }
        return d;
    }

    private static void requireSaneTime(String field, Instant t) {
        if (t.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || t.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
            throw new InvalidInputException(field, "must lie between 2000 and 2100");
        }
    }

    /** True when the text holds a control character (PostgreSQL refuses NUL; the others are never meant). */
    public static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f);
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        if (hasControl(name)) {
            throw new InvalidInputException("name", "must not contain control characters");
        }
        if (name.trim().length() > 100) {
            throw new InvalidInputException("name", "must have at most 100 characters");
        }
        return name.trim();
    }

    /** True when {@code division} is affected: an affected county stands for everything below it. */
    public boolean affects(DivisionCode division) {
        return affectedDivisions.stream().anyMatch(a -> division.value().startsWith(a));
    }

    public Long id() { return id; }
    public String number() { return number; }
    public IncidentKind kind() { return kind; }
    public String name() { return name; }
    public ResponseLevel responseLevel() { return responseLevel; }
    public IncidentStatus status() { return status; }
    public DivisionCode ownerDivision() { return DivisionCode.of(ownerDivision); }
    public List<DivisionCode> affectedDivisions() { return affectedDivisions.stream().map(DivisionCode::of).toList(); }
    public Instant startedAt() { return startedAt; }
    public Instant deadline() { return deadline; }
    public int demandDays() { return demandDays; }
    public String declaredBy() { return declaredBy; }
    public Instant declaredAt() { return declaredAt; }
    public Instant updatedAt() { return updatedAt; }
    public boolean synthetic() { return synthetic; }
    public long version() { return version; }
}
