package org.reliefchain.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An immutable fact: who did what to which entity, when. The database refuses updates and deletes. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private String actor;

    @Column(name = "actor_jurisdiction", updatable = false)
    private String actorJurisdiction;

    @Column(updatable = false)
    private String action;

    @Column(name = "entity_type", updatable = false)
    private String entityType;

    @Column(name = "entity_id", updatable = false)
    private String entityId;

    @Column(updatable = false)
    private String summary;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String actorJurisdiction, String action, String entityType,
               String entityId, String summary) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorJurisdiction = actorJurisdiction;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.summary = summary;
    }

    AuditView view() {
        return new AuditView(id, occurredAt, actor, actorJurisdiction, action, entityType, entityId, summary);
    }
}
