package org.reliefchain.planner.solver;

import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Placed;

/**
 * How near two deliveries (or a delivery and a vehicle's depot) are, for nearby move selection: the
 * straight-line distance between their coordinates. It only ranks candidates, so the road network is
 * not needed here; longitude is scaled by the cosine of the latitude when coordinates are degrees.
 */
public class PlacedDistanceMeter implements NearbyDistanceMeter<Placed, Placed> {

    @Override
    public double getNearbyDistance(Placed origin, Placed destination) {
        Location a = origin.location();
        Location b = destination.location();
        double dx = a.lon() - b.lon();
        double dy = a.lat() - b.lat();
        if (Math.abs(a.lat()) <= 90 && Math.abs(a.lon()) <= 180 && Math.abs(b.lat()) <= 90) {
            dx *= Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
        }
        return Math.sqrt(dx * dx + dy * dy);
    }
}
