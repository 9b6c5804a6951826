package org.reliefchain.planner.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reliefchain.planner.io.PlanWriter;
import org.reliefchain.planner.io.ScenarioFiles;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.road.ProvinceRoads;
import org.reliefchain.planner.road.RoadNetwork;
import org.reliefchain.planner.scenario.ZhejiangScenario;
import org.reliefchain.planner.solver.FleetBound;
import org.reliefchain.planner.solver.GreedyInitializer;
import org.reliefchain.planner.solver.PlanOutcome;
import org.reliefchain.planner.solver.ReliefSolver;
import org.reliefchain.planner.solver.SolveLimit;

/**
 * {@code planner/plan}: solves a scenario and writes the plan.
 *
 * <pre>
 *   planner/plan --scenario DIR --seconds S --out DIR
 *   planner/plan --zhejiang SEED [--points N] [--data data/zhejiang] [--travel roads|straight] [--cache DIR]
 *                --seconds S --out DIR [--save-scenario DIR]
 *   (--steps N instead of --seconds S: a fixed number of search steps, the same result on any machine)
 * </pre>
 */
public final class PlanCommand {

    public static void main(String[] args) {
        try {
            System.exit(run(options(args)));
        } catch (IllegalArgumentException e) {
            System.err.println("plan: " + e.getMessage());
            System.err.println("usage: planner/plan (--scenario DIR | --zhejiang SEED [--points N] [--data DIR]"
                    + " [--travel roads|straight] [--cache DIR])"
                    + " --seconds S --out DIR [--save-scenario DIR]");
            System.exit(2);
        } catch (Exception e) {
            System.err.println("plan: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(Map<String, String> o) throws Exception {
        ReliefPlan plan;
        PlanWriter.LegShape shape = PlanWriter.LegShape.STRAIGHT;
        if (o.containsKey("scenario")) {
            plan = ScenarioFiles.read(Path.of(o.get("scenario")));
        } else if (o.containsKey("zhejiang")) {
            Path data = Path.of(o.getOrDefault("data", "data/zhejiang"));
            RoadNetwork roads = "straight".equals(o.get("travel")) ? null : ProvinceRoads.load(data,
                    Path.of(o.getOrDefault("cache", System.getProperty("user.home") + "/.reliefchain/planner"))).network();
            ZhejiangScenario.Scenario s = ZhejiangScenario.generate(data, Long.parseLong(o.get("zhejiang")),
                    Integer.parseInt(o.getOrDefault("points", "1000")), roads);
            System.out.println(s.summary());
            plan = s.plan();
            if (roads != null) {
                shape = alongRoads(roads.paths(RoadNetwork.TRUCK, ZhejiangScenario.SNAP_METRES,
                        ZhejiangScenario.floodBlocks(s.flooded())));
            }
            if (o.containsKey("save-scenario")) {
                ScenarioFiles.write(plan, Path.of(o.get("save-scenario")));
            }
        } else {
            throw new IllegalArgumentException("give --scenario DIR or --zhejiang SEED");
        }
        if (!o.containsKey("out")) {
            throw new IllegalArgumentException("give --out DIR");
        }
        // --steps N: a fixed amount of search, the same on any machine (tests, reproducible runs); else --seconds.
        SolveLimit limit = o.containsKey("steps") ? SolveLimit.steps(Integer.parseInt(o.get("steps")))
                : SolveLimit.seconds(Integer.parseInt(o.getOrDefault("seconds", "30")));
        GreedyInitializer.initialize(plan);
        ReliefPlan best = ReliefSolver.solver(limit, null).solve(plan);
        PlanOutcome outcome = PlanOutcome.of(best);
        long fleet = FleetBound.of(best);
        PlanWriter.write(best, Path.of(o.get("out")), shape);
        System.out.printf(Locale.ROOT, "%s: score %s; %,d of %,d people fully served by the deadline (bound %,d, %.1f%%;"
                        + " with this fleet at most %,d); %d deliveries unmet, %d late; wrote %s/routes.geojson and"
                        + " deliveries.csv%n", best.getName(), best.getScore(), outcome.servedByDeadline(),
                outcome.affectedPeople(), outcome.bound(), outcome.percentOfBound(), fleet, outcome.unmetDeliveries(),
                outcome.lateDeliveries(), o.get("out"));
        return best.getScore().hardScore() == 0 ? 0 : 3;
    }

    /** Trucks drawn along the roads they drive (around the floods); everything else straight. */
    static PlanWriter.LegShape alongRoads(RoadNetwork.RoadPaths paths) {
        Map<List<Location>, List<double[]>> drawn = new HashMap<>();
        return (vehicle, from, to) -> {
            if (vehicle.getMode() != Mode.TRUCK) {
                return PlanWriter.LegShape.STRAIGHT.between(vehicle, from, to);
            }
            return drawn.computeIfAbsent(List.of(from, to), k -> {
                List<RoadNetwork.Point> road = paths.between(new RoadNetwork.Point(from.lon(), from.lat()),
                        new RoadNetwork.Point(to.lon(), to.lat()));
                return road.isEmpty() ? PlanWriter.LegShape.STRAIGHT.between(vehicle, from, to)
                        : road.stream().map(p -> new double[] {p.lon(), p.lat()}).toList();
            });
        };
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
