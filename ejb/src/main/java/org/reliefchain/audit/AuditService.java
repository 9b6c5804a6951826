package org.reliefchain.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.platform.PagedQuery;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.Role;

/**
 * Reads the trail, newest first. A reviewer sees what was done by users inside their jurisdiction;
 * system actions (start-up seeding) only at the top of the tree.
 */
@Stateless
@RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class AuditService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    public Page<AuditView> list(AuditQuery query, PageRequest page) {
        Jurisdiction scope = guard.caller().jurisdiction();
        boolean top = scope.root().level().ordinal() == 0;
        return PagedQuery.of(AuditEvent.class, "e")
                .and("e.actorJurisdiction like :scope" + (top ? " or e.actorJurisdiction is null" : ""),
                        "scope", scope.likePattern())
                .andIf(query.actor(), "e.actor = :actor", "actor")
                .andIf(query.entityType(), "e.entityType = :entityType", "entityType")
                .andIf(query.entityId(), "e.entityId = :entityId", "entityId")
                .andIf(query.from(), "e.occurredAt >= :from", "from")
                .andIf(query.to(), "e.occurredAt < :to", "to")
                .fetch(em, "e.occurredAt desc, e.id desc", page)
                .map(AuditEvent::view);
    }
}
