package org.reliefchain.planner.air;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.road.BlockedAreas;
import org.reliefchain.planner.scenario.Geo;
import org.reliefchain.planner.scenario.ZhejiangData;
import org.reliefchain.planner.scenario.ZhejiangData.Division;

/**
 * Helicopters: straight legs at cruise speed between air bases and temporary landing points, none
 * through a no-fly area. A demand point is served by helicopter at its nearest landing point when one
 * is within {@link #CARRY_METRES} (the last stretch is carried); otherwise not by air.
 */
public final class AirNetwork {

    /** How far relief is carried from a landing point to the people. */
    public static final double CARRY_METRES = 5_000;

    private AirNetwork() {
    }

    /**
     * Temporary landing points at township positions, chosen deterministically: first the townships of
     * mountain and island counties (farthest from their county seat first), then the remotest others.
     */
    public static List<Location> landingPoints(ZhejiangData data, int count, Set<String> mountainOrIsland) {
        List<Division> counties = data.level("COUNTY");
        java.util.Map<String, Division> seat = new java.util.HashMap<>();
        counties.forEach(c -> seat.put(c.code(), c));
        Comparator<Division> remoteFirst = Comparator.comparingDouble((Division t) -> -distance(t, seat.get(t.parent())))
                .thenComparing(Division::code);
        List<Division> favoured = new ArrayList<>(data.level("TOWNSHIP").stream()
                .filter(t -> mountainOrIsland.contains(t.parent())).sorted(remoteFirst).toList());
        List<Division> others = data.level("TOWNSHIP").stream().filter(t -> !mountainOrIsland.contains(t.parent()))
                .sorted(remoteFirst).toList();
        favoured.addAll(others);
        List<Location> points = new ArrayList<>();
        for (Division t : favoured.subList(0, Math.min(count, favoured.size()))) {
            points.add(new Location(-1, "landing point " + t.name(), t.lon(), t.lat()));
        }
        return points;
    }

    private static double distance(Division a, Division b) {
        return b == null ? 0 : Geo.metres(a.lon(), a.lat(), b.lon(), b.lat());
    }

    /** The landing point nearest to a place, if one is within carrying distance; null otherwise. */
    public static Location landingFor(Location place, List<Location> landingPoints) {
        Location best = null;
        double bestMetres = CARRY_METRES;
        for (Location l : landingPoints) {
            double m = Geo.metres(place.lon(), place.lat(), l.lon(), l.lat());
            if (m <= bestMetres) {
                bestMetres = m;
                best = l;
            }
        }
        return best;
    }

    /**
     * Flight times between locations, each flown to or from its landing spot ({@code landingOf}: where
     * a helicopter sets down for location i, or null when it cannot): straight at {@code kmh}; a leg
     * that crosses a no-fly area is unreachable (no detour is flown).
     */
    public static TravelMatrix matrix(String name, List<Location> locations, java.util.function.IntFunction<Location> landingOf,
                                      double kmh, BlockedAreas noFly) {
        int n = locations.size();
        long[] time = new long[n * n];
        long[] metres = new long[n * n];
        double metresPerSecond = kmh / 3.6;
        for (int i = 0; i < n; i++) {
            Location a = landingOf.apply(i);
            for (int j = 0; j < n; j++) {
                int cell = i * n + j;
                if (i == j) {
                    continue;
                }
                Location b = landingOf.apply(j);
                if (a == null || b == null || crosses(a, b, noFly)) {
                    time[cell] = TravelMatrix.UNREACHABLE;
                    metres[cell] = TravelMatrix.UNREACHABLE;
                    continue;
                }
                double m = Geo.metres(a.lon(), a.lat(), b.lon(), b.lat());
                metres[cell] = Math.round(m);
                time[cell] = Math.round(m / metresPerSecond);
            }
        }
        return new TravelMatrix(name, n, time, metres);
    }

    /** Whether the straight leg passes through a no-fly area (checked every kilometre and at both ends). */
    static boolean crosses(Location a, Location b, BlockedAreas noFly) {
        if (noFly.areas().isEmpty()) {
            return false;
        }
        double minLon = Math.min(a.lon(), b.lon());
        double maxLon = Math.max(a.lon(), b.lon());
        double minLat = Math.min(a.lat(), b.lat());
        double maxLat = Math.max(a.lat(), b.lat());
        boolean near = false;
        for (BlockedAreas.Area area : noFly.areas()) {
            double[] x = area.lon();
            double[] y = area.lat();
            double aMinLon = java.util.Arrays.stream(x).min().orElse(0);
            double aMaxLon = java.util.Arrays.stream(x).max().orElse(0);
            double aMinLat = java.util.Arrays.stream(y).min().orElse(0);
            double aMaxLat = java.util.Arrays.stream(y).max().orElse(0);
            near |= maxLon >= aMinLon && minLon <= aMaxLon && maxLat >= aMinLat && minLat <= aMaxLat;
        }
        if (!near) {
            return false; // the leg's box misses every area's box
        }
        double m = Geo.metres(a.lon(), a.lat(), b.lon(), b.lat());
        int steps = Math.max(1, (int) Math.ceil(m / 1_000));
        for (int k = 0; k <= steps; k++) {
            double f = k / (double) steps;
            if (noFly.areaAt(a.lon() + f * (b.lon() - a.lon()), a.lat() + f * (b.lat() - a.lat())) != null) {
                return true;
            }
        }
        return false;
    }
}
