package org.reliefchain.planner.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * Ruin and recreate: takes a cluster of nearby deliveries, or one whole route, out of their routes
 * (into the unassigned bucket) and puts them back one by one, each where the whole plan scores best
 * among the places next to its nearest deliveries, the start of a few empty vehicles, or the bucket
 * (never on the vehicle whose route is being closed).
 *
 * <p>Why: single-delivery and sub-list moves rarely empty a route or rebuild a region's routes
 * together, so a search of them settles in deep local optima on long routes (Solomon C2/R2/RC2, and
 * the multi-trip trucks of a relief plan). Removing a whole neighbourhood and rebuilding it greedily
 * is one step out of such an optimum; late acceptance decides whether to keep it.
 *
 * <p>The move is deterministic once created (its recreation order comes from its own seed), so doing
 * it again for the chosen step gives the same plan; the result of the first run is kept and replayed.
 */
final class RuinRecreateMove implements Move<ReliefPlan> {

    private final RuinRecreateMoveFactory.Neighbourhoods neighbourhoods;
    private final Vehicle bucket;
    private final List<Visit> ruined;
    /** The vehicle whose route this move closes (nothing is put back on it), or {@code null}. */
    private final Vehicle closed;
    private final long seed;
    private List<Relocation.Place> recreated;

    RuinRecreateMove(RuinRecreateMoveFactory.Neighbourhoods neighbourhoods, Vehicle bucket, List<Visit> ruined,
                     Vehicle closed, long seed) {
        this.neighbourhoods = neighbourhoods;
        this.bucket = bucket;
        this.ruined = ruined;
        this.closed = closed;
        this.seed = seed;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<ReliefPlan> scoreDirector) {
        return !ruined.isEmpty();
    }

    @Override
    public Move<ReliefPlan> doMove(ScoreDirector<ReliefPlan> sd) {
        List<Relocation.Place> original = placesOf(ruined);
        if (recreated != null) {
            PlacementMove.apply(sd, bucket, ruined, recreated);
        } else {
            recreate(sd);
            recreated = placesOf(ruined);
        }
        return new PlacementMove(bucket, ruined, original);
    }

    @SuppressWarnings("unchecked")
    private void recreate(ScoreDirector<ReliefPlan> sd) {
        InnerScoreDirector<ReliefPlan, HardMediumSoftLongScore> scores =
                (InnerScoreDirector<ReliefPlan, HardMediumSoftLongScore>) sd;
        for (Visit v : ruined) {
            if (v.getVehicle() != bucket) {
                Relocation.move(sd, v.getVehicle(), v.getVehicle().getVisits().indexOf(v), bucket, bucket.getVisits().size());
            }
        }
        List<Visit> order = new ArrayList<>(ruined);
        Collections.shuffle(order, new Random(seed));
        for (Visit v : order) {
            HardMediumSoftLongScore best = scores.calculateScore();
            Relocation.Place bestPlace = null;
            int staged = bucket.getVisits().indexOf(v);
            for (Relocation.Place place : neighbourhoods.placesFor(v, bucket, closed)) {
                Relocation.move(sd, bucket, staged, place.vehicle(), place.index());
                HardMediumSoftLongScore score = scores.calculateScore();
                Relocation.move(sd, place.vehicle(), place.index(), bucket, staged);
                if (score.compareTo(best) > 0) {
                    best = score;
                    bestPlace = place;
                }
            }
            if (bestPlace != null) {
                Relocation.move(sd, bucket, staged, bestPlace.vehicle(), bestPlace.index());
            }
        }
    }

    /** Where each delivery is now. */
    static List<Relocation.Place> placesOf(List<Visit> visits) {
        List<Relocation.Place> places = new ArrayList<>(visits.size());
        for (Visit v : visits) {
            places.add(new Relocation.Place(v.getVehicle(), v.getVehicle().getVisits().indexOf(v)));
        }
        return places;
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RuinRecreateMove";
    }

    @Override
    public List<Object> getPlanningEntities() {
        return Relocation.touched(ruined.stream().map(Visit::getVehicle), bucket);
    }

    @Override
    public List<Object> getPlanningValues() {
        return new ArrayList<>(ruined);
    }

    @Override
    public String toString() {
        return closed != null ? "close the route of " + closed.getId() + " (" + ruined.size() + " deliveries)"
                : "ruin and recreate " + ruined.size() + " deliveries around " + ruined.get(0).getId();
    }
}
