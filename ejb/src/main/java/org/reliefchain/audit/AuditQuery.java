package org.reliefchain.audit;

import java.time.Instant;

/** Filters for reading the trail; every field may be null. */
public record AuditQuery(String actor, String entityType, String entityId, Instant from, Instant to) {
}
