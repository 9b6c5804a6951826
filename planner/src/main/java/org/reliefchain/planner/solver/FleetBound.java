package org.reliefchain.planner.solver;

import org.reliefchain.planner.model.ReliefPlan;

/**
 * A second upper bound on the 10-hour figure that also counts the fleet: the physical bound
 * ({@link PlanOutcome#bound}) asks only whether some vehicle could reach a point in time, so a place
 * that three boats can reach counts in full even when those boats cannot carry all it needs.
 *
 * <p>It is a relaxation solved exactly as a minimum-cost flow: each vehicle can carry at most its
 * weight capacity times the number of trips that could reach a stop by the deadline and still be home
 * by the end of duty (every trip before goes at least out to the nearest point it can serve and back
 * to reload); that weight flows to points of the physical bound that the vehicle can reach in time,
 * and a point yields its population in proportion to the share of its demand (by weight) that
 * arrives. What a plan must also respect and this ignores (volume, range per trip, stock quantities,
 * routing between stops, whole points only) can only lower what is achievable, so no plan serves
 * more people than this. A plan close to this bound and far from the physical one is short of
 * vehicles, not of search.
 */
public final class FleetBound {

    private FleetBound() {
    }

    /** People the fleet could at most serve by the deadline (fractional points counted pro rata), rounded down. */
    public static long of(ReliefPlan plan) {
        return of(new TransportRelaxation(plan));
    }

    static long of(TransportRelaxation facts) {
        TransportRelaxation.Network kg = new TransportRelaxation.Network();
        for (TransportRelaxation.VehicleClass c : facts.classes) {
            long perTrip = c.model.getWeightCapacity();
            kg.arc(kg.source(), c, TransportRelaxation.times(perTrip, c.trips));
            // Trips whose stop at p could still be on time: a far point gets fewer than a near one.
            c.onTime.forEach((p, trips) -> kg.arc(c, p, TransportRelaxation.times(perTrip, trips)));
        }
        long weightless = facts.weightDemands(kg);
        return weightless + kg.solve();
    }
}
