package org.reliefchain.dispatch;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.reliefchain.audit.AuditTrail;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.fleet.Vehicle;
import org.reliefchain.fleet.VehicleStatus;
import org.reliefchain.incident.Incident;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.planner.solver.SolveLimit;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;

/**
 * Relief plans of an incident: asked for by a dispatcher who runs it (made from the database at that
 * moment, solved in the background), watched, stopped, reviewed and approved into ISSUE movements and
 * dispatch orders in one transaction. Whoever sees the incident sees its plans.
 */
@Stateless
@RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER", "FINANCE", "AUDITOR"})
public class ReliefPlanService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private IncidentService incidents;

    @Inject
    private PlanInputsReader inputs;

    @Inject
    private PlanRunner runner;

    @Inject
    private DispatchOrders orders;

    @Inject
    private RevisionReader revisions;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    private static final Jsonb JSON = JsonbBuilder.create();
    /** The longest search a dispatcher may ask for. */
    private static final int MAX_SECONDS = 3600;

    /**
     * What a dispatcher asks for: a time (default 60 s), or a fixed amount of search for reproducible runs
     * (bounded by the time when given too, see {@link #limit});
     * {@code transshipment} false plans without transfers from warehouses to ports and air bases (so boats
     * and helicopters stay out of it: what the transfers add is measured that way); {@code fastTrack} true
     * lets the plan draw on the nearest warehouses outside the jurisdiction, through emergency allocation
     * orders to the jurisdiction's truck bases that hold nothing themselves.
     */
    public record StartForm(Integer seconds, Integer steps, Boolean transshipment, Boolean fastTrack) {

        boolean withFastTrack() {
            return fastTrack != null && fastTrack;
        }

        boolean withTransshipment() {
            return transshipment == null || transshipment;
        }
    }

    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public PlanView start(long incidentId, StartForm form) {
        Caller caller = guard.caller();
        Incident incident = incidents.runnable(incidentId, caller);
        incident.requireOpen();
        int seconds = seconds(form);
        Integer steps = steps(form);
        SolveLimit limit = limit(form, seconds, steps);
        Instant now = clock.now();
        requireBeforeDeadline(incident, now);
        DivisionCode within = caller.jurisdiction().root();
        boolean fastTrack = form != null && form.withFastTrack();
        boolean transshipment = form == null || form.withTransshipment();
        PlanInputs in = inputs.read(incident, within, now, null, fastTrack).withTransshipment(transshipment);
        if (in.points().isEmpty()) {
            throw new ConflictException("nothing-to-plan", "incident " + incident.number()
                    + " has no demand in your jurisdiction yet: report or estimate affected people first");
        }
        // Plans of an incident are numbered, and approved, one at a time.
        em.lock(incident, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        DispatchPlan plan = new DispatchPlan(incident.id(), nextNumber(incident), within.value(), seconds, steps,
                caller.username(), now, now, incident.deadline(), stockSnapshot(in));
        plan.askedFor(transshipment, fastTrack);
        plan.queuedOn(runner.instance());
        em.persist(plan);
        em.flush();
        incidents.history(incident, "PLAN_REQUESTED", "plan " + plan.number() + ": " + in.points().size() + " points, "
                + in.stores().size() + " warehouses, " + in.fleet().size() + " vehicles, " + limit.describe(), null);
        submitAfterCommit(plan.id(), in, limit);
        return view(plan, incident);
    }

    /**
     * Revises the approved plan of an incident being carried out, from the situation now (a new blocked
     * area, a vehicle out of service, new or changed demand): what is delivered or on board stays as it is,
     * vehicles on the road join again once back at base, and the orders not yet loaded are solved again,
     * starting from what they were. Drawn on the approved plan's warehouses and vehicles.
     */
    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public PlanView revise(long planId, StartForm form) {
        InCharge charge = inCharge(planId);
        Caller caller = charge.caller();
        DispatchPlan approved = charge.plan();
        Incident incident = charge.incident();
        if (approved.status() != PlanStatus.APPROVED) {
            throw new ConflictException("plan-not-approved", "plan " + approved.number() + " is " + approved.status()
                    + "; only the approved plan being carried out is revised (plan again instead)");
        }
        int seconds = seconds(form);
        Integer steps = steps(form);
        SolveLimit limit = limit(form, seconds, steps);
        Instant now = clock.now();
        requireBeforeDeadline(incident, now);
        em.lock(incident, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Revision revision = revisions.read(approved);
        // Unless the form says otherwise, a revision is asked for what the plan it revises was.
        boolean fastTrack = form != null && form.fastTrack() != null ? form.fastTrack() : approved.fastTrack();
        boolean transshipment = form != null && form.transshipment() != null ? form.transshipment() : approved.transshipment();
        PlanInputs in = inputs.read(incident, DivisionCode.of(approved.jurisdiction()), now, revision, fastTrack)
                .withTransshipment(transshipment);
        if (in.points().isEmpty()) {
            throw new ConflictException("nothing-to-revise", "everything incident " + incident.number()
                    + " needs is delivered or on board; nothing is left to plan");
        }
        DispatchPlan plan = DispatchPlan.revising(approved, nextNumber(incident), seconds, steps, caller.username(), now,
                incident.deadline(), stockSnapshot(in), JSON.toJson(revision.basis()));
        plan.askedFor(transshipment, fastTrack);
        plan.queuedOn(runner.instance());
        em.persist(plan);
        em.flush();
        incidents.history(incident, "PLAN_REVISION_REQUESTED", "plan " + plan.number() + " revises plan "
                + approved.number() + ": " + revision.openTrips().size() + " dispatch orders not yet loaded planned again, "
                + in.points().size() + " points still to serve, " + in.fleet().size() + " vehicles, " + limit.describe(),
                null);
        submitAfterCommit(plan.id(), in, limit);
        return view(plan, incident);
    }

    /**
     * The application server {@code left} left the cluster while it had this plan queued or solving: the plan is
     * queued again on this server and searched again from the situation now (stock, vehicles, and for a revision
     * the dispatch orders not yet loaded), with the limit it was asked for, acting for the dispatcher who asked
     * for it. Called by the solver of the oldest member left, where nobody is signed in; nothing happens when
     * another member took the plan first or it has ended.
     *
     * @throws org.reliefchain.platform.BusinessException when it cannot be planned now (incident closed, deadline passed, nothing left to
     *                           plan, its approved plan replaced): the caller marks it interrupted with the reason
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void takeOver(long planId, String left) {
        DispatchPlan p = em.find(DispatchPlan.class, planId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !p.status().running() || !left.equals(p.solver())) {
            return;
        }
        // Planned again as the dispatcher who asked for it: their jurisdiction, their fleet, their rights now.
        guard.actFor(p.requestedBy());
        Caller caller = guard.signedIn().orElseThrow(() -> new ConflictException("requester-disabled",
                "its dispatcher " + p.requestedBy() + " is disabled"));
        Incident incident = incidents.runnable(p.incidentId(), caller); // their role and jurisdiction now
        caller.jurisdiction().requireCovers(DivisionCode.of(p.jurisdiction()), "plan " + p.number());
        incident.requireOpen();
        Instant now = clock.now();
        requireBeforeDeadline(incident, now);
        Revision revision = null;
        if (p.revisesId() != null) {
            DispatchPlan approved = em.find(DispatchPlan.class, p.revisesId());
            if (approved.status() != PlanStatus.APPROVED) {
                throw new ConflictException("plan-not-approved", "plan " + approved.number() + " that it revises is "
                        + approved.status() + ", no longer the approved plan");
            }
            revision = revisions.read(approved);
        }
        PlanInputs in = inputs.read(incident, DivisionCode.of(p.jurisdiction()), now, revision, p.fastTrack())
                .withTransshipment(p.transshipment());
        if (in.points().isEmpty()) {
            throw new ConflictException("nothing-to-plan", "nothing is left to plan in its jurisdiction");
        }
        // The limit as it was asked: a step count keeps the hour that bounds every step-limited search.
        SolveLimit limit = p.steps() == null ? SolveLimit.seconds(p.seconds())
                : SolveLimit.steps(p.steps(), java.time.Duration.ofSeconds(MAX_SECONDS));
        p.requeue(runner.instance(), now, incident.deadline(), stockSnapshot(in),
                revision == null ? null : JSON.toJson(revision.basis()));
        incidents.history(incident, "PLAN_MOVED", "plan " + p.number() + ": its server " + left + " left the cluster;"
                + " planned again on " + runner.instance() + " from the situation now, " + limit.describe(), null);
        submitAfterCommit(p.id(), in, limit);
    }

    private static int seconds(StartForm form) {
        int seconds = form == null || form.seconds() == null ? 60 : form.seconds();
        if (seconds < 5 || seconds > MAX_SECONDS) {
            throw new InvalidInputException("seconds", "a plan solves for 5 to 3,600 seconds");
        }
        return seconds;
    }

    /**
     * Steps (tests, benchmarks: the same search on any machine) or seconds. With steps the seconds still
     * hold when given, and an hour when not: a search is never left to run on unbounded.
     */
    private static SolveLimit limit(StartForm form, int seconds, Integer steps) {
        if (steps == null) {
            return SolveLimit.seconds(seconds);
        }
        boolean timed = form != null && form.seconds() != null;
        return SolveLimit.steps(steps, java.time.Duration.ofSeconds(timed ? seconds : MAX_SECONDS));
    }

    private static Integer steps(StartForm form) {
        Integer steps = form == null ? null : form.steps();
        if (steps != null && (steps < 1 || steps > 1_000_000)) {
            throw new InvalidInputException("steps", "from 1 to 1,000,000 search steps");
        }
        return steps;
    }

    private static void requireBeforeDeadline(Incident incident, Instant now) {
        if (!incident.deadline().isAfter(now)) {
            // Every delivery would be late: a plan against a passed deadline tells the dispatcher nothing.
            throw new ConflictException("deadline-passed", "the relief deadline of incident " + incident.number()
                    + " passed at " + incident.deadline() + "; set the next deadline on the incident first");
        }
    }

    /** Plans of an incident are numbered one at a time: call with the incident locked. */
    private int nextNumber(Incident incident) {
        Integer last = em.createQuery("select max(p.number) from DispatchPlan p where p.incidentId = :i", Integer.class)
                .setParameter("i", incident.id()).getSingleResult();
        return last == null ? 1 : last + 1;
    }

    /** The solver reads the plan's row: it may only start once this transaction has committed it. */
    private void submitAfterCommit(long id, PlanInputs in, SolveLimit limit) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    runner.submit(id, in, limit);
                }
            }
        });
    }

    public PlanView get(long planId) {
        DispatchPlan p = find(planId);
        return view(p, incidents.visible(p.incidentId(), guard.caller()));
    }

    public List<PlanView> list(long incidentId) {
        Incident incident = incidents.visible(incidentId, guard.caller());
        return em.createQuery("select p from DispatchPlan p where p.incidentId = :i order by p.number desc", DispatchPlan.class)
                .setParameter("i", incident.id()).getResultList().stream().map(p -> view(p, incident)).toList();
    }

    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public PlanView stop(long planId) {
        DispatchPlan p = find(planId);
        Caller caller = guard.caller();
        Incident incident = incidents.runnable(p.incidentId(), caller);
        caller.jurisdiction().requireCovers(DivisionCode.of(p.jurisdiction()), "plan " + p.number());
        if (!p.status().running()) {
            throw new ConflictException("plan-not-running", "plan " + p.number() + " is " + p.status() + ", not solving");
        }
        if (!runner.stop(planId, p.solver())) {
            // Neither this server nor a live member of its cluster solves it (its server restarted or left).
            p.end(PlanStatus.INTERRUPTED, "no solver had it", clock.now());
        }
        incidents.history(incident, "PLAN_STOPPED", "plan " + p.number() + " stopped by the dispatcher", null);
        return view(p, incident);
    }

    /**
     * What approving a revision would change, while it is not approved: dispatch orders replaced (not yet
     * loaded), orders under way that stay, its new trips, and per warehouse and material what the replaced
     * orders hold against what the revision loads there (so what would be issued or returned). Empty for a
     * plan that is not a revision or is no longer approvable.
     */
    public Optional<RevisionChange> revisionChange(long planId) {
        DispatchPlan p = find(planId);
        incidents.visible(p.incidentId(), guard.caller());
        if (p.revisesId() == null || !p.status().approvable() && !p.status().running()) {
            return Optional.empty();
        }
        Revision.Basis basis = JSON.fromJson(p.basis(), Revision.Basis.class);
        Long[] open = basis.openTrips().keySet().stream().map(Long::valueOf).toArray(Long[]::new);
        Map<String, long[]> rows = new TreeMap<>(); // "code/material" -> [held, needed]
        Map<String, String> names = new java.util.HashMap<>();
        if (open.length > 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> held = em.createNativeQuery("select w.code, w.name_zh, l.material_code,"
                            + " sum(d.quantity - d.returned - d.handed_over) from dispatch_load d join stock_lot l on l.id = d.lot_id"
                            + " join warehouse w on w.id = d.warehouse_id join dispatch_trip t on t.id = d.trip_id"
                            + " where d.trip_id = any (?1) and t.status = 'PLANNED' group by w.code, w.name_zh, l.material_code")
                    .setParameter(1, open).getResultList();
            for (Object[] r : held) {
                names.put((String) r[0], (String) r[1]);
                rows.computeIfAbsent(r[0] + "/" + r[2], k -> new long[2])[0] += ((java.math.BigDecimal) r[3]).longValue();
            }
        }
        PlanSolution solution = parse(p);
        for (PlanSolution.Trip t : solution.trips()) {
            if (t.fastTrack()) {
                continue;
            }
            names.put(t.warehouseCode(), t.warehouseName());
            t.stops().forEach(st -> st.lines().forEach(l ->
                    rows.computeIfAbsent(t.warehouseCode() + "/" + l.material(), k -> new long[2])[1] += l.quantity()));
        }
        long underWay = em.createQuery("select count(t) from DispatchTrip t where t.incidentId = :i and (t.status in :road"
                        + " or t.status = :planned and t.allocationId is not null)", Long.class)
                .setParameter("i", p.incidentId()).setParameter("road", List.of(TripStatus.LOADED, TripStatus.DEPARTED))
                .setParameter("planned", TripStatus.PLANNED).getSingleResult();
        List<RevisionChange.StockChange> stock = rows.entrySet().stream().map(e -> {
            String[] k = e.getKey().split("/", 2);
            return RevisionChange.StockChange.of(k[0], names.get(k[0]), k[1], e.getValue()[0], e.getValue()[1]);
        }).filter(c -> c.held() != c.needed()).toList();
        return Optional.of(new RevisionChange(open.length, (int) underWay, solution.trips().size(), stock));
    }

    /** The kept result of a plan: trips and points. Empty lists while no result exists yet. */
    public PlanSolution solution(long planId) {
        DispatchPlan p = find(planId);
        incidents.visible(p.incidentId(), guard.caller());
        return parse(p);
    }

    /** Per demand point: arrival against the deadline, what is missing and why; filtered by status. */
    public Page<PlanSolution.PointResult> deliveries(long planId, String status, PageRequest page) {
        List<PlanSolution.PointResult> all = solution(planId).points().stream()
                .filter(r -> status == null || status.isBlank() || r.status().equalsIgnoreCase(status.trim()))
                .sorted(java.util.Comparator.comparingInt((PlanSolution.PointResult r) -> order(r.status()))
                        .thenComparing(r -> -r.priority()).thenComparing(PlanSolution.PointResult::division))
                .toList();
        int from = Math.min(all.size(), page.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + page.size())), all.size(), page.page(), page.size());
    }

    private static int order(String status) {
        return switch (status) {
            case "UNSERVED" -> 0;
            case "PARTLY" -> 1;
            case "LATE" -> 2;
            default -> 3;
        };
    }

    /** The trips as GeoJSON lines (base, stops, base) and the points coloured by outcome. */
    public String routes(long planId) {
        DispatchPlan p = find(planId);
        incidents.visible(p.incidentId(), guard.caller());
        return p.routes() != null ? p.routes() : RoutesGeoJson.write(parse(p), p.plannedAt());
    }

    /**
     * Approves the plan: in one transaction, ISSUE movements lot by lot for what it loads, a dispatch
     * order per trip, its vehicles ASSIGNED. If stock has moved so that a load can no longer be issued,
     * nothing is written and the conflict names each warehouse, material and quantity.
     */
    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public ApprovalView approve(long planId, Long expectedVersion) {
        InCharge charge = inCharge(planId);
        Caller caller = charge.caller();
        DispatchPlan p = charge.plan();
        Incident incident = charge.incident();
        if (expectedVersion != null && expectedVersion != p.version()) {
            throw new ConflictException("stale", "plan " + p.number() + " changed since you read it (version "
                    + p.version() + ", you had " + expectedVersion + "); reload it");
        }
        if (!p.deadline().isAfter(clock.now())) {
            throw new ConflictException("deadline-passed", "the deadline plan " + p.number() + " was made for ("
                    + p.deadline() + ") has passed; set the next deadline on the incident and plan again");
        }
        em.lock(incident, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE); // one approval per incident at a time
        DispatchPlan revised = p.revisesId() == null ? null : em.find(DispatchPlan.class, p.revisesId());
        Revision.Basis basis = revised == null ? null : JSON.fromJson(p.basis(), Revision.Basis.class);
        List<DispatchTrip> replaced = new ArrayList<>();
        if (revised == null) {
            Long approved = em.createQuery("select count(p) from DispatchPlan p where p.incidentId = :i and p.status = :s", Long.class)
                    .setParameter("i", incident.id()).setParameter("s", PlanStatus.APPROVED).getSingleResult();
            if (approved > 0) {
                throw new ConflictException("plan-already-approved", "incident " + incident.number()
                        + " already has an approved plan; revise it from the situation now and approve the revision");
            }
        } else {
            replaced = replaceable(p, revised, basis);
        }
        PlanSolution solution = parse(p);
        Instant now = clock.now();
        p.approve(caller.username(), now);
        DispatchOrders.Handover handover = orders.handover(replaced.stream().map(DispatchTrip::id).toList());
        List<String> shortages = orders.shortages(solution, now, handover);
        if (!shortages.isEmpty()) {
            throw new ConflictException("stock-moved", "stock has moved since plan " + p.number()
                    + " was made; nothing was issued. Short: " + String.join("; ", shortages) + ". Plan again.");
        }
        java.util.Set<Long> mine = basis == null ? java.util.Set.of() : java.util.Set.copyOf(basis.vehicles());
        java.util.Set<Long> assigned = new java.util.HashSet<>();
        // The plan's vehicles locked in one statement (in id order, as every approval locks them), not one by one.
        Map<String, Vehicle> vehicles = new java.util.HashMap<>();
        List<Long> ids = solution.trips().stream().map(PlanSolution.Trip::vehicleId).distinct().sorted().toList();
        if (!ids.isEmpty()) {
            em.createQuery("select v from Vehicle v where v.id in :ids order by v.id", Vehicle.class)
                    .setParameter("ids", ids).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .getResultList().forEach(v -> vehicles.put(v.registration(), v));
        }
        for (PlanSolution.Trip t : solution.trips()) {
            if (!assigned.add(t.vehicleId())) {
                continue; // a later trip of a vehicle this approval has just assigned
            }
            Vehicle v = vehicles.get(t.registration());
            boolean ours = v != null && v.status() == VehicleStatus.ASSIGNED && mine.contains(t.vehicleId());
            if (v == null || v.status() != VehicleStatus.AVAILABLE && !ours) {
                throw new ConflictException("vehicle-unavailable", "vehicle " + t.registration() + " is no longer"
                        + " available (assigned elsewhere or out of service); nothing was issued. Plan again.");
            }
            if (!ours) {
                v.changeStatus(VehicleStatus.ASSIGNED, null, now);
            }
        }
        if (revised != null) {
            revised.supersede();
            replaced.forEach(t -> t.cancel(now));
            em.flush();
        }
        ApprovalView result = orders.issue(p, incident, solution, caller.username(), now, handover);
        if (revised != null) {
            freeIdle(mine, now);
        }
        String what = result.trips() + " trips, " + result.movements() + " movements"
                + (result.fastTrackOrders().isEmpty() ? "" : ", emergency fast-track orders "
                + String.join(", ", result.fastTrackOrders()))
                + (revised == null ? "" : " (" + result.returns() + " back into stock), revising plan " + revised.number()
                + ": " + replaced.size() + " dispatch orders not yet loaded replaced");
        incidents.history(incident, "PLAN_APPROVED", "plan " + p.number() + ": " + what, null);
        audit.record("PLAN_APPROVED", "relief_plan", String.valueOf(p.id()), "plan " + p.number() + " of "
                + incident.number() + " approved: " + what);
        return result;
    }

    /**
     * The dispatch orders a revision replaces, locked: those not yet loaded when it was made, each still
     * so. A revision made before an order was loaded, or before its plan was replaced, is refused.
     */
    private List<DispatchTrip> replaceable(DispatchPlan revision, DispatchPlan revised, Revision.Basis basis) {
        if (revised.status() != PlanStatus.APPROVED) {
            throw new ConflictException("revision-outdated", "plan " + revision.number() + " revises plan "
                    + revised.number() + ", which is no longer the approved plan; revise the approved plan again");
        }
        List<DispatchTrip> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : basis.openTrips().entrySet()) {
            DispatchTrip t = em.find(DispatchTrip.class, Long.valueOf(e.getKey()), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (t.status() != TripStatus.PLANNED || t.version() != e.getValue()) {
                throw new ConflictException("orders-moved-on", "dispatch order " + t.number() + " is " + t.status()
                        + " since plan " + revision.number() + " was made (it was to be planned again); nothing was"
                        + " written. Revise again.");
            }
            out.add(t);
        }
        return out;
    }

    /** Vehicles a revision no longer uses and that have no order left go back to the available fleet. */
    private void freeIdle(java.util.Set<Long> vehicles, Instant now) {
        for (Long id : vehicles) {
            Long busy = em.createQuery("select count(t) from DispatchTrip t where t.vehicleId = :v and t.status in :s", Long.class)
                    .setParameter("v", id).setParameter("s", List.of(TripStatus.PLANNED, TripStatus.LOADED, TripStatus.DEPARTED))
                    .getSingleResult();
            Vehicle v = em.find(Vehicle.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (busy == 0 && v.status() == VehicleStatus.ASSIGNED) {
                v.changeStatus(VehicleStatus.AVAILABLE, null, now);
            }
        }
    }

    /** Who acts on a plan: a dispatcher who runs its open incident and whose jurisdiction covers the plan's. */
    private record InCharge(Caller caller, DispatchPlan plan, Incident incident) {
    }

    private InCharge inCharge(long planId) {
        Caller caller = guard.caller();
        DispatchPlan p = find(planId);
        Incident incident = incidents.runnable(p.incidentId(), caller);
        incident.requireOpen();
        caller.jurisdiction().requireCovers(DivisionCode.of(p.jurisdiction()), "plan " + p.number());
        return new InCharge(caller, p, incident);
    }

    /**
     * What approval wrote: trips, movements (of which {@code returns} went back into stock, for a revision),
     * and the numbers of the emergency fast-track allocation orders for stock from outside the jurisdiction.
     */
    public record ApprovalView(long planId, int trips, int movements, int returns, List<String> tripNumbers,
                               List<String> fastTrackOrders) {
    }

    private DispatchPlan find(long planId) {
        DispatchPlan p = em.find(DispatchPlan.class, planId);
        if (p == null) {
            throw new NotFoundException("plan", planId);
        }
        return p;
    }

    static PlanSolution parse(DispatchPlan p) {
        return p.solution() == null ? new PlanSolution(List.of(), List.of()) : JSON.fromJson(p.solution(), PlanSolution.class);
    }

    private PlanView view(DispatchPlan p, Incident incident) {
        var live = p.status().running() ? runner.live(p.id()) : java.util.Optional.<PlanRunner.Live>empty();
        List<double[]> progress = live.map(PlanRunner.Live::progress).orElseGet(() -> progress(p.progress()));
        return new PlanView(p.id(), incident.id(), incident.number(), p.number(),
                live.map(l -> l.status().running() ? l.status() : p.status()).orElse(p.status()), p.seconds(), p.steps(),
                p.requestedBy(), p.requestedAt(), p.startedAt(), p.endedAt(), p.deadline(),
                live.map(PlanRunner.Live::affectedPeople).filter(x -> x > 0).orElse(nz(p.affectedPeople())),
                live.map(PlanRunner.Live::peopleInTime).filter(x -> x > 0).orElse(nz(p.peopleInTime())),
                live.map(PlanRunner.Live::bound).filter(x -> x > 0).orElse(nz(p.bound())),
                live.map(PlanRunner.Live::fleetBound).orElse(p.fleetBound()),
                live.map(PlanRunner.Live::scarcityBound).orElse(p.scarcityBound()),
                live.map(PlanRunner.Live::scarcityLimit).orElse(p.scarcityLimit()),
                live.map(PlanRunner.Live::elapsedSeconds).orElse(p.elapsedSeconds() == null ? 0 : p.elapsedSeconds().doubleValue()),
                p.problemSummary(), p.problemFacts() == null ? null : JSON.fromJson(p.problemFacts(), PlanFacts.class),
                p.failure(), p.approvedBy(), p.approvedAt(), p.version(), p.routes() != null, p.revisesId(),
                p.revisesId() == null ? null : em.find(DispatchPlan.class, p.revisesId()).number(), p.transshipment(),
                p.fastTrack(), progress);
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static List<double[]> progress(String json) {
        List<double[]> out = new ArrayList<>();
        if (json == null || json.length() < 3) {
            return out;
        }
        for (String pair : json.substring(2, json.length() - 2).split("\\],\\[")) {
            String[] xy = pair.split(",");
            out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out;
    }

    /** The stock the plan counted on, warehouse by warehouse, for approval to tell what changed. */
    private static String stockSnapshot(PlanInputs in) {
        Map<String, Map<String, Long>> snapshot = new TreeMap<>();
        in.stores().forEach(s -> snapshot.put(s.code(), new TreeMap<>(s.stock())));
        return JSON.toJson(snapshot);
    }
}
