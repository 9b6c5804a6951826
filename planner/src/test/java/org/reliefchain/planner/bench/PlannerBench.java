package org.reliefchain.planner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.reliefchain.planner.benchmark.InstanceReader;
import org.reliefchain.planner.benchmark.VrpInstance;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.scenario.ZhejiangScenario;
import org.reliefchain.planner.solver.GreedyInitializer;
import org.reliefchain.planner.solver.PlanOutcome;
import org.reliefchain.planner.solver.ReliefSolver;
import org.reliefchain.planner.solver.ScarcityBound;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * The routing core on published benchmarks, next to jsprit 1.8 with the same time and one thread each
 * (see planner/bench and planner/README.md). Not a test: a program that prints numbers.
 *
 * <pre>
 *   solomon --seconds S [--instances C101,R101] [--data DIR]   VRPTW; gap to bks_dimacs.csv
 *   cvrp    --seconds S [--instances X-n101-k25] [--data DIR]  CVRP; gap to bks.csv
 *   zhejiang --seconds S [--seed K] [--points N] [--data DIR] [--travel roads|straight] [--cache DIR]
 *            [--preparation prepositioned|none]
 *                                                               Lekima-like scenario; 10-hour figure vs bound
 *   matrix  --size N [--data DIR] [--cache DIR]                N x N truck matrix on the province network
 * </pre>
 */
