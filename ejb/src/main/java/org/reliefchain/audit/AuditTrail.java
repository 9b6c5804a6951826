package org.reliefchain.audit;

import java.security.Principal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.platform.Clock;
import org.reliefchain.security.JurisdictionGuard;

/**
 * Writes audit records. {@code MANDATORY}: a record is only ever written inside the transaction of the
 * change it describes, so both commit or neither does.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    /** Who acts when no one is signed in: start-up seeding and loading. */
    public static final String SYSTEM = "system";

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Clock clock;

    @Inject
    private JurisdictionGuard guard;

    public void record(String action, String entityType, String entityId, String summary) {
        Principal principal = context.getCallerPrincipal();
        String actor = principal == null || "ANONYMOUS".equalsIgnoreCase(principal.getName())
                ? SYSTEM : principal.getName();
        String jurisdiction = SYSTEM.equals(actor) ? null
                : guard.signedIn().map(c -> c.jurisdiction().root().value()).orElse(null);
        em.persist(new AuditEvent(clock.now(), actor, jurisdiction, action, entityType, entityId, summary));
    }
}
