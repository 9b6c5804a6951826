package org.reliefchain.web.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What transshipment adds on the demo typhoon (see web/bench transshipment and docs/performance.md):
 * moving stock from a warehouse to a port or air base so that boats and helicopters carry it on. Not a
 * test: a program that prints numbers. The same plan is made twice, with transfers (the default) and
 * with {@code "transshipment":false} (no port or air base is fed, so boats and helicopters stay out),
 * with the same fixed number of search steps, so that the comparison does not depend on the machine's
 * speed; then, when {@code BENCH_PLAN_SECONDS} is not 0, the same pair with that time limit, as a
 * dispatcher would plan.
 *
 * <p>For each plan: people reached within the deadline, the physical and the fleet-aware bound, what it
 * was made from (hubs fed, trucks, boats and helicopters), its trips by mode, its points by outcome, and
 * the people reached in time at the points that only boats or helicopters can serve (those the plan
 * without transfers leaves with NO_MODE). It moves the incident's deadline to ten hours from now and
 * approves nothing: the plans are left for a dispatcher to compare or throw away.
 */
public final class TransshipmentBench {

    private static final List<String> MODES = List.of("TRUCK", "BOAT", "HELICOPTER");

    private final Planning planning;
    private final Map<String, String> env;

    private TransshipmentBench(Planning planning, Map<String, String> env) {
        this.planning = planning;
        this.env = env;
    }

    /** One plan as measured. */
    private record Measured(long id, JsonNode plan, Map<String, Integer> tripsByMode, List<JsonNode> points) {

        long inTime() {
            return plan.get("peopleInTime").asLong();
        }

        int trips(String mode) {
            return tripsByMode.getOrDefault(mode, 0);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        URI base = URI.create(env.getOrDefault("BASE_URL", "http://localhost:8080").replaceAll("/+$", "") + "/");
        BenchApi dispatcher = new BenchApi(base, env.getOrDefault("BENCH_DISPATCHER", "dispatcher"),
                env.getOrDefault("BENCH_PASSWORD", "demo123"));
        TransshipmentBench bench = new TransshipmentBench(new Planning(dispatcher, "transshipment"), env);
        try {
            bench.run(base);
        } catch (IllegalStateException e) {
            System.err.println("transshipment: " + e.getMessage());
            System.exit(2);
        }
    }

    private int setting(String name, int fallback) {
        return Planning.setting(env, name, fallback);
    }

    private void run(URI base) throws Exception {
        int steps = setting("BENCH_STEPS", 2000);
        int planSeconds = setting("BENCH_PLAN_SECONDS", 60);
        boolean warmUp = setting("BENCH_WARMUP", 1) != 0;
        Duration patience = Duration.ofMinutes(setting("BENCH_PATIENCE_MINUTES", 30));
        log("against %s: plans as %s; %d search steps per plan%s", base, planning.dispatcher().user(), steps,
                planSeconds > 0 ? String.format(Locale.ROOT, ", then %d s per plan", planSeconds) : "");

        JsonNode incident = planning.incident(env.getOrDefault("BENCH_INCIDENT", "INC-DEMO-0001"));
        long incidentId = incident.get("id").asLong();
        planning.requireNothingApprovedOrRunning(incidentId);

        if (warmUp) {
            // The first plan of a server loads the road network (and builds it on a new data folder).
            planning.deadlineTenHoursAhead(incidentId);
            long warm = planning.startPlan(incidentId, "{\"steps\":1}", "with 1 search step (warm-up)");
            JsonNode warmed = planning.untilEnded(warm, patience);
            log("warm-up plan %d: %s %.1f s after its solve job started (road network loaded)",
                    warmed.get("number").asInt(), warmed.get("status").asText(), warmed.get("elapsedSeconds").asDouble());
            planning.untilRoutesDrawn(warm);
        }

        String bySteps = "{\"steps\":" + steps + "}";
        Measured with = plan(incidentId, bySteps, true, steps + " search steps", patience);
        Measured without = plan(incidentId, bySteps, false, steps + " search steps", patience);
        String stepsLine = compare(with, without);
        log("with %d search steps: %s", steps, stepsLine);
        if (planSeconds > 0) {
            String bySeconds = "{\"seconds\":" + planSeconds + "}";
            Duration longer = patience.plusSeconds(planSeconds);
            Measured withT = plan(incidentId, bySeconds, true, planSeconds + " s", longer);
            Measured withoutT = plan(incidentId, bySeconds, false, planSeconds + " s", longer);
            log("with %d s: %s", planSeconds, compare(withT, withoutT));
        }
        System.out.println("transshipment: " + stepsLine);
    }

