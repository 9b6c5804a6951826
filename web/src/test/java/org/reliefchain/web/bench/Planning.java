package org.reliefchain.web.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The relief-planning calls the benchmarks on the demo typhoon share (web/bench dispatch and
 * transshipment), as one dispatcher: the incident, its deadline, starting a plan and waiting for it,
 * and what its points came to. Refusals end the benchmark ({@link IllegalStateException}, said in words).
 */
final class Planning {

    static final Set<String> RUNNING = Set.of("QUEUED", "SOLVING");
    private static final Duration POLL = Duration.ofMillis(200);
    /** A plan whose truck legs are not drawn along the roads by then is taken as it is. */
    private static final Duration ROUTES_PATIENCE = Duration.ofMinutes(3);

    private final BenchApi dispatcher;
    private final String bench;
    private final long started = System.nanoTime();

    /** {@code bench} names the benchmark in the reason it gives for moving the deadline. */
    Planning(BenchApi dispatcher, String bench) {
        this.dispatcher = dispatcher;
        this.bench = bench;
    }

    BenchApi dispatcher() {
        return dispatcher;
    }

    /** The incident by number, as the dispatcher sees it; they must be able to run it. */
    JsonNode incident(String number) throws Exception {
        for (JsonNode i : dispatcher.get("api/incidents?size=500").get("items")) {
            if (i.get("number").asText().equals(number)) {
                log("incident %s %s (%s, %s), affected %s, deadline %s", number, i.get("name").asText(),
                        i.get("kind").asText(), i.get("status").asText(), i.get("affectedDivisions"), i.get("deadline").asText());
                if (!i.get("runnable").asBoolean()) {
                    throw new IllegalStateException(dispatcher.user() + " cannot run incident " + number
                            + " (set BENCH_DISPATCHER to a dispatcher above its owner division)");
                }
                return i;
            }
        }
        throw new IllegalStateException("no incident " + number + " visible to " + dispatcher.user()
                + " (is it the demo database? BENCH_INCIDENT names another one)");
    }

    /**
     * An approved plan has issued stock and assigned vehicles (and an incident takes one), and a plan
     * already solving would make ours queue: either way the numbers would not be the demo's.
     */
    void requireNothingApprovedOrRunning(long incidentId) throws Exception {
        for (JsonNode p : dispatcher.get("api/incidents/" + incidentId + "/plans")) {
            String status = p.get("status").asText();
            if (status.equals("APPROVED")) {
                throw new IllegalStateException("plan " + p.get("number").asInt() + " of this incident is already approved"
                        + " (an earlier run?): run on a fresh demo database");
            }
            if (RUNNING.contains(status)) {
                throw new IllegalStateException("plan " + p.get("number").asInt() + " is " + status
                        + ": wait for it or stop it first, or the benchmark's plan would queue behind it");
            }
        }
    }

    /**
     * The 10-hour figure counts people reached by the deadline from the moment of planning: the deadline
     * must be ten hours ahead (give or take a few minutes), and approval refuses a passed one.
     */
    void deadlineTenHoursAhead(long incidentId) throws Exception {
        JsonNode i = dispatcher.get("api/incidents/" + incidentId);
        Instant deadline = Instant.parse(i.get("deadline").asText());
        Instant now = Instant.now();
        Duration ahead = Duration.between(now, deadline);
        if (ahead.compareTo(Duration.ofMinutes(590)) >= 0 && ahead.compareTo(Duration.ofMinutes(610)) <= 0) {
            return;
        }
        Instant next = now.plus(Duration.ofHours(10)).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        BenchApi.expect(200, "moving the deadline", dispatcher.patch("api/incidents/" + incidentId, "{\"deadline\":\""
                + next + "\",\"reason\":\"基准测试：下一救助时限为十小时后 (web/bench " + bench + ")\",\"version\":"
                + i.get("version").asLong() + "}"));
        log("relief deadline moved from %s (%s) to %s", deadline,
                ahead.isNegative() ? "passed" : String.format(Locale.ROOT, "%.1f h ahead", ahead.toMinutes() / 60.0), next);
    }

