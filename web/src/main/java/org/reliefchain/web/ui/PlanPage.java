package org.reliefchain.web.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.reliefchain.dispatch.PlanFacts;
import org.reliefchain.dispatch.PlanSolution;
import org.reliefchain.dispatch.PlanStatus;
import org.reliefchain.dispatch.PlanView;
import org.reliefchain.dispatch.ReliefPlanService;
import org.reliefchain.dispatch.TripService;
import org.reliefchain.dispatch.TripView;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.incident.IncidentView;

/**
 * One relief plan as a dispatcher reviews it: the 10-hour figure against the bounds, progress every
 * second while it solves (with a stop button), the map, trips and points with reasons, a side-by-side
 * comparison with another plan of the incident, and approval (a refusal, such as stock that moved, is a
 * message with a one-click replan). Once approved: its dispatch orders.
 */
@Named
@ViewScoped
public class PlanPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReliefPlanService plans;
    @Inject
    private TripService trips;
    @Inject
    private IncidentService incidents;
    @Inject
    private LocaleSelector locale;
    @Inject
    private org.reliefchain.catalog.CatalogService catalogue;

    /** Material names and units by code, in the user's language, for lines people read. */
    private Map<String, String> materialNames;

    private Long id;
    private PlanView plan;
    private IncidentView incident;
    private PlanSolution solution;
    private List<TripView> orders = List.of();
    private String pointFilter;
    private Long compareWith;
    private boolean approvalRefused;
    private org.reliefchain.dispatch.RevisionChange change;

    public void load() {
        if (id == null) {
            return;
        }
        plan = FacesMessages.attempt(() -> plans.get(id));
        if (plan != null) {
            incident = incidents.get(plan.incidentId());
            if (compareWith == null) {
                compareWith = plan.revisesId(); // a revision is read against the plan it revises
            }
            reloadResult();
        }
    }

    private void reloadResult() {
        solution = plans.solution(id);
        change = plan.revisesId() == null ? null : plans.revisionChange(id).orElse(null);
        orders = plan.status() == PlanStatus.APPROVED || plan.status() == PlanStatus.REVISED
                ? trips.list(plan.incidentId(), null).stream().filter(t -> t.planId() == plan.id()).toList() : List.of();
    }

    /** The poll: fresh figures while solving; the whole result once it has ended. */
    public void poll() {
        boolean wasRunning = plan.status().running();
        plan = plans.get(id);
        if (wasRunning && !plan.status().running() || solution.trips().isEmpty() && plan.version() > 0) {
            reloadResult();
        }
    }

    public void stop() {
        PlanView v = FacesMessages.attempt(() -> plans.stop(id));
        if (v != null) {
            plan = v;
            FacesMessages.info(locale.text("plan.stopping"));
        }
    }

    public void approve() {
        approvalRefused = false;
        ReliefPlanService.ApprovalView a = FacesMessages.attempt(() -> plans.approve(id, plan.version()));
        if (a == null) {
            approvalRefused = true;
            plan = plans.get(id);
            return;
        }
        plan = plans.get(id);
        reloadResult();
        FacesMessages.info((plan.revisesId() == null ? locale.text("plan.approved", a.trips(), a.movements())
                : locale.text("plan.revisionApproved", a.trips(), a.movements() - a.returns(), a.returns()))
                + (a.fastTrackOrders().isEmpty() ? "" : locale.text("plan.fastTrackOrders", String.join("、", a.fastTrackOrders()))));
    }

    /**
     * One click after a refusal: a new plan of the same incident from the situation now, with the same time;
     * for a refused revision, a revision of the plan still being carried out.
     */
    public void replan() throws IOException {
        Long revised = plan.revisesId();
        boolean stillApproved = revised != null && plans.get(revised).status() == PlanStatus.APPROVED;
        ReliefPlanService.StartForm form = new ReliefPlanService.StartForm(plan.seconds(), null, plan.transshipment(),
                plan.fastTrack());
        open(FacesMessages.attempt(() -> stillApproved ? plans.revise(revised, form) : plans.start(plan.incidentId(), form)));
    }

    /** The plan being carried out, revised from the situation now (see ReliefPlanService#revise). */
    public void revise() throws IOException {
        open(FacesMessages.attempt(() -> plans.revise(id, new ReliefPlanService.StartForm(plan.seconds(), null, null, null))));
    }

    private static void open(PlanView next) throws IOException {
        if (next != null) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            ctx.getExternalContext().redirect(ctx.getExternalContext().getRequestContextPath() + "/app/plan.xhtml?id=" + next.id());
        }
    }

    /** "replaces 3 orders not yet loaded, keeps 2 under way, 4 new trips". */
    public String changeOrders() {
        return change == null ? "" : locale.text("plan.change.orders", change.ordersReplaced(), change.ordersUnderWay(),
                change.newTrips());
    }

    public boolean isRevisable() {
        return isRunnable() && plan.status() == PlanStatus.APPROVED;
    }

    // ---- what the page shows ----------------------------------------------------------------------

    public boolean isRunnable() {
        return incident != null && incident.runnable();
    }

    public boolean isRunning() {
        return plan != null && plan.status().running();
    }

    public boolean isApprovable() {
        return isRunnable() && plan.status().approvable() && !solution.trips().isEmpty();
    }

    public String statusLabel(PlanStatus s) {
        return locale.text("plan.status." + s);
    }

    /**
     * Whether the plan has its scarcity bound: computed once the problem is built, so a queued plan, one
     * whose bound could not be computed and one made before the bound existed have none, and must not read
     * "at most 0" (0 itself is a real bound: no stock of a needed material within reach).
     */
    public boolean isScarcityKnown() {
        return plan.scarcityBound() != null;
    }

    public String headline() {
        String key = plan.fleetBound() == null ? "plan.headline.noBounds"
                : isScarcityKnown() ? "plan.headline" : "plan.headline.noScarcity";
        return locale.text(key, String.format(Locale.ROOT, "%,d", plan.peopleInTime()),
                String.format(Locale.ROOT, "%,d", plan.affectedPeople()),
                String.format(Locale.ROOT, "%,d", plan.bound()),
                plan.fleetBound() == null ? "" : String.format(Locale.ROOT, "%,d", plan.fleetBound()),
                hours(plan.deadline()), isScarcityKnown() ? String.format(Locale.ROOT, "%,d", plan.scarcityBound()) : "");
    }

    /**
     * The fleet-aware bound, or while it is computed (just after the first plan is shown) says so; a plan
     * whose bounds could not be computed says they are not known.
     */
    public String fleetBound() {
        if (plan.fleetBound() != null) {
            return String.valueOf(plan.fleetBound());
        }
        return locale.text(isRunning() ? "plan.bound.pending" : "plan.bound.unknown");
    }

    /** What sets the scarcity bound: a material's stock, by name, or the vehicles' capacity. */
    public String scarcityLimit() {
        return plan.scarcityLimit() == null ? locale.text("plan.scarcityLimit.fleet")
                : locale.text("plan.scarcityLimit.stock", material(plan.scarcityLimit()));
    }

    private String hours(Instant deadline) {
        return locale.time(deadline);
    }

    public String percent() {
        return String.format(Locale.ROOT, "%.1f", plan.percentOfBound());
    }

    public String elapsed() {
        return locale.text("plan.elapsedOf", String.format(Locale.ROOT, "%.0f", plan.elapsedSeconds()), plan.seconds());
    }

    /** What the plan was made from, in the user's language. */
    public String facts() {
        PlanFacts f = plan.facts();
        if (f == null) {
            return locale.text("plan.factsPending");
        }
        return locale.text("plan.facts", f.points(), String.format(Locale.ROOT, "%,d", f.people()), f.unreachableByRoad(),
                f.deliveries(), f.warehouses(), f.hubs(), f.trucks(), f.boats(), f.helicopters(), f.roadBlocks(),
                f.laneClosures(), f.noFlyAreas(), locale.text(f.syntheticRoads() ? "plan.roads.synthetic" : "plan.roads.osm"))
                + (f.fastTrackBases() == 0 ? "" : locale.text("plan.factsFastTrack", f.fastTrackBases(), f.fastTrackSources()));
    }

    /** The 10-hour figure over time as SVG polyline points in a 320 x 90 box (the bound is the top). */
    public String chartPoints() {
        List<double[]> p = plan.progress();
        if (p.isEmpty()) {
            return "";
        }
        double now = Math.max(plan.elapsedSeconds(), p.get(p.size() - 1)[0]);
        double tMax = Math.max(1, now);
        double yMax = Math.max(1, plan.bound());
        for (double[] x : p) {
            yMax = Math.max(yMax, x[1]);
        }
        // A step line: each figure holds until the next improvement, the last one until now.
        List<String> out = new ArrayList<>();
        double previous = -1;
        for (double[] x : p) {
            if (previous >= 0) {
                out.add(String.format(Locale.ROOT, "%.1f,%.1f", 320 * x[0] / tMax, 90 - 88 * previous / yMax));
            }
            out.add(String.format(Locale.ROOT, "%.1f,%.1f", 320 * x[0] / tMax, 90 - 88 * x[1] / yMax));
            previous = x[1];
        }
        out.add(String.format(Locale.ROOT, "%.1f,%.1f", 320.0, 90 - 88 * previous / yMax));
        return String.join(" ", out);
    }

    public String time(Instant t) {
        return t == null ? "" : locale.time(t);
    }

    public String at(long secondsFromPlanning) {
        return secondsFromPlanning < 0 || plan.startedAt() == null ? "" : locale.time(planStart().plusSeconds(secondsFromPlanning));
    }

    private Instant planStart() {
        return plan.requestedAt();
    }

    public boolean lateAt(long secondsFromPlanning) {
        return secondsFromPlanning >= 0 && planStart().plusSeconds(secondsFromPlanning).isAfter(plan.deadline());
    }

    public String modeLabel(String mode) {
        return locale.text("plan.mode." + mode);
    }

    public String pointStatusLabel(String status) {
        return locale.text("plan.point." + status);
    }

    /** The reason's kind (before the colon) in the user's language; the detail after it is the API's, in English. */
    public String reasonLabel(String reason) {
        if (reason == null) {
            return "";
        }
        int colon = reason.indexOf(':');
        return locale.text("plan.reason." + (colon < 0 ? reason : reason.substring(0, colon)));
    }

    public String lines(List<PlanSolution.Line> lines) {
        return lines.stream().map(l -> material(l.material()) + " " + l.quantity()).collect(Collectors.joining("，"));
    }

    /** "瓶装饮用水(550毫升×24)(箱)": the name and unit a person knows, not the catalogue code. */
    public String material(String code) {
        if (materialNames == null) {
            materialNames = new HashMap<>();
            for (var m : catalogue.list(null, null, org.reliefchain.platform.PageRequest.of(0, 500)).items()) {
                materialNames.put(m.code(), locale.isEnglish() ? m.nameEn() + " (" + m.unitEn() + ")"
                        : m.nameZh() + "（" + m.unitZh() + "）");
            }
        }
        return materialNames.getOrDefault(code, code);
    }

    public String stopNames(PlanSolution.Trip t) {
        return t.stops().stream().map(PlanSolution.Stop::name).collect(Collectors.joining(" → "));
    }

    public String load(PlanSolution.Trip t) {
        Map<String, Long> total = new java.util.TreeMap<>();
        t.stops().forEach(s -> s.lines().forEach(l -> total.merge(l.material(), l.quantity(), Long::sum)));
        return total.entrySet().stream().map(e -> material(e.getKey()) + " " + e.getValue()).collect(Collectors.joining("，"));
    }

    public List<PlanSolution.PointResult> getPoints() {
        return solution.points().stream()
                .filter(p -> pointFilter == null || pointFilter.isBlank() || p.status().equals(pointFilter))
                .sorted(java.util.Comparator.comparingInt((PlanSolution.PointResult p) -> order(p.status()))
                        .thenComparing(p -> -p.priority()).thenComparing(PlanSolution.PointResult::name))
                .toList();
    }

    private static int order(String status) {
        return switch (status) {
            case "UNSERVED" -> 0;
            case "PARTLY" -> 1;
            case "LATE" -> 2;
            default -> 3;
        };
    }

    public long count(String status) {
        return solution.points().stream().filter(p -> p.status().equals(status)).count();
    }

    // ---- comparison ------------------------------------------------------------------------------

    public List<PlanView> getOthers() {
        return plans.list(plan.incidentId()).stream().filter(p -> p.id() != plan.id()).toList();
    }

    public PlanView getOther() {
        return compareWith == null ? null : FacesMessages.attempt(() -> plans.get(compareWith));
    }

    /** One row of the comparison: a figure of this plan and of the other. */
    public record Difference(String label, String here, String there) {
    }

    public List<Difference> getDifferences() {
        PlanView other = getOther();
        if (other == null) {
            return List.of();
        }
        PlanSolution theirs = plans.solution(other.id());
        List<Difference> out = new ArrayList<>();
        out.add(new Difference(locale.text("plan.peopleInTime"), fmt(plan.peopleInTime()), fmt(other.peopleInTime())));
        out.add(new Difference(locale.text("plan.affected"), fmt(plan.affectedPeople()), fmt(other.affectedPeople())));
        out.add(new Difference(locale.text("plan.bound"), fmt(plan.bound()), fmt(other.bound())));
        out.add(new Difference(locale.text("plan.trips"), fmt(solution.trips().size()), fmt(theirs.trips().size())));
        out.add(new Difference(locale.text("plan.vehicles"), fmt(vehicles(solution)), fmt(vehicles(theirs))));
        for (String s : List.of("IN_TIME", "LATE", "PARTLY", "UNSERVED")) {
            out.add(new Difference(pointStatusLabel(s), fmt(solution.points().stream().filter(p -> p.status().equals(s)).count()),
                    fmt(theirs.points().stream().filter(p -> p.status().equals(s)).count())));
        }
        Map<String, String> there = new HashMap<>();
        theirs.points().forEach(p -> there.put(p.division(), p.status()));
        solution.points().stream().filter(p -> there.containsKey(p.division()) && !there.get(p.division()).equals(p.status()))
                .limit(50).forEach(p -> out.add(new Difference(p.name(), pointStatusLabel(p.status()),
                        pointStatusLabel(there.get(p.division())))));
        return out;
    }

    private static long vehicles(PlanSolution s) {
        return s.trips().stream().map(PlanSolution.Trip::vehicleId).distinct().count();
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public PlanView getPlan() { return plan; }
    public IncidentView getIncident() { return incident; }
    public PlanSolution getSolution() { return solution; }
    public List<TripView> getOrders() { return orders; }
    public String getPointFilter() { return pointFilter; }
    public void setPointFilter(String pointFilter) { this.pointFilter = pointFilter; }
    public Long getCompareWith() { return compareWith; }
    public void setCompareWith(Long compareWith) { this.compareWith = compareWith; }
    public boolean isApprovalRefused() { return approvalRefused; }
    public org.reliefchain.dispatch.RevisionChange getChange() { return change; }
}
