package org.reliefchain.division;

import java.io.Serializable;

/** A WGS84 position in degrees. */
public record GeoPoint(double lon, double lat) implements Serializable {

    public GeoPoint {
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("not a WGS84 position: " + lon + "," + lat);
        }
    }
}
