package org.reliefchain.division.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A county's area as a set of polygons with holes, in longitude/latitude degrees.
 * Only what sampling needs: point-in-region, bounding box and an approximate area.
 */
final class Region {

    /** One polygon: an outer ring followed by its holes; each ring is [lon, lat] pairs. */
    record Polygon(List<double[][]> rings) {
    }

    private final List<Polygon> polygons = new ArrayList<>();
    private double minLon = Double.MAX_VALUE;
    private double minLat = Double.MAX_VALUE;
    private double maxLon = -Double.MAX_VALUE;
    private double maxLat = -Double.MAX_VALUE;

    void add(Polygon polygon) {
        polygons.add(polygon);
        for (double[] p : polygon.rings().get(0)) {
            minLon = Math.min(minLon, p[0]);
            maxLon = Math.max(maxLon, p[0]);
            minLat = Math.min(minLat, p[1]);
            maxLat = Math.max(maxLat, p[1]);
        }
    }

    List<Polygon> polygons() {
        return polygons;
    }

    double minLon() { return minLon; }

    double maxLon() { return maxLon; }

    double minLat() { return minLat; }

    double maxLat() { return maxLat; }

    boolean contains(double lon, double lat) {
        if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) {
            return false;
        }
        for (Polygon polygon : polygons) {
            List<double[][]> rings = polygon.rings();
            if (inRing(rings.get(0), lon, lat)) {
                boolean inHole = false;
                for (int i = 1; i < rings.size() && !inHole; i++) {
                    inHole = inRing(rings.get(i), lon, lat);
                }
                if (!inHole) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Area in km², planar approximation at the region's latitude (good to a few percent at 30°N). */
    double areaKm2() {
        double kmPerDegLat = 111.32;
        double kmPerDegLon = 111.32 * Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double total = 0;
        for (Polygon polygon : polygons) {
            for (int i = 0; i < polygon.rings().size(); i++) {
                double a = Math.abs(shoelace(polygon.rings().get(i)));
                total += i == 0 ? a : -a;
            }
        }
        return total * kmPerDegLat * kmPerDegLon;
    }

    private static double shoelace(double[][] ring) {
        double s = 0;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            s += (ring[j][0] * ring[i][1]) - (ring[i][0] * ring[j][1]);
        }
        return s / 2;
    }

    /** Even-odd ray casting. */
    private static boolean inRing(double[][] ring, double lon, double lat) {
        boolean inside = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0];
            double yi = ring[i][1];
            double xj = ring[j][0];
            double yj = ring[j][1];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
