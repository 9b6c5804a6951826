package org.reliefchain.incident;

import java.time.Instant;
import java.util.List;

/**
 * Declaring an incident: {@code deadline} defaults to {@code startedAt} + 10 hours. The aggregate checks
 * the rules; this only carries what the client sent.
 */
public record IncidentForm(IncidentKind kind, String name, ResponseLevel responseLevel, List<String> affectedDivisions,
                           Instant startedAt, Instant deadline) {
}
