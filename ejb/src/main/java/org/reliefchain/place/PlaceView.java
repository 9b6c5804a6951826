package org.reliefchain.place;

import java.io.Serializable;

/**
 * A place as the API shows it. {@code approximate}: the position is not the place's own surveyed
 * point ({@code positionOrigin} says why); {@code synthetic}: generated demo data, not a real place;
 * {@code editable}: whether the viewer may change it.
 */
public record PlaceView(String code, PlaceKind kind, String nameZh, String nameEn, String division, double lon,
                        double lat, PositionOrigin positionOrigin, boolean approximate, boolean synthetic,
                        AirKind airKind, Integer capacityPeople, String serves, String note, String source,
                        long version, boolean editable) implements Serializable {
}
