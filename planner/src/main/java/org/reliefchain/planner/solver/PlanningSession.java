package org.reliefchain.planner.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * A plan being solved in the background while the situation changes: each new best plan is kept with
 * its score and 10-hour figure (the progress a dispatcher watches), and changes reach the running
 * solver as problem changes: an area closed to a mode, demand changed, a vehicle taken out, stock
 * added. After a change the solver continues from its best plan, adjusted. New demand restarts the
 * solver from its best plan (see {@link #addDemand}).
 *
 * <p>Closing an area takes the mode away from the demand points inside it; with straight-line travel
 * it cannot also reroute vehicles that pass through the area (that needs the road network).
 */
public final class PlanningSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PlanningSession.class.getName());

    /** One improvement: when (seconds since start), the score and what it means for people. */
    public record Progress(double seconds, HardMediumSoftLongScore score, long servedByDeadline, long bound,
                           long affectedPeople) {
    }

    private final SolverManager<ReliefPlan, String> manager;
    private volatile SolverJob<ReliefPlan, String> job;
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private final long start = System.nanoTime();
    private volatile ReliefPlan best;
    /** The physical bound of the current problem; -1 until computed or after a change. */
    private volatile long bound = -1;
    private volatile Throwable failure;
    private final java.util.concurrent.atomic.AtomicInteger progressFailures = new java.util.concurrent.atomic.AtomicInteger();
    /** Set while this session stops its own solver (closing, restarting with new demand). */
    private volatile boolean stopping;

    private PlanningSession(ReliefPlan plan, SolveLimit limit, Map<String, List<String>> startFrom) {
        GreedyInitializer.initialize(plan, startFrom);
        best = plan;
        manager = ReliefSolver.manager(limit);
        job = manager.solveAndListen(plan.getName(), id -> plan, this::improved, this::failed);
    }

    /** Builds the first plan and starts solving it for at most {@code limit}. */
    public static PlanningSession start(ReliefPlan plan, Duration limit) {
        return new PlanningSession(plan, new SolveLimit.Time(limit), Map.of());
    }

    /** Builds the first plan and starts solving it until {@code limit}. */
    public static PlanningSession start(ReliefPlan plan, SolveLimit limit) {
        return new PlanningSession(plan, limit, Map.of());
    }

    /**
     * Starts from a given plan (vehicle id to its deliveries' ids, in order; see
     * {@link GreedyInitializer#initialize(ReliefPlan, Map)}), the rest placed greedily, and solves until {@code limit}.
     */
    public static PlanningSession start(ReliefPlan plan, SolveLimit limit, Map<String, List<String>> startFrom) {
        return new PlanningSession(plan, limit, startFrom);
    }

    /**
     * Keeps a new best plan and its progress line. Never throws: OptaPlanner 10.2 releases its consumer
     * only when this returns normally, so one exception here would stop every later best plan from
     * arriving and make the job wait for ever at its end (seen: a session that could not be closed).
     */
    private void improved(ReliefPlan plan) {
        best = plan;
        try {
            // The bound depends on the problem only: computed again after a change, not at every new best plan.
            long b = bound;
            if (b < 0) {
                b = PlanOutcome.bound(plan);
                bound = b;
            }
            PlanOutcome o = PlanOutcome.of(plan, b);
            progress.add(new Progress((System.nanoTime() - start) / 1e9, plan.getScore(), o.servedByDeadline(),
                    o.bound(), o.affectedPeople()));
        } catch (RuntimeException e) {
            progressFailures.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "the progress of a new best plan of " + plan.getName()
                    + " could not be computed; the plan is kept", e);
        }
    }

    /** How many new best plans came without their progress line (see {@link #improved}); tests expect none. */
    public int progressFailures() {
        return progressFailures.get();
    }

    /**
     * OptaPlanner 10.2's solver job, when its solver (re)starts, releases a lock if anyone holds it; when
     * {@code terminateEarly()}, which holds it, runs just as the solver restarts after a problem change,
     * the solver thread fails with {@link IllegalMonitorStateException}. When this session is stopping
     * the solver anyway, that failure is expected: {@link #stop} keeps the last best plan instead.
     */
    private void failed(String id, Throwable t) {
        if (stopping && t instanceof IllegalMonitorStateException) {
            LOG.log(System.Logger.Level.DEBUG, "solver of {0} stopped while restarting after a change", id);
            return;
        }
        failure = t;
        LOG.log(System.Logger.Level.ERROR, "solving " + id + " failed", t);
    }

    /** Stops the solver; its final best plan, or the last best plan seen if it failed while stopping. */
    private ReliefPlan stop() throws Exception {
        stopping = true;
        try {
            terminate(job);
            return job.getFinalBestSolution();
        } catch (ExecutionException e) {
            if (rootCause(e) instanceof IllegalMonitorStateException) {
                return best;
            }
            throw e;
        } finally {
            stopping = false;
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Why solving stopped, if it failed; {@code null} otherwise. */
    public Throwable failure() {
        return failure;
    }

    public ReliefPlan best() {
        return best;
    }

    public List<Progress> progress() {
        return List.copyOf(progress);
    }

    public boolean solving() {
        return job.getSolverStatus() != org.optaplanner.core.api.solver.SolverStatus.NOT_SOLVING;
    }

    /** Waits for the end of solving; the final best plan. */
    public ReliefPlan finish() throws Exception {
        return job.getFinalBestSolution();
    }

    /** Points inside the area can no longer be reached by these modes (a road flooded, a lane closed). */
    public CompletableFuture<Void> closeArea(Predicate<Location> inside, Set<Mode> closed) {
        return change((plan, director) -> {
            for (Visit v : plan.getVisits()) {
                DemandPoint p = v.getPoint();
                if (inside.test(p.location()) && p.modes().stream().anyMatch(closed::contains)) {
                    EnumSet<Mode> left = EnumSet.noneOf(Mode.class);
                    left.addAll(p.modes());
                    left.removeAll(closed);
                    DemandPoint now = new DemandPoint(p.id(), p.name(), p.location(), p.population(),
                            Math.max(p.priority(), 2), left);
                    director.changeProblemProperty(v, x -> x.setPoint(now));
                }
            }
        });
    }

    /**
     * New deliveries (a shelter opened, a village reported). They join the plan unassigned; the solver
     * is stopped and restarted from its best plan with them, because OptaPlanner 10 cannot grow a list
     * variable's value range inside a problem change.
     */
    public synchronized void addDemand(List<Visit> deliveries) throws Exception {
        ReliefPlan plan = stop();
        Vehicle bucket = bucket(plan);
        List<Visit> all = new ArrayList<>(plan.getVisits());
        all.addAll(deliveries);
        bucket.getVisits().addAll(deliveries);
        ReliefPlan grown = new ReliefPlan(plan.getName(), plan.getTimeUnitsPerMinute(), plan.getDepots(),
                plan.getVehicles(), all);
        grown.getVehicles().forEach(org.reliefchain.planner.model.ScheduleListener::refresh);
        best = grown;
        bound = -1;
        job = manager.solveAndListen(grown.getName(), id -> grown, this::improved, this::failed);
    }

    /** A delivery's quantity changes (more people counted, say). */
    public CompletableFuture<Void> changeDemand(String deliveryId, long quantity) {
        return change((plan, director) -> plan.getVisits().stream().filter(v -> v.getId().equals(deliveryId)).findFirst()
                .ifPresent(v -> director.changeProblemProperty(v, x -> x.changeQuantity(quantity))));
    }

    /** A vehicle breaks down or is called away: what it carried is replanned onto other vehicles. */
    public CompletableFuture<Void> removeVehicle(String vehicleId) {
        return change((plan, director) -> plan.getVehicles().stream()
                .filter(v -> v.getId().equals(vehicleId) && v.isReal()).findFirst()
                .ifPresent(v -> director.changeProblemProperty(v, Vehicle::withdraw)));
    }

    /** Stock arrives at a depot (an enterprise delivers, materials are requisitioned). */
    public CompletableFuture<Void> addStock(String depotId, String material, long quantity) {
        return change((plan, director) -> plan.getDepots().stream().filter(d -> d.id().equals(depotId)).findFirst()
                .ifPresent(d -> director.changeProblemProperty(d, (Depot x) -> x.addStock(material, quantity))));
    }

    private CompletableFuture<Void> change(ProblemChange<ReliefPlan> change) {
        return job.addProblemChange(change).thenRun(() -> bound = -1);
    }

    private static Vehicle bucket(ReliefPlan plan) {
        return plan.getVehicles().stream().filter(Vehicle::isBucket).findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan has no unassigned bucket"));
    }

    @Override
    public void close() {
        stopping = true;
        try {
            terminate(job);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing a planning session", e);
        } finally {
            manager.close();
        }
    }

    /** How long stopping the solver may take before the session gives up on it. */
    private static final long STOP_SECONDS = 60;

    /**
     * Stops a job, waiting at most {@link #STOP_SECONDS}. {@code terminateEarly()} waits until the job has
     * ended, and in OptaPlanner 10.2 a job can fail to end (a stop lost in a restart after a problem
     * change; a best-plan consumer that never returned): a stuck solver must not hang its caller.
     */
    private static void terminate(SolverJob<ReliefPlan, String> job) throws Exception {
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(job::terminateEarly);
        try {
            stopped.get(STOP_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the solver did not stop within " + STOP_SECONDS + " s", e);
        }
    }
}
