package org.reliefchain.stock;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * What one warehouse holds of one lot. Read-only to JPA: the ledger changes it with single
 * conditional SQL statements so that concurrent movements can neither lose an update nor go negative.
 */
@Entity
@Table(name = "stock_balance")
@Cacheable(false) // changed by SQL statements, so a cached copy would be stale
@IdClass(StockBalance.Key.class)
public class StockBalance {

    /** Composite identity (a class with a no-argument constructor, as JPA requires of an id class). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long warehouseId;
        private Long lotId;

        public Key() {
        }

        public Key(Long warehouseId, Long lotId) {
            this.warehouseId = warehouseId;
            this.lotId = lotId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(k.warehouseId, warehouseId)
                    && java.util.Objects.equals(k.lotId, lotId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(warehouseId, lotId);
        }
    }

    @Id
    @Column(name = "warehouse_id")
    private Long warehouseId;
    @Id
    @Column(name = "lot_id")
    private Long lotId;
    @Column(insertable = false, updatable = false)
    private BigDecimal quantity;
    @Column(name = "updated_at", insertable = false, updatable = false)
    private Instant updatedAt;

    protected StockBalance() {
    }

    public Quantity quantity() {
        return new Quantity(quantity);
    }
}
