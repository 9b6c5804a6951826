package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.scenario.ZhejiangScenario;

/**
 * Ruin and recreate as the only local-search move. FULL_ASSERT checks after every move that its undo
 * restores the plan exactly and that the incremental score matches one computed from scratch.
 */
class RuinRecreateMoveTest {

    private static ReliefPlan scenario() throws Exception {
        return ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 7, 40).plan();
    }

    @Test
    void ruin_and_recreate_alone_improves_the_first_plan_and_undoes_exactly() throws Exception {
        ReliefPlan plan = scenario();
        GreedyInitializer.initialize(plan);
        SolverConfig config = ReliefSolver.config(SolveLimit.untilStopped(), 7L)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        HardMediumSoftLongScore before = SolutionManager.<ReliefPlan, HardMediumSoftLongScore>create(
                SolverFactory.create(config)).update(plan);

        LocalSearchPhaseConfig ruinAndRecreate = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new MoveIteratorFactoryConfig()
                        .withMoveIteratorFactoryClass(RuinRecreateMoveFactory.class))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(50))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withTerminationConfig(new TerminationConfig().withStepCountLimit(150));
        config.setPhaseConfigList(List.of(ruinAndRecreate));
        ReliefPlan improved = SolverFactory.<ReliefPlan>create(config).buildSolver().solve(plan);

        assertThat(improved.getScore()).isGreaterThan(before);
        // Every delivery is in exactly one list: nothing lost or doubled by ruining and rebuilding.
        List<Visit> placed = new ArrayList<>();
        improved.getVehicles().forEach(v -> placed.addAll(v.getVisits()));
        assertThat(placed).hasSameSizeAs(improved.getVisits()).doesNotHaveDuplicates();
        assertThat(improved.getVehicles()).anyMatch(Vehicle::isBucket);
    }

    @Test
    void clusters_are_a_delivery_and_its_nearest_neighbours() throws Exception {
        ReliefPlan plan = scenario();
        RuinRecreateMoveFactory.Neighbourhoods n = new RuinRecreateMoveFactory.Neighbourhoods(plan);
        Visit seed = plan.getVisits().get(0);
        List<Visit> cluster = n.cluster(seed, 6);
        assertThat(cluster).hasSize(6).startsWith(seed).doesNotHaveDuplicates();
        PlacedDistanceMeter meter = new PlacedDistanceMeter();
        double furthestIn = 0;
        for (Visit v : cluster) {
            furthestIn = Math.max(furthestIn, meter.getNearbyDistance(seed, v));
        }
        double furthest = furthestIn;
        // No delivery outside the cluster is nearer to the seed than the furthest one inside it.
        assertThat(plan.getVisits().stream().filter(v -> !cluster.contains(v)))
                .allMatch(v -> meter.getNearbyDistance(seed, v) >= furthest);
    }

    @Test
    @SuppressWarnings("unchecked")
    void closing_a_route_puts_its_deliveries_on_other_vehicles_and_undoes_exactly() throws Exception {
        ReliefPlan plan = scenario();
        GreedyInitializer.initialize(plan);
        DefaultSolverFactory<ReliefPlan> factory = (DefaultSolverFactory<ReliefPlan>) SolverFactory.<ReliefPlan>create(
                ReliefSolver.config(SolveLimit.steps(0), 7L));
        try (InnerScoreDirector<ReliefPlan, HardMediumSoftLongScore> sd = (InnerScoreDirector<ReliefPlan, HardMediumSoftLongScore>)
                factory.getScoreDirectorFactory().buildScoreDirector(false, false)) {
            sd.setWorkingSolution(plan);
            HardMediumSoftLongScore before = sd.calculateScore();
            Vehicle bucket = plan.getVehicles().stream().filter(Vehicle::isBucket).findFirst().orElseThrow();
            Vehicle route = plan.getVehicles().stream().filter(v -> v.isReal() && v.getVisits().size() >= 2)
                    .findFirst().orElseThrow();
            List<Visit> original = List.copyOf(route.getVisits());
            RuinRecreateMoveFactory.Neighbourhoods n = new RuinRecreateMoveFactory.Neighbourhoods(plan);

            var undo = new RuinRecreateMove(n, bucket, original, route, 11L).doMove(sd);

            assertThat(route.getVisits()).as("nothing goes back on the closed route").isEmpty();
            assertThat(original).allMatch(v -> v.getVehicle() != null && v.getVehicle() != route);
            List<Visit> placed = new ArrayList<>();
            plan.getVehicles().forEach(v -> placed.addAll(v.getVisits()));
            assertThat(placed).hasSameSizeAs(plan.getVisits()).doesNotHaveDuplicates();

            undo.doMove(sd);
            assertThat(route.getVisits()).containsExactlyElementsOf(original);
            assertThat(sd.calculateScore()).isEqualTo(before);
        }
    }
}
