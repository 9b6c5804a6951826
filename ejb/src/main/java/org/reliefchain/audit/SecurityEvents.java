package org.reliefchain.audit;

import java.security.Principal;
import java.time.Duration;

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
import org.reliefchain.security.OutsideJurisdictionException;

/**
 * What an auditor must find after someone tried the doors: wrong passwords and refused attempts to act
 * outside a jurisdiction. Each is written in a transaction of its own, since the attempt itself is refused
 * and its own transaction (if any) rolls back.
 */
@Stateless
@PermitAll
public class SecurityEvents {

    /** Who acts in a sign-in that failed: nobody has been established. */
    public static final String ANONYMOUS = "anonymous";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private JurisdictionGuard guard;

    @Resource
    private SessionContext context;

    /**
     * A wrong password, an unknown user name or a disabled account (the same to the client, told apart
     * nowhere but here: the name as typed is the entity).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void signInFailed(String username, String address, int failuresInARow, Duration closedFor) {
        String name = printable(username, 64);
        String summary = "sign-in as '" + name + "' refused from " + printable(address, 64) + " (" + failuresInARow
                + " in a row" + (closedFor.isZero() ? "" : "; name closed for " + (closedFor.toMillis() + 999) / 1000 + " s") + ")";
        em.persist(new AuditEvent(clock.now(), ANONYMOUS, null, "SIGN_IN_FAILED", "user", name.isEmpty() ? "-" : name,
                summary));
    }

    /** Someone signed in tried to act on a division outside their jurisdiction and was refused. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void accessRefused(OutsideJurisdictionException refused) {
        Principal principal = context.getCallerPrincipal();
        String actor = principal == null ? ANONYMOUS : printable(principal.getName(), 64);
        String jurisdiction = guard.signedIn().map(c -> c.jurisdiction().root().value()).orElse(null);
        Object target = refused.args().isEmpty() ? "-" : refused.args().get(0);
        em.persist(new AuditEvent(clock.now(), actor, jurisdiction, "ACCESS_REFUSED", "division",
                printable(String.valueOf(target), 64), printable(refused.getMessage(), 1000)));
    }

    /** Client text as it may be written into the trail: no control characters, at most {@code max} characters. */
    static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?").strip();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
