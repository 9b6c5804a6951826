package org.reliefchain.incident;

import java.time.Instant;

/**
 * One hazard as a GeoJSON feature carries it: the geometry as GeoJSON text, the rest from its
 * properties ({@code hazard}, {@code cause}, {@code name}, {@code radius} in metres for a circle,
 * {@code validFrom}, {@code validUntil}).
 */
public record HazardFeature(Long id, HazardType type, HazardCause cause, String name, String geometry,
                            Double radiusMetres, Instant validFrom, Instant validUntil) {
}
