package org.reliefchain.planner.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Visit;

/**
 * What makes a relief plan good. Hard: what cannot physically happen (a vehicle that cannot reach a
 * place, carries more than it can, takes stock the depot does not have, flies beyond its range, or
 * works past its duty). Medium: people left without relief, late relief, and points not fully served
 * by their deadline, weighted by priority; a delivery {@link Visit#LATENESS_CAP} minutes late costs as
 * much as none. Soft: travel time.
 */
public class ReliefConstraints implements ConstraintProvider {

    static final String MODE = "mode can reach the demand point";
    static final String UNREACHABLE = "leg is travelable";
    static final String CAPACITY = "vehicle capacity";
    static final String STOCK = "depot stock";
    static final String RANGE = "range per trip";
    static final String DUTY = "back by the end of duty";
    static final String UNMET = "unmet demand";
    static final String LATE = "late delivery";
    static final String INCOMPLETE = "point not fully served by its deadline";
    static final String TRAVEL = "travel time";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                modeReachesPoint(factory), legIsTravelable(factory), capacity(factory), depotStock(factory),
                range(factory), duty(factory), unmetDemand(factory), lateDelivery(factory), pointNotFullyServed(factory),
                travelTime(factory)
        };
    }

    Constraint modeReachesPoint(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isDelivered() && !v.getPoint().modes().contains(v.getVehicle().getMode()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> 1000)
                .asConstraint(MODE);
    }

    /** The matrix has no path (a cut road, a closed sea lane): the mode may reach the place, not from here. */
    Constraint legIsTravelable(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isDelivered() && v.getLeg() >= TravelMatrix.UNREACHABLE)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> 1000)
                .asConstraint(UNREACHABLE);
    }

    Constraint capacity(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isDelivered() && v.getClosesTrip()
                        && (v.getTripWeight() > v.getVehicle().getWeightCapacity()
                        || v.getTripVolume() > v.getVehicle().getVolumeCapacity()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        v -> Math.max(0, v.getTripWeight() - v.getVehicle().getWeightCapacity())
                                + Math.max(0, v.getTripVolume() - v.getVehicle().getVolumeCapacity()))
                .asConstraint(CAPACITY);
    }

    Constraint depotStock(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(Visit::isDelivered)
                .groupBy(v -> v.getVehicle().getHome().stockHolder(), Visit::getMaterial, sumLong(Visit::getQuantity))
                .filter((depot, material, taken) -> taken > depot.stockOf(material))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (depot, material, taken) -> taken - depot.stockOf(material))
                .asConstraint(STOCK);
    }

    Constraint range(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isDelivered() && v.getClosesTrip() && v.closedTripDistance() > v.getVehicle().getRange())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> v.closedTripDistance() - v.getVehicle().getRange())
                .asConstraint(RANGE);
    }

    Constraint duty(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isDelivered() && v.getNext() == null && v.returnTime() > v.getVehicle().getDutyEnd())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> v.returnTime() - v.getVehicle().getDutyEnd())
                .asConstraint(DUTY);
    }

    Constraint unmetDemand(ConstraintFactory f) {
        return f.forEachIncludingNullVars(Visit.class)
                .filter(Visit::isUnmet)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        v -> v.getPeople() * v.getPoint().priority() * Visit.LATENESS_CAP)
                .asConstraint(UNMET);
    }

    Constraint lateDelivery(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isDelivered() && v.lateness() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        v -> v.getPeople() * v.getPoint().priority() * v.latenessSteps())
                .asConstraint(LATE);
    }

    /**
     * What the 10-hour figure counts: a point is served when every one of its deliveries has arrived
     * by its deadline. Without this term, three points each missing one material would look as good
     * as one point left out and two served in full.
     */
    Constraint pointNotFullyServed(ConstraintFactory f) {
        return f.forEachIncludingNullVars(Visit.class)
                .filter(v -> !v.isDelivered() || v.lateness() > 0)
                .groupBy(Visit::getPoint, countDistinct())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        (point, missing) -> point.population() * point.priority() * Visit.LATENESS_CAP)
                .asConstraint(INCOMPLETE);
    }

    /** Every leg, plus the way home after the last delivery. */
    Constraint travelTime(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(Visit::isDelivered)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, v -> Math.min(TravelMatrix.UNREACHABLE,
                        v.getLeg() + (v.getNext() == null ? v.wayHome() : 0)))
                .asConstraint(TRAVEL);
    }
}
