package org.reliefchain.division;

/** Where a division's position comes from; see data/zhejiang/ATTRIBUTION.md. */
public enum PositionSource {
    /** centre from the public county boundary data */
    OFFICIAL_CENTRE,
    /** hand-placed seat for a county newer than the boundary data */
    APPROXIMATE,
    /** generated (fixed seed) inside the county: no public coordinates exist */
    SYNTHETIC
}
