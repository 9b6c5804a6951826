package org.reliefchain.planner.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * Puts a set of deliveries at given places (vehicle and index), every other delivery keeping its
 * order. It is the undo of a ruin-and-recreate move, and its own undo.
 *
 * <p>The deliveries first go to the end of the unassigned bucket, then to their places in ascending
 * index order per vehicle: when a delivery is put at index i, the i deliveries before it are already
 * the final ones, so the lists come out exactly as described.
 */
final class PlacementMove implements Move<ReliefPlan> {

    private final Vehicle bucket;
    private final List<Visit> visits;
    private final List<Relocation.Place> places;

    PlacementMove(Vehicle bucket, List<Visit> visits, List<Relocation.Place> places) {
        this.bucket = bucket;
        this.visits = visits;
        this.places = places;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<ReliefPlan> scoreDirector) {
        return true;
    }

    @Override
    public Move<ReliefPlan> doMove(ScoreDirector<ReliefPlan> sd) {
        List<Relocation.Place> before = RuinRecreateMove.placesOf(visits);
        apply(sd, bucket, visits, places);
        return new PlacementMove(bucket, visits, before);
    }

    static void apply(ScoreDirector<ReliefPlan> sd, Vehicle bucket, List<Visit> visits, List<Relocation.Place> places) {
        for (Visit v : visits) {
            // Those already in the bucket go to its end too: the staged ones must all be at the end.
            Vehicle at = v.getVehicle();
            int end = at == bucket ? bucket.getVisits().size() - 1 : bucket.getVisits().size();
            Relocation.move(sd, at, at.getVisits().indexOf(v), bucket, end);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> places.get(i).index()));
        for (int i : order) {
            Visit v = visits.get(i);
            Relocation.Place target = places.get(i);
            Relocation.move(sd, bucket, bucket.getVisits().indexOf(v), target.vehicle(), target.index());
        }
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "PlacementMove";
    }

    @Override
    public List<Object> getPlanningEntities() {
        return Relocation.touched(places.stream().map(Relocation.Place::vehicle), bucket);
    }

    @Override
    public List<Object> getPlanningValues() {
        return new ArrayList<>(visits);
    }

    @Override
    public String toString() {
        return "place " + visits.size() + " deliveries";
    }
}
