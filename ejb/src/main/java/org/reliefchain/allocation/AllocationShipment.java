package org.reliefchain.allocation;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.reliefchain.stock.Quantity;

/** One lot that left the source for one line. */
@Entity
@Table(name = "allocation_shipment")
public class AllocationShipment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "line_id")
    private Long lineId;
    @Column(name = "lot_id")
    private Long lotId;
    private BigDecimal quantity;

    protected AllocationShipment() {
    }

    AllocationShipment(long lineId, long lotId, Quantity quantity) {
        this.lineId = lineId;
        this.lotId = lotId;
        this.quantity = quantity.value();
    }

    Long lotId() { return lotId; }

    Quantity quantity() { return new Quantity(quantity); }
}
