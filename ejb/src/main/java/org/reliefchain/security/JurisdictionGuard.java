package org.reliefchain.security;

import java.security.Principal;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.reliefchain.division.DivisionCode;

/**
 * The one place that decides whether the caller may act on a division. Every service that reads or
 * writes division-bound data calls {@link #require(DivisionCode, String)} for a single target or
 * filters its queries with {@link #caller()}'s jurisdiction pattern.
 *
 * <p>The caller is read once per transaction and kept with it: one use case asks for it several
 * times (the guard for each warehouse it touches, the audit trail), and on the stock ledger's hot
 * path those repeated reads of the same {@code app_user} row were a tenth of the server's time. A change to the account
 * commits in its own transaction, so a cached caller never outlives the transaction that read it.
 */
@Stateless
@PermitAll
public class JurisdictionGuard {

    @Resource
    private SessionContext context;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    /** The signed-in, enabled caller. */
    public Caller caller() {
        return signedIn().orElseThrow(() -> new EJBAccessException("no enabled user is signed in"));
    }

    /** The signed-in, enabled caller, if there is one (start-up work runs as nobody). */
    public Optional<Caller> signedIn() {
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        if (name == null || "ANONYMOUS".equalsIgnoreCase(name)) {
            return Optional.empty();
        }
        boolean inTransaction = transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
        String key = CALLER_KEY + name;
        if (inTransaction && transaction.getResource(key) instanceof Caller cached) {
            return Optional.of(cached);
        }
        // Plain values, not the entity: building the shared AppUser object takes a cache lock that every
        // concurrent request of the same user queued on.
        Optional<Caller> caller = em.createQuery("select u.role, u.jurisdictionCode from AppUser u"
                        + " where u.username = :name and u.enabled = true", Object[].class)
                .setParameter("name", name).getResultStream().findFirst()
                .map(r -> new Caller(name, (Role) r[0], new Jurisdiction(DivisionCode.of((String) r[1]))));
        if (inTransaction && caller.isPresent()) {
            transaction.putResource(key, caller.get());
        }
        return caller;
    }

    private static final String CALLER_KEY = JurisdictionGuard.class.getName() + ".caller:";

    /** @throws OutsideJurisdictionException unless {@code target} is inside the caller's jurisdiction */
    public Caller require(DivisionCode target, String what) {
        Caller caller = caller();
        caller.jurisdiction().requireCovers(target, what);
        return caller;
    }
}
