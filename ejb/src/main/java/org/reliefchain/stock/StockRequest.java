package org.reliefchain.stock;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One client request that moved stock, remembered by its idempotency key. */
@Entity
@Table(name = "stock_request")
public class StockRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;
    @Column(updatable = false)
    private String fingerprint;
    @Column(updatable = false)
    private String actor;
    @Column(name = "registered_at", updatable = false)
    private Instant registeredAt;

    protected StockRequest() {
    }

    StockRequest(String idempotencyKey, String fingerprint, String actor, Instant registeredAt) {
        this.idempotencyKey = idempotencyKey;
        this.fingerprint = fingerprint;
        this.actor = actor;
        this.registeredAt = registeredAt;
    }

    Long id() { return id; }

    String fingerprint() { return fingerprint; }

    String actor() { return actor; }
}
