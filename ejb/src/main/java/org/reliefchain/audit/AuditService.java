package org.reliefchain.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

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
        StringBuilder where = new StringBuilder(" where (e.actorJurisdiction like :scope"
                + (top ? " or e.actorJurisdiction is null)" : ")"));
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope.likePattern());
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" and e.actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.entityType() != null && !query.entityType().isBlank()) {
            where.append(" and e.entityType = :entityType");
            params.put("entityType", query.entityType());
        }
        if (query.entityId() != null && !query.entityId().isBlank()) {
            where.append(" and e.entityId = :entityId");
            params.put("entityId", query.entityId());
        }
        if (query.from() != null) {
            where.append(" and e.occurredAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.occurredAt < :to");
            params.put("to", query.to());
        }
        TypedQuery<AuditEvent> select = em.createQuery(
                "select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AuditView> items = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(AuditEvent::view).toList();
        return new Page<>(items, count.getSingleResult(), page.page(), page.size());
    }
}
