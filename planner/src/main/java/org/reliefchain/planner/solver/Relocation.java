package org.reliefchain.planner.solver;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * Moves one delivery from a place in one vehicle's list to a place in another's (or the same), telling
 * the score director exactly what changed, the way OptaPlanner's own list change move does.
 * {@code toIndex} counts in the target list after the delivery has left its old place.
 */
final class Relocation {

    static final String VARIABLE = "visits";

    private Relocation() {
    }

    static void move(ScoreDirector<ReliefPlan> sd, Vehicle from, int fromIndex, Vehicle to, int toIndex) {
        if (from == to) {
            int low = Math.min(fromIndex, toIndex);
            int high = Math.max(fromIndex, toIndex) + 1;
            sd.beforeListVariableChanged(from, VARIABLE, low, high);
            Visit visit = from.getVisits().remove(fromIndex);
            from.getVisits().add(toIndex, visit);
            sd.afterListVariableChanged(from, VARIABLE, low, high);
        } else {
            sd.beforeListVariableChanged(from, VARIABLE, fromIndex, fromIndex + 1);
            Visit visit = from.getVisits().remove(fromIndex);
            sd.afterListVariableChanged(from, VARIABLE, fromIndex, fromIndex);
            sd.beforeListVariableChanged(to, VARIABLE, toIndex, toIndex);
            to.getVisits().add(toIndex, visit);
            sd.afterListVariableChanged(to, VARIABLE, toIndex, toIndex + 1);
        }
        sd.triggerVariableListeners();
    }

    /** The vehicles a move touches, the bucket included, each once (what tabu search would remember). */
    static java.util.List<Object> touched(java.util.stream.Stream<Vehicle> vehicles, Vehicle bucket) {
        java.util.LinkedHashSet<Object> touched = new java.util.LinkedHashSet<>();
        vehicles.forEach(touched::add);
        touched.add(bucket);
        return new java.util.ArrayList<>(touched);
    }

    /** Where a delivery is: a vehicle's list and the index in it. */
    record Place(Vehicle vehicle, int index) {
    }
}
