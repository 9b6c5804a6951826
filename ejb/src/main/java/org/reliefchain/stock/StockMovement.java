package org.reliefchain.stock;

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
 * One ledger entry: an immutable fact with the time it happened and the time it was registered. The
 * database refuses updates and deletes; a mistake is cancelled by a REVERSAL pointing at it.
 */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "request_id", updatable = false)
    private Long requestId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private MovementType type;
    @Column(name = "warehouse_id", updatable = false)
    private Long warehouseId;
    @Column(name = "lot_id", updatable = false)
    private Long lotId;
    @Column(name = "quantity_delta", updatable = false)
    private BigDecimal quantityDelta;
    @Column(name = "balance_after", updatable = false)
    private BigDecimal balanceAfter;
    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;
    @Column(name = "registered_at", updatable = false)
    private Instant registeredAt;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String reason;
    @Column(updatable = false)
    private String reference;
    @Column(name = "reverses_id", updatable = false)
    private Long reversesId;

    protected StockMovement() {
    }

    StockMovement(Long requestId, MovementType type, Long warehouseId, Long lotId, Quantity delta,
                  Quantity balanceAfter, Instant occurredAt, Instant registeredAt, String actor, String reason,
                  String reference, Long reversesId) {
        this.requestId = requestId;
        this.type = type;
        this.warehouseId = warehouseId;
        this.lotId = lotId;
        this.quantityDelta = delta.value();
        this.balanceAfter = balanceAfter.value();
        this.occurredAt = occurredAt;
        this.registeredAt = registeredAt;
        this.actor = actor;
        this.reason = reason;
        this.reference = reference;
        this.reversesId = reversesId;
    }

    public Long id() { return id; }

    public MovementType type() { return type; }

    public Long warehouseId() { return warehouseId; }

    public Long lotId() { return lotId; }

    public Quantity delta() { return new Quantity(quantityDelta); }

    public Quantity balanceAfter() { return new Quantity(balanceAfter); }

    public Instant occurredAt() { return occurredAt; }

    public Instant registeredAt() { return registeredAt; }

    public String actor() { return actor; }

    public String reason() { return reason; }

    public String reference() { return reference; }

    public Long reversesId() { return reversesId; }
}
