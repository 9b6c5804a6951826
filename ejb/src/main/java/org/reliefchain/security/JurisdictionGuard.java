package org.reliefchain.security;

import java.security.Principal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.division.DivisionCode;

/**
 * The one place that decides whether the caller may act on a division. Every service that reads or
 * writes division-bound data calls {@link #require(DivisionCode, String)} for a single target or
 * filters its queries with {@link #caller()}'s jurisdiction pattern.
 */
@Stateless
@PermitAll
public class JurisdictionGuard {

    @Resource
    private SessionContext context;

    @PersistenceContext
    private EntityManager em;

    /** The signed-in, enabled caller. */
    public Caller caller() {
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        AppUser user = name == null ? null : em.createQuery("select u from AppUser u where u.username = :name",
                AppUser.class).setParameter("name", name).getResultStream().findFirst().orElse(null);
        if (user == null || !user.enabled()) {
            throw new EJBAccessException("no enabled user is signed in");
        }
        return new Caller(user.username(), user.role(), user.jurisdiction());
    }

    /** @throws OutsideJurisdictionException unless {@code target} is inside the caller's jurisdiction */
    public Caller require(DivisionCode target, String what) {
        Caller caller = caller();
        caller.jurisdiction().requireCovers(target, what);
        return caller;
    }
}