public final class PlannerBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        switch (args[0]) {
            case "solomon" -> routing(Family.SOLOMON, Path.of(options.getOrDefault("data", "../shared/benchmarks/solomon")),
                    options.get("instances"), seconds);
            case "cvrp" -> routing(Family.CVRP, Path.of(options.getOrDefault("data", "../shared/benchmarks/cvrp-x")),
                    options.get("instances"), seconds);
            case "zhejiang" -> zhejiang(Path.of(options.getOrDefault("data", "data/zhejiang")),
                    Long.parseLong(options.getOrDefault("seed", "1")), Integer.parseInt(options.getOrDefault("points", "1000")),
                    seconds, !"straight".equals(options.get("travel")),
                    Path.of(options.getOrDefault("cache", "planner/target/road-cache")),
                    !"none".equals(options.get("preparation")));
            case "matrix" -> matrix(Path.of(options.getOrDefault("data", "data/zhejiang")),
                    Path.of(options.getOrDefault("cache", "planner/target/road-cache")),
                    Integer.parseInt(options.getOrDefault("size", "1000")));
            default -> usage();
        }
    }

    /** N x N truck travel times between villages over the province network, with and without floods. */
    private static void matrix(Path data, Path cache, int size) throws Exception {
        long started = System.nanoTime();
        org.reliefchain.planner.road.ProvinceRoads.Loaded roads = org.reliefchain.planner.road.ProvinceRoads.load(data, cache);
        System.out.printf(Locale.ROOT, "%s; loaded in %.1f s (cache %s)%n", roads.stats(),
                (System.nanoTime() - started) / 1e9, cache);
        var network = roads.network();
        List<org.reliefchain.planner.scenario.ZhejiangData.Division> villages =
                org.reliefchain.planner.scenario.ZhejiangData.read(data).level("VILLAGE");
        List<org.reliefchain.planner.road.RoadNetwork.Point> points = new ArrayList<>();
        int step = Math.max(1, villages.size() / size);
        for (int i = 0; points.size() < size && i < villages.size(); i += step) {
            var v = villages.get(i);
            if (!v.code().startsWith("330922")) { // the Shengsi islands have no road to the rest
                points.add(new org.reliefchain.planner.road.RoadNetwork.Point(v.lon(), v.lat()));
            }
        }
        int n = points.size();
        network.matrix(points.subList(0, Math.min(20, n)), points.subList(0, Math.min(20, n)),
                org.reliefchain.planner.road.RoadNetwork.TRUCK, 2_000); // warm-up
        long t0 = System.nanoTime();
        var open = network.matrix(points, points, org.reliefchain.planner.road.RoadNetwork.TRUCK, 2_000);
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        List<org.reliefchain.planner.road.BlockedAreas.Area> floods = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            var centre = points.get((k * 7919) % n);
            floods.add(org.reliefchain.planner.road.BlockedAreas.Area.circle("flood " + (k + 1), centre.lon(),
                    centre.lat(), 3_000));
        }
        var blocked = new org.reliefchain.planner.road.BlockedAreas(floods, List.of());
        t0 = System.nanoTime();
        var cut = network.matrix(points, points, org.reliefchain.planner.road.RoadNetwork.TRUCK, 2_000, blocked);
        double cutSeconds = (System.nanoTime() - t0) / 1e9;
        int pairs = Math.min(2_000, n * n);
        t0 = System.nanoTime();
        int routed = 0;
        for (int k = 0; k < pairs; k++) {
            var a = points.get((k * 31) % n);
            var b = points.get((k * 17 + 5) % n);
            var r = network.hopper().route(new com.graphhopper.GHRequest(a.lat(), a.lon(), b.lat(), b.lon())
                    .setProfile(org.reliefchain.planner.road.RoadNetwork.TRUCK));
            routed += r.hasErrors() ? 0 : 1;
        }
        double routeSeconds = (System.nanoTime() - t0) / 1e9;
        long reachable = java.util.Arrays.stream(open.seconds()).filter(x -> x < org.reliefchain.planner.model.TravelMatrix.UNREACHABLE).count();
        System.out.printf(Locale.ROOT, "%d x %d without blocked areas: %.2f s (%d of %d pairs reachable)%n", n, n,
                openSeconds, reachable, (long) n * n);
        System.out.printf(Locale.ROOT, "%d x %d with %d flooded areas (3 km): %.2f s (%d places inside a flood)%n", n, n,
                floods.size(), cutSeconds, cut.unplaced().size() / 2);
        System.out.printf(Locale.ROOT, "point-to-point GraphHopper routes (CH): %d pairs in %.2f s (%d found)%n", pairs,
                routeSeconds, routed);
        System.out.printf(Locale.ROOT, "distances/s: %.0f without blocked areas, %.0f with, %.0f point-to-point%n",
                n * (double) n / openSeconds, n * (double) n / cutSeconds, pairs / routeSeconds);
        network.close();
    }

    /** A Lekima-like scenario: time to the first feasible plan, then the 10-hour figure against the bound over time. */
    private static void zhejiang(Path data, long seed, int points, int seconds, boolean roads, Path cache,
                                 boolean prepositioned) throws Exception {
        long built = System.nanoTime();
        org.reliefchain.planner.road.RoadNetwork network = roads
                ? org.reliefchain.planner.road.ProvinceRoads.load(data, cache).network() : null;
        double loaded = (System.nanoTime() - built) / 1e9;
        ZhejiangScenario.Scenario scenario = ZhejiangScenario.generate(data, seed, points, network, prepositioned);
        System.out.println(scenario.summary());
        double setUp = (System.nanoTime() - built) / 1e9;
        System.out.printf(Locale.ROOT, "scenario and travel matrices built in %.1f s (road network loaded in %.1f s)%n",
                setUp, loaded);
        ReliefPlan plan = scenario.plan();
        SolverFactory<ReliefPlan> factory = SolverFactory.create(ReliefSolver.config(Duration.ofSeconds(seconds), seed));
        SolutionManager<ReliefPlan, HardMediumSoftLongScore> scores = SolutionManager.create(factory);
        // Computed before the clock starts: it depends on the problem only, not on the plan.
        long fleet = org.reliefchain.planner.solver.FleetBound.of(plan);
        long boundsAt = System.nanoTime();
        ScarcityBound.Result scarcity = ScarcityBound.explain(plan);
        double boundsSeconds = (System.nanoTime() - boundsAt) / 1e9;
        long start = System.nanoTime();
        GreedyInitializer.initialize(plan);
        HardMediumSoftLongScore initial = scores.update(plan);
        double[] firstFeasible = {initial.hardScore() == 0 ? (System.nanoTime() - start) / 1e9 : Double.NaN};
        PlanOutcome first = PlanOutcome.of(plan);
        System.out.printf(Locale.ROOT, "bound: %,d of %,d affected people can be reached by the deadline at best (%.1f%%)%n",
                first.bound(), first.affectedPeople(), 100.0 * first.bound() / first.affectedPeople());
        System.out.printf(Locale.ROOT, "fleet-aware bound: %,d people (%.2f%% of bound): no plan with this fleet serves more%n",
                fleet, 100.0 * fleet / first.bound());
        System.out.printf(Locale.ROOT, "scarcity bound: %,d people (%.2f%% of bound; set by %s): no plan with this stock and fleet serves more (%.1f s)%n",
                scarcity.people(), 100.0 * scarcity.people() / first.bound(), scarcity.limitedBy(), boundsSeconds);
        System.out.printf(Locale.ROOT, "%6.1f s  first plan (greedy): %s, 10-hour figure %,d people (%.2f%% of bound)%n",
                (System.nanoTime() - start) / 1e9, initial, first.servedByDeadline(), first.percentOfBound());
        Solver<ReliefPlan> solver = factory.buildSolver();
        long[] lastPrint = {0};
        double[] firstImprovement = {Double.NaN};
        solver.addEventListener(event -> {
            double at = (System.nanoTime() - start) / 1e9;
            HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
            if (Double.isNaN(firstFeasible[0]) && score.isFeasible() && event.getNewBestSolution().getScore() != null) {
                firstFeasible[0] = at;
            }
            boolean improved = false;
            if (Double.isNaN(firstImprovement[0]) && score.isFeasible()) {
                PlanOutcome o = PlanOutcome.of(event.getNewBestSolution(), first.bound());
                if (o.servedByDeadline() > first.servedByDeadline()) {
                    firstImprovement[0] = at;
                    improved = true;
                }
            }
            if (improved || at - lastPrint[0] >= 5) {
                lastPrint[0] = (long) at;
                PlanOutcome o = PlanOutcome.of(event.getNewBestSolution(), first.bound());
                System.out.printf(Locale.ROOT, "%6.1f s  best %s, 10-hour figure %,d people (%.2f%% of bound)%n", at,
                        score, o.servedByDeadline(), o.percentOfBound());
            }
        });
        ReliefPlan best = solver.solve(plan);
        PlanOutcome outcome = PlanOutcome.of(best, first.bound());
        double at = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%6.1f s  final %s: %,d of %d points fully served by the deadline, %d deliveries"
                        + " unmet, %d late%n", at, best.getScore(), outcome.pointsServed(), outcome.points(),
                outcome.unmetDeliveries(), outcome.lateDeliveries());
        // Where the plan falls short: people not served by the deadline, per county, and how far they are.
        Map<String, long[]> shortBy = new java.util.TreeMap<>();
        outcome.servedPoints().forEach((p, ok) -> {
            long[] row = shortBy.computeIfAbsent(p.id().substring(0, 6), k -> new long[3]);
            row[0] += p.population();
            if (!ok) {
                row[1] += p.population();
                row[2]++;
            }
        });
        shortBy.forEach((county, row) -> {
            if (row[1] > 0) {
                System.out.printf(Locale.ROOT, "  short in %s: %,d of %,d people (%d points)%n", county, row[1], row[0], row[2]);
            }
        });
        System.out.printf(Locale.ROOT, "fleet-aware: the plan serves %.1f%% of what this fleet could at most%n",
                100.0 * outcome.servedByDeadline() / Math.max(1, fleet));
        System.out.printf(Locale.ROOT, "first feasible plan at %.1f s%n", firstFeasible[0]);
        System.out.printf(Locale.ROOT, "10-hour figure: %.1f%% of bound, %.1f%% of the scarcity bound (greedy %.1f%%), "
                        + "first improvement at %s, set-up %.1f s%n", outcome.percentOfBound(),
                100.0 * outcome.servedByDeadline() / Math.max(1, scarcity.people()),
                100.0 * first.servedByDeadline() / Math.max(1, scarcity.people()),
                Double.isNaN(firstImprovement[0]) ? "none" : String.format(Locale.ROOT, "%.1f s", firstImprovement[0]), setUp);
    }

    enum Family {
        SOLOMON(".txt", "bks_dimacs.csv"), CVRP(".vrp", "bks.csv");

        final String extension;
        final String distanceReference;

        Family(String extension, String distanceReference) {
            this.extension = extension;
            this.distanceReference = distanceReference;
        }

        VrpInstance read(Path file) throws IOException {
            return this == SOLOMON ? InstanceReader.solomon(file) : InstanceReader.cvrp(file);
        }
    }

    private static void routing(Family family, Path data, String only, int seconds) throws Exception {
        Map<String, double[]> distanceBks = bks(data.resolve(family.distanceReference));
        Map<String, double[]> vehicleBks = bks(data.resolve("bks.csv"));
        List<Path> files;
        try (Stream<Path> list = Files.list(data)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(family.extension)).sorted().toList();
        }
        if (only != null) {
            List<String> wanted = Arrays.asList(only.split(","));
            files = files.stream().filter(p -> wanted.contains(p.getFileName().toString().replace(family.extension, "")))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no " + family.extension + " instances in " + data);
        }
        System.out.printf("%s: %d instances, %d s each, one thread each; gap = distance / best known - 1%n",
                family, files.size(), seconds);
        System.out.printf("%-12s %10s | %10s %7s %4s %s | %10s %7s %4s %s%n", "instance", "best known",
                "reliefchain", "gap", "veh", "", "jsprit", "gap", "veh", "");
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (Path file : files) {
            VrpInstance instance = family.read(file);
            double[] best = distanceBks.get(instance.name());
            if (best == null) {
                System.out.printf("%-12s no best-known distance in %s: skipped%n", instance.name(), family.distanceReference);
                continue;
            }
            ReliefPlan solved = ReliefSolver.solver(Duration.ofSeconds(seconds), 0L).solve(instance.toPlan());
            List<List<Integer>> routes = VrpInstance.routes(solved);
            double distance = instance.distance(routes);
            String feasible = feasible(solved.getScore()) ? "" : "INFEASIBLE " + solved.getScore();
            JspritRunner.Result reference = JspritRunner.solve(instance, seconds * 1000L);
            double jspritDistance = instance.distance(reference.routes());
            String jspritFeasible = reference.unassigned() == 0 ? "" : reference.unassigned() + " UNASSIGNED";
            double gap = distance / best[1] - 1;
            double jspritGap = jspritDistance / best[1] - 1;
            if (feasible.isEmpty()) {
                ours.add(gap);
            }
            if (jspritFeasible.isEmpty()) {
                theirs.add(jspritGap);
            }
            double[] vehicles = vehicleBks.getOrDefault(instance.name(), best);
            System.out.printf(Locale.ROOT, "%-12s %10.1f | %10.1f %6.2f%% %4d %s| %10.1f %6.2f%% %4d %s (bks vehicles %d)%n",
                    instance.name(), best[1], distance, 100 * gap, routes.size(), feasible.isEmpty() ? "" : feasible + " ",
                    jspritDistance, 100 * jspritGap, reference.routes().size(), jspritFeasible, (int) vehicles[0]);
        }
        int infeasible = files.size() - ours.size();
        System.out.printf(Locale.ROOT, "mean gap: %.2f%% (reliefchain) vs %.2f%% (jsprit)%s%n", 100 * mean(ours),
                100 * mean(theirs), infeasible == 0 ? "" : "; " + infeasible + " reliefchain plans infeasible, left out");
    }

    static boolean feasible(HardMediumSoftLongScore score) {
        return score.hardScore() == 0 && score.mediumScore() == 0;
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.isEmpty() ? Double.NaN : sum / values.size();
    }

    /** instance -> {vehicles, distance} from a best-known-solution table. */
    static Map<String, double[]> bks(Path csv) throws IOException {
        Map<String, double[]> table = new HashMap<>();
        if (!Files.exists(csv)) {
            return table;
        }
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",", 4);
            if (f.length >= 3 && !f[0].equals("instance")) {
                table.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return table;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage();
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void usage() {
        System.err.println("usage: planner/bench solomon|cvrp --seconds S [--instances A,B] [--data DIR]\n"
                + "       planner/bench zhejiang --seconds S [--seed K] [--points N] [--data DIR] [--travel roads|straight]\n"
                + "                [--preparation prepositioned|none]\n"
                + "       planner/bench matrix --size N [--data DIR] [--cache DIR]");
        System.exit(2);
    }
}