    /** Starts a plan with the request's JSON body; {@code what} says it in the log ("for 60 s"). */
    long startPlan(long incidentId, String body, String what) throws Exception {
        JsonNode plan = BenchApi.expect(201, "starting a plan " + body,
                dispatcher.post("api/incidents/" + incidentId + "/plans", body));
        log("plan %d (id %d) requested %s: %s", plan.get("number").asInt(), plan.get("id").asLong(), what,
                plan.get("status").asText());
        return plan.get("id").asLong();
    }

    /** Polls until the server shows a plan: people in time, or a kept result on the progress line. */
    JsonNode untilFirstFeasible(long planId) throws Exception {
        while (true) {
            JsonNode plan = dispatcher.get("api/plans/" + planId);
            if (plan.get("peopleInTime").asLong() > 0 || !plan.get("progress").isEmpty()) {
                return plan;
            }
            if (!RUNNING.contains(plan.get("status").asText())) {
                throw new IllegalStateException("plan " + planId + " ended " + plan.get("status").asText()
                        + " without a plan: " + plan.path("failure").asText(""));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    JsonNode untilEnded(long planId, Duration patience) throws Exception {
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            JsonNode plan = dispatcher.get("api/plans/" + planId);
            if (!RUNNING.contains(plan.get("status").asText())) {
                if (plan.get("status").asText().equals("FAILED")) {
                    throw new IllegalStateException("plan " + planId + " failed: " + plan.path("failure").asText(""));
                }
                return plan;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("plan " + planId + " still running after " + patience.toMinutes() + " minutes");
    }

    /**
     * Drawing a finished plan's routes along the roads still holds the solver thread: a plan started
     * before that ends would queue behind it, and approving would time the drawing too.
     */
    JsonNode untilRoutesDrawn(long planId) throws Exception {
        long end = System.nanoTime() + ROUTES_PATIENCE.toNanos();
        while (true) {
            JsonNode plan = dispatcher.get("api/plans/" + planId);
            if (plan.get("roadRoutes").asBoolean()) {
                return plan;
            }
            if (System.nanoTime() > end) {
                log("WARNING: plan %d's routes are not drawn along the roads after %d minutes; going on", planId,
                        ROUTES_PATIENCE.toMinutes());
                return plan;
            }
            Thread.sleep(1000);
        }
    }

    /** The plan's demand points ({@code GET /api/plans/{id}/deliveries}, every page), of one status or all (null). */
    List<JsonNode> points(long planId, String status) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode points = dispatcher.get("api/plans/" + planId + "/deliveries?size=500&page=" + page
                    + (status == null ? "" : "&status=" + status));
            points.get("items").forEach(all::add);
            if ((page + 1) * 500L >= points.get("total").asLong()) {
                return all;
            }
        }
    }

    /** The reason's code (NO_MODE, NO_STOCK, DEADLINE, NO_VEHICLE), or "" for a point served in time. */
    static String reason(JsonNode point) {
        return point.path("reason").asText("").split(":")[0];
    }

    /** Demand points by outcome and, when not in time, the planner's reason: what the figure is made of. */
    /** A bound as the plan gives it: null while computed or when it could not be. */
    static String known(JsonNode bound) {
        return bound.isNumber() ? String.valueOf(bound.asLong()) : "not known";
    }

    static String outcomes(List<JsonNode> points) {
        Map<String, long[]> byOutcome = new TreeMap<>(); // {points, people}
        for (JsonNode p : points) {
            String reason = reason(p);
            String key = p.get("status").asText() + (reason.isEmpty() ? "" : " " + reason);
            long[] sum = byOutcome.computeIfAbsent(key, k -> new long[2]);
            sum[0]++;
            sum[1] += p.get("people").asLong();
        }
        StringBuilder out = new StringBuilder();
        byOutcome.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %d (%d people)", k, v[0], v[1])));
        return out.toString();
    }

    static double between(JsonNode from, JsonNode to) {
        if (from.isMissingNode() || from.isNull() || to.isMissingNode() || to.isNull()) {
            return Double.NaN;
        }
        return Duration.between(Instant.parse(from.asText()), Instant.parse(to.asText())).toMillis() / 1000.0;
    }

    /** A whole-number setting of a bench from its environment. */
    static int setting(java.util.Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, String.valueOf(fallback)));
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A line of the benchmark's log, after the minutes and seconds since it started. */
    void log(String format, Object... args) {
        long s = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf(Locale.ROOT, "[%02d:%02d] %s%n", s / 60, s % 60, String.format(Locale.ROOT, format, args));
    }
}
