package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.scenario.ZhejiangScenario;

/** Solving in the background while the situation changes. */
class PlanningSessionTest {

    /** Waits poll for a condition up to this long: the ceiling tells a hang from a slow machine. */
    private static final long CEILING_SECONDS = 300;

    /**
     * How long a session may solve. Not the verdict: each step waits for a condition that a few seconds of
     * search meet even on one busy core (5-9 s measured there). A limit is still needed: OptaPlanner 10.2
     * loses a terminateEarly() that lands while the solver restarts after a problem change (PlanningSession
     * #failed), and a session that cannot be stopped must still end; a session without one hung here.
     */
    private static final SolveLimit SESSION = SolveLimit.seconds(120);

    private static ReliefPlan scenario() throws Exception {
        return ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 11, 60).plan();
    }

    @Test
    void progress_is_reported_and_changes_reach_the_running_solver() throws Exception {
        ReliefPlan plan = scenario();
        Vehicle busiest = null;
        try (PlanningSession session = PlanningSession.start(plan, SESSION)) {
            waitFor(() -> !session.progress().isEmpty());
            assertThat(session.progress().get(0).affectedPeople()).isPositive();

            busiest = session.best().getVehicles().stream().filter(Vehicle::isReal)
                    .max(java.util.Comparator.comparingInt(v -> v.getVisits().size())).orElseThrow();
            String gone = busiest.getId();
            session.removeVehicle(gone).get(CEILING_SECONDS, TimeUnit.SECONDS);
            waitFor(() -> session.best().getVehicles().stream().filter(v -> v.getId().equals(gone))
                    .allMatch(v -> v.isWithdrawn() && v.getVisits().isEmpty())
                    && session.best().getScore().hardScore() == 0);

            // Every village east of the first delivery's point loses its roads.
            Visit first = session.best().getVisits().get(0);
            double east = first.location().lon();
            Predicate<Location> area = l -> l.lon() >= east;
            session.closeArea(area, EnumSet.of(Mode.TRUCK)).get(CEILING_SECONDS, TimeUnit.SECONDS);
            waitFor(() -> session.best().getScore().hardScore() == 0 && session.best().getVehicles().stream()
                    .filter(v -> v.getMode() == Mode.TRUCK).flatMap(v -> v.getVisits().stream())
                    .noneMatch(v -> area.test(v.location())));
            assertThat(session.best().getVisits().stream().filter(v -> area.test(v.location())))
                    .isNotEmpty().allMatch(v -> !v.getPoint().modes().contains(Mode.TRUCK));

            DemandPoint shelter = new DemandPoint("SHELTER-1", "临时安置点", first.location(), 300, 2,
                    EnumSet.of(Mode.HELICOPTER, Mode.TRUCK));
            Visit water = new Visit("SHELTER-1-WATER", shelter, "WATER", 300, 900, 960, 300, 600, 0,
                    ZhejiangScenario.DEADLINE);
            session.addDemand(List.of(water));
            waitFor(() -> session.best().getVehicles().stream().filter(Vehicle::isReal)
                    .anyMatch(v -> v.getVisits().stream().anyMatch(x -> x.getId().equals("SHELTER-1-WATER"))));

            String depot = session.best().getDepots().get(0).id();
            long before = session.best().getDepots().get(0).stockOf("WATER");
            session.addStock(depot, "WATER", 5_000).get(CEILING_SECONDS, TimeUnit.SECONDS);
            waitFor(() -> session.best().getDepots().stream().filter(d -> d.id().equals(depot)).findFirst()
                    .orElseThrow().stockOf("WATER") == before + 5_000);

            session.changeDemand("SHELTER-1-WATER", 400).get(CEILING_SECONDS, TimeUnit.SECONDS);
            waitFor(() -> session.best().getVisits().stream().filter(v -> v.getId().equals("SHELTER-1-WATER"))
                    .findFirst().map(v -> v.getQuantity() == 400).orElse(false));
            assertThat(session.progress()).extracting(PlanningSession.Progress::seconds).isSorted();
            assertThat(session.progressFailures()).as("progress computed for every best plan (see the log)").isZero();
        }
    }

    @Test
    void new_demand_right_after_a_change_restarts_the_solver_from_the_changed_plan() throws Exception {
        // Stopping the solver while it restarts after a problem change trips a lock in OptaPlanner 10.2
        // (PlanningSession#failed); the session must keep the changed plan and go on solving.
        ReliefPlan plan = scenario();
        try (PlanningSession session = PlanningSession.start(plan, SESSION)) {
            waitFor(() -> !session.progress().isEmpty());
            Visit first = session.best().getVisits().get(0);
            for (int round = 1; round <= 8; round++) {
                long quantity = first.getQuantity() + round;
                session.changeDemand(first.getId(), quantity).get(CEILING_SECONDS, TimeUnit.SECONDS);
                DemandPoint shelter = new DemandPoint("SHELTER-" + round, "安置点 " + round, first.location(), 50, 1,
                        EnumSet.of(Mode.TRUCK, Mode.HELICOPTER));
                session.addDemand(List.of(new Visit("SHELTER-" + round + "-WATER", shelter, "WATER", 50, 150, 160, 50, 600, 0,
                        ZhejiangScenario.DEADLINE)));
                assertThat(session.solving()).isTrue();
                assertThat(session.failure()).isNull();
                assertThat(session.best().getVisits()).filteredOn(v -> v.getId().equals(first.getId()))
                        .singleElement().extracting(Visit::getQuantity).isEqualTo(quantity);
            }
            assertThat(session.best().getVisits()).filteredOn(v -> v.getId().startsWith("SHELTER-")).hasSize(8);
        }
    }

    /** Polls until the solver has done what the test waits for; the ceiling only catches a hang. */
    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(CEILING_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + CEILING_SECONDS + " s for the solver").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
