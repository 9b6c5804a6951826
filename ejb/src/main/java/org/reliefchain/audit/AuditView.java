package org.reliefchain.audit;

import java.io.Serializable;
import java.time.Instant;

/** An audit record as shown to administrators and auditors. */
public record AuditView(long id, Instant occurredAt, String actor, String actorJurisdiction, String action,
                        String entityType, String entityId, String summary) implements Serializable {
}
