package org.reliefchain.finance.requisition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import jakarta.persistence.EntityManager;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.finance.enterprise.CreditCode;
import org.reliefchain.finance.enterprise.Enterprise;

/**
 * Whom compensation is owed to, as a row of the enterprise registry: journal payables name an enterprise,
 * so an organisation is registered there by its credit code (kind ORGANISATION) the first time it is met,
 * and a person gets a row without a credit code, found again by a SHA-256 of their ID number rather than the
 * number itself (the registry is readable by every signed-in user; the number stays on the requisition).
 */
final class Payees {

    private Payees() {
    }

    static long organisation(EntityManager em, CreditCode code, String name, DivisionCode division, String user,
                             Instant now) {
        Long found = em.createQuery("select e.id from Enterprise e where e.creditCode = :c", Long.class)
                .setParameter("c", code.value()).getResultStream().findFirst().orElse(null);
        if (found != null) {
            return found;
        }
        Enterprise e = new Enterprise(name, code, division, user, now);
        em.persist(e);
        em.flush();
        em.createNativeQuery("update enterprise set party_kind = 'ORGANISATION' where id = ?1")
                .setParameter(1, e.id()).executeUpdate();
        return e.id();
    }

    static long person(EntityManager em, ResidentId id, String name, DivisionCode division, String user, Instant now) {
        String key = key(id);
        Object found = em.createNativeQuery("select id from enterprise where person_key = ?1").setParameter(1, key)
                .getResultStream().findFirst().orElse(null);
        if (found != null) {
            return ((Number) found).longValue();
        }
        Number created = (Number) em.createNativeQuery("insert into enterprise (name, credit_code, division_code,"
                        + " status, created_by, created_at, updated_at, party_kind, person_key) values (?1, null, ?2,"
                        + " 'ACTIVE', ?3, ?4, ?4, 'PERSON', ?5) returning id").setParameter(1, name)
                .setParameter(2, division.value()).setParameter(3, user)
                .setParameter(4, now.atOffset(ZoneOffset.UTC)).setParameter(5, key).getSingleResult();
        return created.longValue();
    }

    /** Whether the registry row {@code id} is an enterprise proper (not an organisation or person met here). */
    static String kind(EntityManager em, long id) {
        return (String) em.createNativeQuery("select party_kind from enterprise where id = ?1").setParameter(1, id)
                .getResultStream().findFirst().orElse(null);
    }

    static String key(ResidentId id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("resident-id:" + id.value()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
