package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.scenario.ZhejiangScenario;

/** The first plan of a revision starts from the plan being carried out. */
class GreedyInitializerTest {

    private static ReliefPlan scenario() throws Exception {
        return ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 11, 60).plan();
    }

    private static Map<String, List<String>> routes(ReliefPlan plan) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isReal() && !v.getVisits().isEmpty()) {
                out.put(v.getId(), v.getVisits().stream().map(Visit::getId).toList());
            }
        }
        return out;
    }

    @Test
    void a_plan_given_as_start_is_kept_as_it_is() throws Exception {
        ReliefPlan plan = scenario();
        GreedyInitializer.initialize(plan);
        Map<String, List<String>> greedy = routes(plan);

        // Hand one vehicle's first delivery to another vehicle of the same mode and depot, at its end.
        String from = null;
        String to = null;
        for (Vehicle a : plan.getVehicles()) {
            for (Vehicle b : plan.getVehicles()) {
                if (a != b && a.isReal() && b.isReal() && a.getMode() == b.getMode() && a.getHome() == b.getHome()
                        && a.getVisits().size() > 1 && !b.getVisits().isEmpty() && from == null) {
                    from = a.getId();
                    to = b.getId();
                }
            }
        }
        assertThat(from).as("two vehicles of one depot and mode with work").isNotNull();
        Map<String, List<String>> start = new LinkedHashMap<>(greedy);
        List<String> fromRoute = new ArrayList<>(greedy.get(from));
        String moved = fromRoute.remove(0);
        List<String> toRoute = new ArrayList<>(greedy.get(to));
        toRoute.add(moved);
        start.put(from, fromRoute);
        start.put(to, toRoute);
        // Unknown deliveries and deliveries a vehicle cannot make are passed over, not fatal.
        start.put(to, new ArrayList<>(toRoute) {{ add("no-such-delivery"); }});

        ReliefPlan again = scenario();
        GreedyInitializer.initialize(again, start);
        Map<String, List<String>> kept = routes(again);
        assertThat(kept.get(to)).containsExactlyElementsOf(toRoute);
        assertThat(kept.get(from)).containsExactlyElementsOf(fromRoute);
        // Every delivery is placed once: on a vehicle or in the unassigned bucket.
        long placed = again.getVehicles().stream().mapToLong(v -> v.getVisits().size()).sum();
        assertThat(placed).isEqualTo(again.getVisits().size());
    }
}