    /** Makes one plan, waits for it and its routes, and reads what it came to. */
    private Measured plan(long incidentId, String limit, boolean transshipment, String what, Duration patience)
            throws Exception {
        planning.deadlineTenHoursAhead(incidentId);
        String body = transshipment ? limit : limit.replace("}", ",\"transshipment\":false}");
        long id = planning.startPlan(incidentId, body, "with " + what + (transshipment ? ", with transfers" : ", without transfers"));
        JsonNode done = planning.untilEnded(id, patience);
        if (!done.get("status").asText().equals("DONE")) {
            throw new IllegalStateException("plan " + id + " ended " + done.get("status").asText() + ": "
                    + done.path("failure").asText(""));
        }
        // The next plan would queue behind the drawing of this one's routes.
        planning.untilRoutesDrawn(id);
        JsonNode facts = done.get("facts");
        JsonNode progress = done.get("progress");
        double elapsed = done.get("elapsedSeconds").asDouble();
        // The first progress point is the greedy first plan; the search follows (its set-up included).
        double first = progress.isEmpty() ? Double.NaN : progress.get(0).get(0).asDouble();
        String greedy = progress.isEmpty() ? "?" : String.valueOf(progress.get(0).get(1).asLong());
        log("plan %d %s after %.1f s (first plan at %.1f s with %s people in time, then %.1f s of local search, its"
                        + " set-up included): %d of %d affected people within the deadline, bound %d, fleet-aware bound %s",
                done.get("number").asInt(), done.get("status").asText(), elapsed, first, greedy, elapsed - first,
                done.get("peopleInTime").asLong(), done.get("affectedPeople").asLong(), done.get("bound").asLong(),
                Planning.known(done.path("fleetBound")));
        log("  made from: %d hubs fed by transfer; %d trucks, %d boats, %d helicopters (%s)", facts.get("hubs").asInt(),
                facts.get("trucks").asInt(), facts.get("boats").asInt(), facts.get("helicopters").asInt(),
                done.path("summary").asText(""));
        Map<String, Integer> trips = new TreeMap<>();
        for (JsonNode t : planning.dispatcher().get("api/plans/" + id + "/solution").get("trips")) {
            trips.merge(t.get("mode").asText(), 1, Integer::sum);
        }
        List<JsonNode> points = planning.points(id, null);
        log("  trips: %s; points: %s", byMode(trips), Planning.outcomes(points));
        return new Measured(id, done, trips, points);
    }

    /**
     * The two plans side by side: people in time, the difference, trips by boat and helicopter, and
     * where the difference comes from (the points only boats or helicopters can serve).
     */
    private String compare(Measured with, Measured without) {
        Set<String> boatOrAirOnly = new HashSet<>();
        long boatOrAirPeople = 0;
        for (JsonNode p : without.points()) {
            if (Planning.reason(p).equals("NO_MODE")) {
                boatOrAirOnly.add(p.get("division").asText());
                boatOrAirPeople += p.get("people").asLong();
            }
        }
        // Points no vehicle reaches even with transfers are not the boats' and helicopters' to serve.
        for (JsonNode p : with.points()) {
            if (Planning.reason(p).equals("NO_MODE") && boatOrAirOnly.remove(p.get("division").asText())) {
                boatOrAirPeople -= p.get("people").asLong();
            }
        }
        long reachedThere = 0;
        int pointsThere = 0;
        for (JsonNode p : with.points()) {
            if (p.get("status").asText().equals("IN_TIME") && boatOrAirOnly.contains(p.get("division").asText())) {
                reachedThere += p.get("people").asLong();
                pointsThere++;
            }
        }
        log("points only boats or helicopters can serve: %d (%d people); with transfers %d of them in time (%d people)",
                boatOrAirOnly.size(), boatOrAirPeople, pointsThere, reachedThere);
        long gain = with.inTime() - without.inTime();
        String percent = without.inTime() == 0 ? "n/a"
                : String.format(Locale.ROOT, "%+.1f%%", 100.0 * gain / without.inTime());
        return String.format(Locale.ROOT, "%d people in time with transfers, %d without (%+d, %s), boats %d trips,"
                        + " helicopters %d trips", with.inTime(), without.inTime(), gain, percent, with.trips("BOAT"),
                with.trips("HELICOPTER"));
    }

    private static String byMode(Map<String, Integer> trips) {
        StringBuilder out = new StringBuilder();
        for (String mode : MODES) {
            out.append(out.length() == 0 ? "" : ", ").append(mode.toLowerCase(Locale.ROOT)).append(' ')
                    .append(trips.getOrDefault(mode, 0));
        }
        trips.keySet().stream().filter(m -> !MODES.contains(m)).forEach(m -> out.append(", ").append(m).append(' ')
                .append(trips.get(m)));
        return out.toString();
    }

    private void log(String format, Object... args) {
        planning.log(format, args);
    }
}
