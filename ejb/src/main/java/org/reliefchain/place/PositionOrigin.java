package org.reliefchain.place;

/** Where a place's position comes from; anything but PUBLISHED and ENTERED is shown as approximate. */
public enum PositionOrigin {
    /** the coordinates of the cited source */
    PUBLISHED,
    /** the source gives a point near the place (a town centroid, not the terminal) and says so */
    APPROXIMATE,
    /** the source has no coordinates: the county seat stands in */
    COUNTY_SEAT,
    /** generated demo data */
    SYNTHETIC,
    /** typed in by a user */
    ENTERED;

    public boolean approximate() {
        return this == APPROXIMATE || this == COUNTY_SEAT || this == SYNTHETIC;
    }
}
