package org.reliefchain.planner.road;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where roads cannot be used: flooded or landslide areas as polygons (GeoJSON Polygon or
 * MultiPolygon, holes ignored: a hole in a flood is still cut off) and closed road segments, each
 * given by a point on it. Routes and matrices avoid them; a place inside an area is unreachable by
 * road, however near a usable road outside it may be.
 */
public record BlockedAreas(List<Area> areas, List<RoadNetwork.Point> closedRoads) {

    /** A named polygon: its outer ring as lon/lat pairs. */
    public record Area(String name, double[] lon, double[] lat) {

        public boolean contains(double x, double y) {
            boolean inside = false;
            for (int i = 0, j = lon.length - 1; i < lon.length; j = i++) {
                if ((lat[i] > y) != (lat[j] > y)
                        && x < (lon[j] - lon[i]) * (y - lat[i]) / (lat[j] - lat[i]) + lon[i]) {
                    inside = !inside;
                }
            }
            return inside;
        }

        /** A circle as a 32-gon (a flood around a point, in tests and scenarios). */
        public static Area circle(String name, double lonCentre, double latCentre, double radiusMetres) {
            int n = 32;
            double[] x = new double[n];
            double[] y = new double[n];
            double dLat = radiusMetres / 111_195.0;
            double dLon = dLat / Math.cos(Math.toRadians(latCentre));
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n;
                x[i] = lonCentre + dLon * Math.cos(a);
                y[i] = latCentre + dLat * Math.sin(a);
            }
            return new Area(name, x, y);
        }
    }

    public static final BlockedAreas NONE = new BlockedAreas(List.of(), List.of());

    public boolean isEmpty() {
        return areas.isEmpty() && closedRoads.isEmpty();
    }

    /** The area containing the point, if any. */
    public Area areaAt(double lon, double lat) {
        for (Area a : areas) {
            if (a.contains(lon, lat)) {
                return a;
            }
        }
        return null;
    }

    /** Reads a GeoJSON FeatureCollection; a feature's {@code name} property names its area. */
    public static BlockedAreas readGeoJson(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<Area> areas = new ArrayList<>();
        int n = 0;
        for (JsonNode feature : root.path("features")) {
            n++;
            String name = feature.path("properties").path("name").asText("area " + n);
            JsonNode geometry = feature.path("geometry");
            switch (geometry.path("type").asText()) {
                case "Polygon" -> areas.add(ring(name, geometry.path("coordinates").get(0)));
                case "MultiPolygon" -> {
                    int k = 0;
                    for (JsonNode polygon : geometry.path("coordinates")) {
                        areas.add(ring(name + " #" + ++k, polygon.get(0)));
                    }
                }
                default -> throw new IOException(file + ": feature " + n + " is not a Polygon or MultiPolygon");
            }
        }
        return new BlockedAreas(areas, List.of());
    }

    private static Area ring(String name, JsonNode ring) {
        double[] x = new double[ring.size()];
        double[] y = new double[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            x[i] = ring.get(i).get(0).asDouble();
            y[i] = ring.get(i).get(1).asDouble();
        }
        return new Area(name, x, y);
    }
}
