package org.reliefchain.incident;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A hazard of an incident: a GeoJSON geometry (checked by {@link HazardGeometry} before it gets here),
 * what it stops and why, and when it holds (open ends mean "from the start" and "until further notice").
 * Hazards are replaced as a whole set when a dispatcher saves the map; the audit trail keeps each save.
 */
@Entity
@Table(name = "hazard")
public class Hazard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private long incidentId;
    @Enumerated(EnumType.STRING)
    private HazardType type;
    @Enumerated(EnumType.STRING)
    private HazardCause cause;
    private String name;
    private String geometry;
    @Column(name = "radius_m")
    private BigDecimal radiusMetres;
    @Column(name = "valid_from")
    private Instant validFrom;
    @Column(name = "valid_until")
    private Instant validUntil;

    protected Hazard() {
    }

    public Hazard(long incidentId, HazardFeature f) {
        this.incidentId = incidentId;
        this.type = f.type();
        this.cause = f.cause();
        this.name = f.name();
        this.geometry = f.geometry();
        this.radiusMetres = f.radiusMetres() == null ? null : BigDecimal.valueOf(f.radiusMetres());
        this.validFrom = f.validFrom();
        this.validUntil = f.validUntil();
    }

    public HazardFeature feature() {
        return new HazardFeature(id, type, cause, name, geometry, radiusMetres == null ? null : radiusMetres.doubleValue(),
                validFrom, validUntil);
    }

    /** True when the hazard holds at {@code t}. */
    public boolean validAt(Instant t) {
        return (validFrom == null || !t.isBefore(validFrom)) && (validUntil == null || t.isBefore(validUntil));
    }

    public long incidentId() {
        return incidentId;
    }
}
