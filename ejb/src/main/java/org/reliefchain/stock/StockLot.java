package org.reliefchain.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A lot (批次) of one material: same origin, same dates. Its number names it at its home warehouse, the one
 * that first received it (material + home + number); another warehouse may have a lot of the same number.
 * Transfers move a lot, dates and all, to other warehouses.
 */
@Entity
@Table(name = "stock_lot")
public class StockLot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "material_code", updatable = false)
    private String materialCode;
    @Column(name = "lot_number", updatable = false)
    private String lotNumber;
    @Column(name = "production_date", updatable = false)
    private LocalDate productionDate;
    @Column(name = "expiry_date", updatable = false)
    private LocalDate expiryDate;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private LotSource source;
    @Column(name = "unit_cost_amount", updatable = false)
    private BigDecimal unitCostAmount;
    @Column(name = "unit_cost_currency", updatable = false)
    private String unitCostCurrency;
    @Column(updatable = false)
    private String owner;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "home_warehouse_id", updatable = false)
    private Long homeWarehouseId;

    protected StockLot() {
    }

    StockLot(String materialCode, String lotNumber, LocalDate productionDate, LocalDate expiryDate, LotSource source,
             Money unitCost, String owner, long homeWarehouseId, Instant now) {
        this.materialCode = materialCode;
        this.lotNumber = lotNumber;
        this.productionDate = productionDate;
        this.expiryDate = expiryDate;
        this.source = source;
        this.unitCostAmount = unitCost == null ? null : unitCost.amount();
        this.unitCostCurrency = unitCost == null ? null : unitCost.currency();
        this.owner = owner;
        this.createdAt = now;
        this.homeWarehouseId = homeWarehouseId;
    }

    public Long id() { return id; }

    public String materialCode() { return materialCode; }

    public String lotNumber() { return lotNumber; }

    public LocalDate productionDate() { return productionDate; }

    public LocalDate expiryDate() { return expiryDate; }

    public LotSource source() { return source; }

    public Money unitCost() {
        return unitCostAmount == null ? null : new Money(unitCostAmount, unitCostCurrency);
    }

    public String owner() { return owner; }

    /** Expired lots may be written off or counted, never issued or shipped. */
    public boolean expiredOn(LocalDate day) {
        return expiryDate != null && expiryDate.isBefore(day);
    }
}
