package org.reliefchain.web.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Relief planning in the application, end to end on the demo typhoon (see web/bench dispatch and
 * docs/performance.md). Not a test: a program that prints numbers. In one run:
 *
 * <ol>
 *   <li>The demo incident's relief deadline is moved to ten hours from now when it is not (the demo
 *       replays 2019, so on a fresh database it has passed), with a reason, as a dispatcher would.</li>
 *   <li>Warm-up: a short plan, waited for to the end, so that the province road network is loaded (the
 *       first plan of a server builds or reads it); it is left unapproved.</li>
 *   <li>Stock pages as a warehouse manager, a few clients for a while, with nothing solving (idle).</li>
 *   <li>The plan: seconds from {@code POST /api/incidents/{id}/plans} (the problem is built from the
 *       database inside that request) to the first feasible plan the server shows; the same stock pages
 *       again while it solves; its 10-hour figure (people reached within the deadline) against the
 *       physical bound when it is done.</li>
 *   <li>Approval, timed: movements written per second, against pgbench's TPC-B-like transactions per
 *       second on the same PostgreSQL right after.</li>
 *   <li>Consistency, read from the database: see {@link ApprovalCheck}.</li>
 * </ol>
 *
 * <p>Approving writes to the database it runs against (ISSUE movements, dispatch orders, vehicles
 * assigned) and an incident takes one approved plan only: run it once on a fresh demo instance.
 */
public final class DispatchBench {

    private final Planning planning;
    private final BenchApi dispatcher;
    private final BenchApi manager;
    private final Map<String, String> env;

    private DispatchBench(BenchApi dispatcher, BenchApi manager, Map<String, String> env) {
        this.planning = new Planning(dispatcher, "dispatch");
        this.dispatcher = dispatcher;
        this.manager = manager;
        this.env = env;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        URI base = URI.create(env.getOrDefault("BASE_URL", "http://localhost:8080").replaceAll("/+$", "") + "/");
        String password = env.getOrDefault("BENCH_PASSWORD", "demo123");
        DispatchBench bench = new DispatchBench(new BenchApi(base, env.getOrDefault("BENCH_DISPATCHER", "dispatcher"), password),
                new BenchApi(base, env.getOrDefault("BENCH_USER", "province.manager"), password), env);
        try {
            System.exit(bench.run(base) ? 0 : 1);
        } catch (IllegalStateException e) {
            // A refusal or a precondition, said in words; a stack trace would add nothing.
            System.err.println("dispatch: " + e.getMessage());
            System.exit(2);
        }
    }

    private int setting(String name, int fallback) {
        return Planning.setting(env, name, fallback);
    }

