package org.reliefchain.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.reliefchain.platform.NotFoundException;

/**
 * The saved hazard collections of incidents (table {@code hazard_collection}, append-only): which revision
 * is current, who saved each and when, and each collection as it was saved.
 */
public final class HazardRevisions {

    /** One save: its revision, who and when, and how many hazards it held. */
    public record Revision(int revision, String savedBy, Instant savedAt, int hazards) {
    }

    private final EntityManager em;

    HazardRevisions(EntityManager em) {
        this.em = em;
    }

    /** The revision of the current collection; 0 before the first save (hazards seeded with the incident). */
    int current(long incidentId) {
        Number n = (Number) em.createNativeQuery("select coalesce(max(revision), 0) from hazard_collection"
                + " where incident_id = ?1").setParameter(1, incidentId).getSingleResult();
        return n.intValue();
    }

    Optional<Revision> latest(long incidentId) {
        return list(incidentId, 1).stream().findFirst();
    }

    /** The saves of an incident, newest first. */
    List<Revision> list(long incidentId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select revision, saved_by, saved_at, hazards from hazard_collection"
                        + " where incident_id = ?1 order by revision desc").setParameter(1, incidentId)
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Revision(((Number) r[0]).intValue(), (String) r[1], instant(r[2]),
                ((Number) r[3]).intValue())).toList();
    }

    /** The collection as it was saved in {@code revision}. */
    String collection(long incidentId, int revision) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select collection from hazard_collection where incident_id = ?1"
                + " and revision = ?2").setParameter(1, incidentId).setParameter(2, revision).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("hazard revision", revision);
        }
        return found.get(0);
    }

    void append(long incidentId, int revision, String savedBy, Instant savedAt, int hazards, String collection) {
        em.createNativeQuery("insert into hazard_collection (incident_id, revision, saved_by, saved_at, hazards,"
                        + " collection) values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, incidentId)
                .setParameter(2, revision).setParameter(3, savedBy).setParameter(4, Timestamp.from(savedAt))
                .setParameter(5, hazards).setParameter(6, collection).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
