package org.reliefchain.incident;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dispatcher's figure for one demand line, with the reason; append-only, the latest counts. */
@Entity
@Table(name = "demand_override")
public class DemandOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private long incidentId;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "material_code")
    private String materialCode;
    private BigDecimal quantity;
    private String reason;
    private String actor;
    private Instant at;

    protected DemandOverride() {
    }

    public DemandOverride(long incidentId, String divisionCode, String materialCode, BigDecimal quantity, String reason,
                          String actor, Instant at) {
        this.incidentId = incidentId;
        this.divisionCode = divisionCode;
        this.materialCode = materialCode;
        this.quantity = quantity;
        this.reason = reason;
        this.actor = actor;
        this.at = at;
    }

    public String divisionCode() { return divisionCode; }
    public String materialCode() { return materialCode; }
    public BigDecimal quantity() { return quantity; }
    public String reason() { return reason; }
}
