package org.reliefchain.planner.model;

import java.util.List;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A delivery plan: depots, vehicles (one of which may be the unassigned bucket) and the deliveries
 * to make. Times are in the plan's unit ({@code timeUnitsPerMinute}: 60 for seconds; benchmark
 * instances use their own), measured from the incident start.
 */
@PlanningSolution
public class ReliefPlan {

    private String name;
    private long timeUnitsPerMinute;
    @ProblemFactCollectionProperty
    private List<Depot> depots;
    @PlanningEntityCollectionProperty
    private List<Vehicle> vehicles;
    // A fact collection and the value range of the list variable (see STACK.md: as an entity collection
    // property it crashes OptaPlanner 10); Visit is still an entity for its shadow variables.
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "visits")
    private List<Visit> visits;
    @PlanningScore
    private HardMediumSoftLongScore score;

    public ReliefPlan() {
    }

    public ReliefPlan(String name, long timeUnitsPerMinute, List<Depot> depots, List<Vehicle> vehicles,
                      List<Visit> visits) {
        this.name = name;
        this.timeUnitsPerMinute = timeUnitsPerMinute;
        this.depots = depots;
        this.vehicles = vehicles;
        this.visits = visits;
    }

    public String getName() { return name; }
    public long getTimeUnitsPerMinute() { return timeUnitsPerMinute; }
    public List<Depot> getDepots() { return depots; }
    public List<Vehicle> getVehicles() { return vehicles; }
    public List<Visit> getVisits() { return visits; }
    public HardMediumSoftLongScore getScore() { return score; }
    public void setScore(HardMediumSoftLongScore score) { this.score = score; }
}
