package org.reliefchain.planner.scenario;

import java.util.List;
import java.util.function.IntPredicate;

import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.TravelMatrix;

/**
 * Travel times from straight lines: great-circle distance times a detour factor, at a speed that may
 * depend on the place (slower in the mountains). It stands in for the road and sea networks until
 * they are built (see planner/README.md), and is exact enough for helicopters, which fly straight.
 * Locations the mode cannot use get {@link TravelMatrix#UNREACHABLE} to and from everywhere.
 */
public final class StraightLineNetwork {

    private StraightLineNetwork() {
    }

    /** Speed in km/h at a location, by index. */
    @FunctionalInterface
    public interface SpeedAt {
        double at(int location);
    }

    /**
     * @param detour  road or lane length per straight-line metre
     * @param kmh     speed at a location; a leg runs at the mean of its two ends
     * @param usable  whether the mode can use a location at all
     */
    public static TravelMatrix matrix(String name, List<Location> locations, double detour, SpeedAt kmh,
                                      IntPredicate usable) {
        int n = locations.size();
        long[] time = new long[n * n];
        long[] metres = new long[n * n];
        for (int i = 0; i < n; i++) {
            Location a = locations.get(i);
            for (int j = 0; j < n; j++) {
                int cell = i * n + j;
                if (i == j) {
                    continue;
                }
                if (!usable.test(i) || !usable.test(j)) {
                    time[cell] = TravelMatrix.UNREACHABLE;
                    metres[cell] = TravelMatrix.UNREACHABLE;
                    continue;
                }
                Location b = locations.get(j);
                double m = Geo.metres(a.lon(), a.lat(), b.lon(), b.lat()) * detour;
                double speed = (kmh.at(i) + kmh.at(j)) / 2;
                metres[cell] = Math.round(m);
                time[cell] = Math.round(m / (speed / 3.6));
            }
        }
        return new TravelMatrix(name, n, time, metres);
    }
}
