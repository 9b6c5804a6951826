package org.reliefchain.incident;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An incident as a viewer sees it, with what this viewer may do now: {@code runnable} is false for a
 * dispatcher of an affected county who sees someone else's incident, and {@code nextStatuses} lists
 * only the moves open to this viewer.
 */
public record IncidentView(long id, String number, IncidentKind kind, String name, ResponseLevel responseLevel,
                           IncidentStatus status, String ownerDivision, String ownerName, List<String> affectedDivisions,
                           Instant startedAt, Instant deadline, int demandDays, String declaredBy, Instant declaredAt,
                           boolean synthetic, long version, boolean runnable, List<IncidentStatus> nextStatuses) implements Serializable {
}
