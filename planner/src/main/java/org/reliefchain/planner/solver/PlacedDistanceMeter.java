package org.reliefchain.planner.solver;

import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.Placed;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * How near two deliveries (or a delivery and a vehicle's depot) are, for nearby move selection: the
 * straight-line distance between their coordinates. It only ranks candidates, so the road network is
 * not needed here; longitude is scaled by the cosine of the latitude when coordinates are degrees.
 *
 * <p>Deliveries that no one vehicle could make together (a boat-only island next to a village only
 * trucks reach), or a delivery and a vehicle of a mode that cannot reach it, count as far apart
 * whatever their coordinates: a move putting one next to the other always breaks a hard constraint,
 * and in a relief plan such neighbours would otherwise fill most of a delivery's nearby list.
 */
public class PlacedDistanceMeter implements NearbyDistanceMeter<Placed, Placed> {

    /** Added for pairs no vehicle can serve together: beyond any real distance in degrees or benchmark units. */
    static final double NO_COMMON_MODE = 1.0e6;

    @Override
    public double getNearbyDistance(Placed origin, Placed destination) {
        return straight(origin, destination) + (commonMode(origin, destination) ? 0 : NO_COMMON_MODE);
    }

    private static boolean commonMode(Placed a, Placed b) {
        if (a instanceof Visit x && b instanceof Visit y) {
            // Called for every pair of deliveries when nearby lists are built: no streams here.
            if (x.getPoint() == y.getPoint()) {
                return true;
            }
            for (Mode m : x.getPoint().modes()) {
                if (y.getPoint().modes().contains(m)) {
                    return true;
                }
            }
            return false;
        }
        Visit visit = a instanceof Visit x ? x : b instanceof Visit y ? y : null;
        Vehicle vehicle = a instanceof Vehicle v ? v : b instanceof Vehicle w ? w : null;
        return visit == null || vehicle == null || vehicle.isBucket() || visit.getPoint().modes().contains(vehicle.getMode());
    }

    private static double straight(Placed origin, Placed destination) {
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
