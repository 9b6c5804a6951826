package org.reliefchain.incident;

import java.io.Serializable;
import java.time.Instant;

/**
 * A demand point's figures as of one report (the current one, or one of its history), with the point's
 * position (the division's; synthetic for townships and villages) for the map.
 */
public record AffectedView(long id, String division, String name, String county, double lon, double lat,
                           int people, int relocated,
                           Integer under3, Integer over65, Integer pregnant, boolean cutOff, AffectedSource source,
                           Instant reportedAt, Instant recordedAt, String actor, String note) implements Serializable {
}
