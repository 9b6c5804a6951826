package org.reliefchain.incident;

import java.time.Instant;
import java.util.List;

/**
 * A change to a running incident: only the fields sent change. {@code reason} is required (the history
 * says why), {@code version} is the one read (409 when someone changed it meanwhile).
 */
public record IncidentChange(String name, ResponseLevel responseLevel, Instant deadline, Integer demandDays,
                             List<String> affectedDivisions, String reason, Long version) {
}
