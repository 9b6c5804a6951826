package org.reliefchain.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reliefchain.cluster.DataGrid;
import org.reliefchain.planner.solver.ScarcityBound;
import org.reliefchain.planner.solver.PlanningSession;
import org.reliefchain.planner.solver.SolveLimit;

/**
 * Solves plans in the background, a fixed number at a time ({@code reliefchain.planner.threads}, by
 * default one core less than the machine has, at least one), the others waiting in order. A solve
 * goes on when the browser that asked for it closes. Each improvement is written to the plan at most
 * every {@link #SAVE_EVERY}, whole, so a restart leaves the best plan so far (marked interrupted at
 * the next start).
 */
@Singleton
@Startup
@jakarta.ejb.DependsOn("DatabaseSetup")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PlanRunner {

    private static final System.Logger LOG = System.getLogger(PlanRunner.class.getName());
    static final Duration SAVE_EVERY = Duration.ofSeconds(3);
    /** How long a plan whose search has ended waits for its bounds at most. */
    static final Duration BOUNDS_PATIENCE = Duration.ofMinutes(5);

    /** What the browser polls while a plan solves: more current than the last write. */
    public record Live(PlanStatus status, double elapsedSeconds, long affectedPeople, long peopleInTime, long bound,
                       Long fleetBound, Long scarcityBound, String scarcityLimit, List<double[]> progress) {
    }

    /**
     * The fleet-aware and scarcity bounds ({@code scarcityLimit}: the material that sets the latter, null when
     * the fleet's capacity for all materials does). Null until computed, or when they could not be, so that
     * the plan shows none rather than "at most 0". One value, so that a poll never sees one without the other.
     */
    record Bounds(Long fleet, Long scarcity, String scarcityLimit) {
        static final Bounds NOT_KNOWN = new Bounds(null, null, null);
    }

    private static final class Job {
        final long planId;
        volatile PlanStatus status = PlanStatus.QUEUED;
        volatile boolean stopRequested;
        volatile double elapsed;
        volatile long affected;
        volatile long inTime;
        volatile long bound;
        /** Computed beside the search once the first plan is shown. */
        volatile Bounds bounds = Bounds.NOT_KNOWN;
        /** The plan last saved. */
        volatile org.reliefchain.planner.model.ReliefPlan last;
        final List<double[]> progress = new CopyOnWriteArrayList<>();

        Job(long planId) {
            this.planId = planId;
        }
    }

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private PlanStore store;

    @Inject
    private RoadNetworks roads;

    /** Takes over the plans of a member that left (a proxy: the service also calls this runner). */
    @Inject
    private ReliefPlanService plans;

    private ExecutorService pool;
    /** Computes the bounds of plans beside their search (a thread per plan being solved). */
    private ExecutorService boundsPool;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final String instance = DataGrid.instanceName();
    /** Payara Micro's data grid: null when it runs without one. */
    private DataGrid grid;
    private java.util.UUID stopListener;
    private java.util.UUID memberListener;
    /** Stop requests for a plan solved by another member of the cluster. */
    static final String STOP_TOPIC = "reliefchain.plans.stop";
    private final Jsonb json = JsonbBuilder.create();

    @PostConstruct
    void start() {
        int n = ConfigProvider.getConfig().getOptionalValue("reliefchain.planner.threads", Integer.class)
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        pool = Executors.newFixedThreadPool(Math.max(1, n), threads);
        boundsPool = Executors.newCachedThreadPool(threads);
        int interrupted = store.interruptOf(instance, "the server stopped");
        if (interrupted > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} plan(s) were solving when the server stopped: marked interrupted,"
                    + " their best result so far kept", interrupted);
        }
        grid = DataGrid.find().orElse(null);
        if (grid != null) {
            stopListener = grid.<Long>onMessage(STOP_TOPIC, this::stopHere);
            // on a managed thread: the listener's own thread is Hazelcast's, with no container context
            memberListener = grid.onMemberLeft(name -> boundsPool.execute(() -> memberLeft(name)));
            if (grid.oldest()) {
                // Plans of instances that are gone and did not come back (the cluster restarted with fewer, or
                // without one): nobody else would ever take them up.
                boundsPool.execute(this::takeOverGone);
            }
        }
    }

    @PreDestroy
    void shutdown() {
        if (grid != null) {
            grid.stopListening(memberListener, STOP_TOPIC, stopListener);
        }
        jobs.values().forEach(j -> j.stopRequested = true);
        pool.shutdownNow();
        boundsPool.shutdownNow();
    }

    /** This application server's name, written on the plans it queues. */
    public String instance() {
        return instance;
    }

    /**
     * A member of the cluster left (stopped, killed, cut off): its plans would stay "solving" for ever. The oldest
     * member left takes them over: each is queued here and searched again from the situation now; one that cannot
     * be planned now (its incident closed, its deadline passed...) is marked interrupted with the reason.
     */
    private void memberLeft(String name) {
        if (grid == null || !grid.oldest() || name.equals(instance)) {
            return;
        }
        takeOverGone();
    }

    /**
     * The plans of every instance named on a running plan that is no longer a member: the one that just left, and
     * any other that left with it or while the oldest (that would have taken them) was leaving too.
     */
    private void takeOverGone() {
        store.solversOfRunning().stream().filter(n -> !n.equals(instance) && !grid.isMember(n)).forEach(this::takeOver);
    }

    /** Queues the plans of the gone instance {@code name} here, or marks them interrupted with the reason. */
    private void takeOver(String name) {
        for (long planId : store.runningOn(name)) {
            try {
                plans.takeOver(planId, name);
                LOG.log(System.Logger.Level.WARNING, "{0} left the cluster: plan {1} queued again here", name, planId);
            } catch (RuntimeException e) {
                String why = e instanceof jakarta.ejb.EJBException && e.getCause() != null ? e.getCause().getMessage()
                        : e.getMessage();
                try {
                    store.end(planId, PlanStatus.INTERRUPTED, "its server " + name + " left the cluster and it could"
                            + " not be planned again here: " + why);
                    LOG.log(System.Logger.Level.WARNING, "{0} left the cluster: plan {1} marked interrupted ({2})", name,
                            planId, why);
                } catch (RuntimeException unmarked) {
                    // the database is out of reach: the plan stays as it is, for the next departure or start to take
                    LOG.log(System.Logger.Level.WARNING, "{0} left the cluster: plan {1} neither planned again nor"
                            + " marked ({2})", name, planId, unmarked.getMessage());
                }
            }
        }
    }

    /** Queues a plan; it starts when a solver is free. Call after the plan's row is committed. */
    public void submit(long planId, PlanInputs inputs, SolveLimit limit) {
        Job job = new Job(planId);
        jobs.put(planId, job);
        pool.submit(() -> run(job, inputs, limit));
    }

    /**
     * Asks a queued or solving plan to stop; its best result so far is kept. A plan of another member of the
     * cluster ({@code solver}) is told to stop there.
     *
     * @return false when neither this server nor a member of its cluster has the plan
     */
    public boolean stop(long planId, String solver) {
        if (stopHere(planId)) {
            return true;
        }
        if (grid != null && solver != null && !solver.equals(instance) && grid.isMember(solver)) {
            grid.publish(STOP_TOPIC, planId);
            return true;
        }
        return false;
    }

    private boolean stopHere(long planId) {
        Job job = jobs.get(planId);
        if (job == null) {
            return false;
        }
        job.stopRequested = true;
        return true;
    }

    public Optional<Live> live(long planId) {
        Job j = jobs.get(planId);
        if (j == null) {
            return Optional.empty();
        }
        Bounds b = j.bounds; // read once: the three values belong together
        return Optional.of(new Live(j.status, j.elapsed, j.affected, j.inTime, j.bound, b.fleet(), b.scarcity(),
                b.scarcityLimit(), List.copyOf(j.progress)));
    }

    private void run(Job job, PlanInputs inputs, SolveLimit limit) {
        long t0 = System.nanoTime();
        try {
            if (job.stopRequested) {
                store.end(job.planId, PlanStatus.STOPPED, "stopped before it started");
                return;
            }
            ProblemBuilder.Problem problem = ProblemBuilder.build(inputs, roads.network(), roads.description());
            LOG.log(System.Logger.Level.INFO, "plan {0}: problem built in {1} s: {2}", job.planId,
                    String.format(java.util.Locale.ROOT, "%.1f", elapsed(t0)), problem.summary());
            if (!store.startSolving(job.planId, problem.summary(), json.toJson(problem.facts()))) {
                return;
            }
            job.status = PlanStatus.SOLVING;
            PlanStatus end = solve(job, problem, limit, t0); // a stop asked for meanwhile keeps the first plan
            store.end(job.planId, end, null);
            job.status = end;
            // Drawn once the plan is final, after it is marked so: the figures do not wait for the drawing.
            if (job.last != null) {
                try {
                    PlanSolution last = SolutionReader.read(job.last, problem);
                    String routes = RoutesGeoJson.write(last, inputs.plannedAt(), RoadShapes.draw(last, problem, roads.network()));
                    drawRoutes(job.planId, routes);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "plan " + job.planId + ": routes not drawn along the roads;"
                            + " the map keeps straight legs", e);
                }
            }
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "plan " + job.planId + " failed", e);
            job.status = PlanStatus.FAILED;
            try {
                store.end(job.planId, PlanStatus.FAILED, "the planner failed: " + e);
            } catch (RuntimeException again) {
                LOG.log(System.Logger.Level.ERROR, "cannot record the failure of plan " + job.planId, again);
            }
        } finally {
            // The row has everything once the job has ended; the plan and its matrices must not stay in memory.
            job.last = null;
            jobs.remove(job.planId);
        }
    }

    /** The fleet-aware and scarcity bounds, which the plan is judged by (run beside the search). */
    private static Bounds bounds(ProblemBuilder.Problem problem) {
        ScarcityBound.WithFleet b = ScarcityBound.withFleetBound(problem.plan());
        return new Bounds(b.fleetBound(), b.scarcity().people(),
                ScarcityBound.ALL_BY_WEIGHT.equals(b.scarcity().limitedBy()) ? null : b.scarcity().limitedBy());
    }

    /**
     * The bounds once computed. A failure there must not cost the dispatcher the plan: it is logged and
     * the plan is kept without them (shown as not known).
     */
    private static Bounds outcome(long planId, Future<Bounds> computed) throws InterruptedException {
        try {
            // They take seconds on a province; the wait is bounded only so that a fault there cannot hold the plan.
            return computed.get(BOUNDS_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | CancellationException e) {
            LOG.log(System.Logger.Level.WARNING, "plan " + planId + ": bounds not computed; the plan is kept without them",
                    e.getCause() != null ? e.getCause() : e);
            return Bounds.NOT_KNOWN;
        } catch (TimeoutException e) {
            computed.cancel(true); // frees the plan from the task; the flow computation itself runs to its end
            LOG.log(System.Logger.Level.WARNING, "plan {0}: bounds still not computed after {1}; the plan ends without them",
                    planId, BOUNDS_PATIENCE);
            return Bounds.NOT_KNOWN;
        }
    }

    /** Keeps the bounds being computed ({@code null}: already kept) once they are known. */
    private static void awaitBounds(Job job, Future<Bounds> computed) throws InterruptedException {
        if (computed != null) {
            job.bounds = outcome(job.planId, computed);
        }
    }

    /** A dispatcher may approve the plan while its routes are drawn: the drawing then goes onto the approved row. */
    private void drawRoutes(long planId, String routes) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.drawRoutes(planId, routes);
                return;
            } catch (jakarta.ejb.EJBException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private PlanStatus solve(Job job, ProblemBuilder.Problem problem, SolveLimit limit, long t0) throws Exception {
        PlanningSession session = PlanningSession.start(problem.plan(), limit, problem.startFrom());
        // The first feasible plan is the greedy one the session starts from: kept and shown at once, before
        // the search has improved on it (on a large incident that can take a while).
        org.reliefchain.planner.solver.PlanOutcome first = org.reliefchain.planner.solver.PlanOutcome.of(session.best());
        job.bound = first.bound();
        job.progress.add(new double[] {elapsed(t0), first.servedByDeadline()});
        save(job, problem, session);
        // The bounds the plan is judged by, beside the search: on the demo typhoon they take longer than the
        // first plan itself, which the dispatcher should not wait for, nor for the search's progress meanwhile.
        // The plan ends (done or stopped) once they are known too: they are part of what it is judged by.
        Future<Bounds> bounds = boundsPool.submit(() -> bounds(problem));
        int seen = 0;
        long lastSave = System.nanoTime();
        boolean dirty = false;
        boolean closed = false;
        try {
            while (true) {
                if (bounds != null && bounds.isDone()) {
                    job.bounds = outcome(job.planId, bounds);
                    bounds = null;
                    dirty = true;
                }
                List<PlanningSession.Progress> progress = session.progress();
                for (; seen < progress.size(); seen++) {
                    PlanningSession.Progress p = progress.get(seen);
                    job.inTime = p.servedByDeadline();
                    job.bound = p.bound();
                    job.affected = p.affectedPeople();
                    job.progress.add(new double[] {elapsed(t0), p.servedByDeadline()});
                    dirty = true;
                }
                job.elapsed = elapsed(t0);
                boolean solving = session.solving();
                if (dirty && (!solving || job.stopRequested || System.nanoTime() - lastSave >= SAVE_EVERY.toNanos())) {
                    save(job, problem, session);
                    lastSave = System.nanoTime();
                    dirty = false;
                }
                if (job.stopRequested) {
                    session.close();
                    closed = true;
                    awaitBounds(job, bounds);
                    save(job, problem, session);
                    return PlanStatus.STOPPED;
                }
                if (!solving) {
                    if (session.failure() == null) {
                        awaitBounds(job, bounds);
                    }
                    save(job, problem, session);
                    if (session.failure() != null) {
                        throw new IllegalStateException("solving failed", session.failure());
                    }
                    return PlanStatus.DONE;
                }
                Thread.sleep(250);
            }
        } finally {
            if (bounds != null && !bounds.isDone()) {
                bounds.cancel(true); // the plan failed meanwhile: its bounds are of no use
            }
            if (!closed) {
                session.close();
            }
            LOG.log(System.Logger.Level.INFO, "plan {0}: search ended after {1} s ({2})", job.planId,
                    String.format(java.util.Locale.ROOT, "%.1f", elapsed(t0)), limit.describe());
        }
    }

    private void save(Job job, ProblemBuilder.Problem problem, PlanningSession session) {
        job.last = session.best();
        PlanSolution solution = SolutionReader.read(job.last, problem);
        long inTime = solution.points().stream().filter(p -> p.status().equals("IN_TIME")).mapToLong(PlanSolution.PointResult::people).sum();
        long affected = solution.points().stream().mapToLong(PlanSolution.PointResult::people).sum();
        job.inTime = inTime;
        job.affected = affected;
        long bound = job.bound > 0 ? job.bound : org.reliefchain.planner.solver.PlanOutcome.bound(session.best());
        job.bound = bound;
        StringBuilder progress = new StringBuilder("[");
        for (double[] p : job.progress) {
            progress.append(progress.length() > 1 ? "," : "").append(String.format(java.util.Locale.ROOT, "[%.1f,%d]", p[0], (long) p[1]));
        }
        Bounds bounds = job.bounds;
        store.improve(job.planId, json.toJson(solution), affected, inTime, bound, bounds.fleet(), bounds.scarcity(),
                bounds.scarcityLimit(), job.elapsed, progress.append(']').toString());
    }

    private static double elapsed(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