    private boolean run(URI base) throws Exception {
        int planSeconds = setting("BENCH_PLAN_SECONDS", 60);
        int warmUpSeconds = setting("BENCH_WARMUP_SECONDS", 5);
        int clients = setting("BENCH_CLIENTS", 4);
        int probeSeconds = setting("BENCH_PROBE_SECONDS", 30);
        int thinkMillis = setting("BENCH_THINK_MS", 100);
        int pgbenchClients = setting("BENCH_PGBENCH_CLIENTS", 32);
        int pgbenchSeconds = setting("BENCH_PGBENCH_SECONDS", 60);
        Db db = Db.fromEnvironment(env);
        log("against %s: plans as %s, stock pages as %s; database %s:%d/%s", base, dispatcher.user(), manager.user(),
                db.host(), db.port(), db.database());

        JsonNode incident = planning.incident(env.getOrDefault("BENCH_INCIDENT", "INC-DEMO-0001"));
        long incidentId = incident.get("id").asLong();
        planning.requireNothingApprovedOrRunning(incidentId);

        // Warm-up: the first plan of a server loads the road network (and builds it on a new data folder).
        planning.deadlineTenHoursAhead(incidentId);
        long warm = planning.startPlan(incidentId, "{\"seconds\":" + warmUpSeconds + "}", "for " + warmUpSeconds + " s");
        JsonNode warmed = planning.untilEnded(warm, Duration.ofMinutes(20));
        log("warm-up plan %d: %s %.1f s after its solve job started (road network loaded); left unapproved",
                warmed.get("number").asInt(), warmed.get("status").asText(), warmed.get("elapsedSeconds").asDouble());
        // Drawing the routes still holds the solver thread: the measured plan would queue behind it.
        planning.untilRoutesDrawn(warm);

        LatencyProbe probe = new LatencyProbe(manager, stockPages(incident), clients, thinkMillis);
        probe.warmUp();
        log("idle: %d clients on the stock pages for %d s (%d ms between a client's requests) ...", clients,
                probeSeconds, thinkMillis);
        LatencyProbe.Latencies idle = probe.measure(probeSeconds);
        log("idle: %s", idle.describe());

        // The measured plan.
        planning.deadlineTenHoursAhead(incidentId);
        long t0 = System.nanoTime();
        long planId = planning.startPlan(incidentId, "{\"seconds\":" + planSeconds + "}", "for " + planSeconds + " s");
        double posted = Planning.seconds(t0);
        JsonNode first = planning.untilFirstFeasible(planId);
        double firstPlan = Planning.seconds(t0);
        JsonNode progress = first.get("progress");
        // The first progress point is the greedy plan, kept before its figures reach the plan's fields.
        log("first feasible plan after %.1f s: %s people in time (bound %d); of that, the request (inputs read from"
                        + " the database) %.1f s, building the problem (travel matrices) %.1f s, the first plan %s s after"
                        + " the solve job started", firstPlan,
                progress.isEmpty() ? first.get("peopleInTime").asText() : String.valueOf(progress.get(0).get(1).asLong()),
                first.get("bound").asLong(), posted, Planning.between(first.path("requestedAt"), first.path("startedAt")),
                progress.isEmpty() ? "?" : String.format(Locale.ROOT, "%.1f", progress.get(0).get(0).asDouble()));
        log("plan %d: %s", first.get("number").asInt(), first.path("summary").asText(""));

        log("solving: the same %d clients on the stock pages for %d s ...", clients, probeSeconds);
        LatencyProbe.Latencies solving = probe.measure(probeSeconds);
        String after = dispatcher.get("api/plans/" + planId).get("status").asText();
        log("solving: %s%s", solving.describe(), after.equals("SOLVING") ? ""
                : " (WARNING: the plan was " + after + " when the window closed; part of it was not while solving)");

        JsonNode done = planning.untilEnded(planId, Duration.ofSeconds(planSeconds + 600L));
        long inTime = done.get("peopleInTime").asLong();
        long bound = done.get("bound").asLong();
        double figure = bound == 0 ? 0 : 100.0 * inTime / bound;
        log("plan %d %s %.1f s after its solve job started (building the problem included): %d of %d affected"
                        + " people reached within the deadline, bound %d,"
                        + " fleet-aware bound %s: %.2f%% of the bound; scarcity bound %s (set by %s): %s of it",
                done.get("number").asInt(), done.get("status").asText(),
                done.get("elapsedSeconds").asDouble(), inTime, done.get("affectedPeople").asLong(), bound,
                Planning.known(done.path("fleetBound")), figure, Planning.known(done.path("scarcityBound")),
                done.path("scarcityLimit").isTextual() ? done.path("scarcityLimit").asText() : "the fleet's capacity",
                done.path("scarcityBound").isNumber() ? String.format(java.util.Locale.ROOT, "%.1f%%",
                        100.0 * inTime / Math.max(1, done.path("scarcityBound").asLong())) : "not known");
        log("points: %s", Planning.outcomes(planning.points(planId, null)));
        if (!done.get("status").asText().equals("DONE")) {
            throw new IllegalStateException("plan " + planId + " ended " + done.get("status").asText() + ": "
                    + done.path("failure").asText(""));
        }
        // Approving while the routes are drawn would time the drawing's CPU as well as the approval.
        JsonNode approvable = planning.untilRoutesDrawn(planId);

        long a0 = System.nanoTime();
        BenchApi.Reply reply = dispatcher.post("api/plans/" + planId + "/approve",
                "{\"version\":" + approvable.get("version").asLong() + "}");
        double approvalSeconds = Planning.seconds(a0);
        JsonNode approval = BenchApi.expect(200, "approving plan " + planId, reply);
        int movements = approval.get("movements").asInt();
        // Movements back into stock (a revision's leftovers) are counted in movements too; none on a first approval.
        int returns = approval.path("returns").asInt(0);
        int trips = approval.get("trips").asInt();
        double movementsPerSecond = movements / approvalSeconds;
        log("approved in %.2f s: %d trips, %d ISSUE movements: %.0f movements/s", approvalSeconds, trips, movements,
                movementsPerSecond);

        double tps;
        double tpsOneClient;
        try (PgBench pgbench = PgBench.init(db, Math.max(pgbenchClients, 10))) {
            log("pgbench TPC-B-like, %d clients, %d s ...", pgbenchClients, pgbenchSeconds);
            tps = pgbench.tps(pgbenchClients, pgbenchSeconds);
            // Approval is one transaction on one connection: the one-client figure is its like for like.
            tpsOneClient = pgbench.tps(1, Math.max(10, pgbenchSeconds / 3));
        }
        double ratio = movementsPerSecond / tps;
        log("pgbench: %.0f tps with %d clients (ratio %.2f), %.0f tps with one client (ratio %.2f)", tps, pgbenchClients,
                ratio, tpsOneClient, movementsPerSecond / tpsOneClient);

        ApprovalCheck.Result check = ApprovalCheck.of(db, planId, movements - returns, returns, trips);
        log("consistency: %s", check.describe());

        double p99Solving = solving.percentile(99);
        double p99Idle = idle.percentile(99);
        System.out.printf(Locale.ROOT, "dispatch: first plan %.1f s, 10-hour figure %.1f%% of bound at %d s, approval %.0f"
                        + " movements/s (ratio %.2f to pgbench), API p99 while solving %.0f ms (%.1f x idle), consistency %s%n",
                firstPlan, figure, planSeconds, movementsPerSecond, ratio, p99Solving, p99Solving / p99Idle,
                check.ok() ? "OK" : "FAILED");
        return check.ok();
    }

    /**
     * What a warehouse manager looks at during a typhoon: stock on hand, one relief material, the
     * struck county, what expires soon.
     */
    private static List<String> stockPages(JsonNode incident) {
        String county = incident.get("affectedDivisions").get(0).asText();
        return List.of("api/stock/balances?size=25", "api/stock/balances?material=QUILT-COTTON&size=25",
                "api/stock/balances?division=" + county + "&size=25", "api/stock/balances?expiringWithinDays=90&size=25");
    }

    private void log(String format, Object... args) {
        planning.log(format, args);
    }
}
