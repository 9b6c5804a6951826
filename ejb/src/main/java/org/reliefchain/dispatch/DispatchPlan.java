package org.reliefchain.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.reliefchain.platform.ConflictException;

/**
 * A relief plan of an incident (救援调度方案): asked for by a dispatcher, solved in the background, its
 * best result kept whole as it improves, approved once into dispatch orders.
 */
@Entity
@Table(name = "relief_plan")
public class DispatchPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private long incidentId;
    private int number;
    @Enumerated(EnumType.STRING)
    private PlanStatus status;
    private String jurisdiction;
    private int seconds;
    private Integer steps;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "planned_at")
    private Instant plannedAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    private Instant deadline;
    @Column(name = "affected_people")
    private Long affectedPeople;
    @Column(name = "people_in_time")
    private Long peopleInTime;
    private Long bound;
    @Column(name = "fleet_bound")
    private Long fleetBound;
    @Column(name = "scarcity_bound")
    private Long scarcityBound;
    /** The material whose stock sets the scarcity bound; null when the fleet's capacity for all materials does. */
    @Column(name = "scarcity_limit", length = 60)
    private String scarcityLimit;
    @Column(name = "elapsed_seconds")
    private BigDecimal elapsedSeconds;
    @Column(name = "problem_summary")
    private String problemSummary;
    @Column(name = "problem_facts")
    private String problemFacts;
    @Column(name = "stock_snapshot")
    private String stockSnapshot;
    private String solution;
    private String progress;
    private String routes;
    private String failure;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "revises_id")
    private Long revisesId;
    private String basis;
    private boolean transshipment = true;
    @Column(name = "fast_track")
    private boolean fastTrack;
    /** The application server it is queued on and solved by. */
    private String solver;
    @Version
    private long version;

    protected DispatchPlan() {
    }

    public DispatchPlan(long incidentId, int number, String jurisdiction, int seconds, Integer steps, String requestedBy,
                        Instant requestedAt, Instant plannedAt, Instant deadline, String stockSnapshot) {
        this.incidentId = incidentId;
        this.number = number;
        this.status = PlanStatus.QUEUED;
        this.jurisdiction = jurisdiction;
        this.seconds = seconds;
        this.steps = steps;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.plannedAt = plannedAt;
        this.deadline = deadline;
        this.stockSnapshot = stockSnapshot;
    }

    /** What it was asked for besides time: transfers to ports and air bases, emergency fast-track. */
    public void askedFor(boolean transshipment, boolean fastTrack) {
        this.transshipment = transshipment;
        this.fastTrack = fastTrack;
    }

    /** Queued on the application server {@code instance}, whose solver takes it up. */
    public void queuedOn(String instance) {
        this.solver = instance;
    }

    /** A revision of the approved plan {@code revised}, made from the dispatch orders {@code basisJson} names. */
    public static DispatchPlan revising(DispatchPlan revised, int number, int seconds, Integer steps, String requestedBy,
                                        Instant now, Instant deadline, String stockSnapshot, String basisJson) {
        DispatchPlan p = new DispatchPlan(revised.incidentId, number, revised.jurisdiction, seconds, steps, requestedBy,
                now, now, deadline, stockSnapshot);
        p.revisesId = revised.id;
        p.basis = basisJson;
        return p;
    }

    /** Its approved revision takes its place; its trips already under way stay as they are. */
    public void supersede() {
        if (status != PlanStatus.APPROVED) {
            throw new ConflictException("revision-outdated", "plan " + number + " is " + status
                    + ", no longer the approved plan; revise the approved plan again");
        }
        status = PlanStatus.REVISED;
    }

    /**
     * Its server left the cluster while it was queued or solving: queued again on {@code instance}, searched again
     * from the situation at {@code now} (the stock and, for a revision, the dispatch orders {@code basisJson} names),
     * as a plan made then. What the lost search had found is dropped with it: a new search finds a first plan in
     * seconds, and mixing the two would show figures of another situation.
     */
    public void requeue(String instance, Instant now, Instant deadline, String stockSnapshot, String basisJson) {
        if (!status.running()) {
            throw new IllegalStateException("plan " + number + " is " + status + ", not queued or solving");
        }
        status = PlanStatus.QUEUED;
        solver = instance;
        plannedAt = now;
        this.deadline = deadline; // the incident's now: the search counts people reached by it, approval checks it
        startedAt = null;
        endedAt = null;
        this.stockSnapshot = stockSnapshot;
        if (basisJson != null) {
            basis = basisJson;
        }
        solution = null;
        affectedPeople = null;
        peopleInTime = null;
        bound = null;
        fleetBound = null;
        scarcityBound = null;
        scarcityLimit = null;
        elapsedSeconds = null;
        progress = null;
        routes = null;
        failure = null;
        problemSummary = null;
        problemFacts = null;
    }

    /** A solver took it up; the problem it plans, in words. */
    public void startSolving(String summary, String factsJson, Instant now) {
        status = PlanStatus.SOLVING;
        problemFacts = factsJson;
        startedAt = now;
        problemSummary = summary.length() > 2000 ? summary.substring(0, 1997) + "..." : summary;
    }

    /** A better plan: kept whole, with its figures, replacing the one before. */
    public void improve(String solutionJson, long affected, long inTime, long bound, Long fleetBound, Long scarcityBound,
                        String scarcityLimit, double elapsed, String progressJson) {
        this.solution = solutionJson;
        this.affectedPeople = affected;
        this.peopleInTime = inTime;
        this.bound = bound;
        this.fleetBound = fleetBound; // null: not known yet
        this.scarcityBound = scarcityBound; // null: not known
        this.scarcityLimit = scarcityLimit;
        this.elapsedSeconds = BigDecimal.valueOf(elapsed).setScale(1, RoundingMode.HALF_UP);
        this.progress = progressJson;
        this.routes = null;
    }

    /** Solving ended: DONE at its limit, STOPPED by a dispatcher, INTERRUPTED by a restart, FAILED. */
    public void end(PlanStatus how, String why, Instant now) {
        status = how;
        endedAt = now;
        failure = why == null ? null : why.length() > 1000 ? why.substring(0, 997) + "..." : why;
    }

    public void approve(String user, Instant now) {
        if (!status.approvable() || solution == null) {
            throw new ConflictException("plan-not-approvable", "plan " + number + " is " + status
                    + (solution == null ? " without a result" : "") + "; only a finished plan with a result can be approved");
        }
        status = PlanStatus.APPROVED;
        approvedBy = user;
        approvedAt = now;
    }

    public Long id() { return id; }
    public long incidentId() { return incidentId; }
    public int number() { return number; }
    public PlanStatus status() { return status; }
    public String jurisdiction() { return jurisdiction; }
    public int seconds() { return seconds; }
    public Integer steps() { return steps; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public Instant plannedAt() { return plannedAt; }
    public Instant startedAt() { return startedAt; }
    public Instant endedAt() { return endedAt; }
    public Instant deadline() { return deadline; }
    public Long affectedPeople() { return affectedPeople; }
    public Long peopleInTime() { return peopleInTime; }
    public Long bound() { return bound; }
    public Long fleetBound() { return fleetBound; }
    public Long scarcityBound() { return scarcityBound; }
    public String scarcityLimit() { return scarcityLimit; }
    public BigDecimal elapsedSeconds() { return elapsedSeconds; }
    public String problemSummary() { return problemSummary; }
    public String problemFacts() { return problemFacts; }
    public String stockSnapshot() { return stockSnapshot; }
    public String solution() { return solution; }
    public String progress() { return progress; }
    public String routes() { return routes; }
    public String failure() { return failure; }
    public String approvedBy() { return approvedBy; }
    public Instant approvedAt() { return approvedAt; }
    public Long revisesId() { return revisesId; }
    public boolean transshipment() { return transshipment; }
    public String solver() { return solver; }
    public boolean fastTrack() { return fastTrack; }
    public String basis() { return basis; }
    public long version() { return version; }
}
