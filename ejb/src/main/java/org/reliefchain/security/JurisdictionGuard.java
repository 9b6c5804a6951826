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
        String signedIn = principal == null ? null : principal.getName();
        boolean inTransaction = transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
        String name = signedIn != null && !"ANONYMOUS".equalsIgnoreCase(signedIn) ? signedIn
                : inTransaction && transaction.getResource(ACTING_FOR) instanceof String actingFor ? actingFor : null;
        if (name == null) {
            return Optional.empty();
        }
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
    private static final String ACTING_FOR = JurisdictionGuard.class.getName() + ".actingFor";

    /**
     * Server work that carries on a user's request without them (a plan taken over from a server that left the
     * cluster) acts as that user for the rest of its transaction: their role and jurisdiction, checked as if they
     * had asked, and none if they have been disabled since. Only where nobody is signed in.
     */
    public void actFor(String username) {
        Principal principal = context.getCallerPrincipal();
        if (principal != null && !"ANONYMOUS".equalsIgnoreCase(principal.getName())) {
            throw new IllegalStateException(principal.getName() + " is signed in: they cannot act for " + username);
        }
        if (transaction.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("acting for " + username + " lasts a transaction: none is active");
        }
        transaction.putResource(ACTING_FOR, username);
    }

    /** @throws OutsideJurisdictionException unless {@code target} is inside the caller's jurisdiction */
    public Caller require(DivisionCode target, String what) {
        Caller caller = caller();
        caller.jurisdiction().requireCovers(target, what);
        return caller;
    }
}
