package org.reliefchain.incident;

import java.util.Set;

/**
 * What a hazard stops, and which geometries it may have: areas and circles stop road vehicles (or
 * helicopters, for a no-fly area); a closed road is a line; a closed sea lane is a line between
 * harbours or a sea area.
 */
public enum HazardType {
    BLOCKED_AREA(Set.of("Polygon", "MultiPolygon", "Point")),
    CLOSED_ROAD(Set.of("LineString", "MultiLineString")),
    CLOSED_LANE(Set.of("LineString", "MultiLineString", "Polygon")),
    NO_FLY(Set.of("Polygon", "MultiPolygon", "Point"));

    private final Set<String> geometries;

    HazardType(Set<String> geometries) {
        this.geometries = geometries;
    }

    public boolean accepts(String geometryType) {
        return geometries.contains(geometryType);
    }

    public Set<String> geometries() {
        return geometries;
    }
}
