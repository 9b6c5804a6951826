package org.reliefchain.place;

/** Distances on the earth's surface, as the planner measures them (haversine, mean radius). */
public final class GreatCircle {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private GreatCircle() {
    }

    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
