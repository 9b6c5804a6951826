package org.reliefchain.allocation;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.reliefchain.stock.Quantity;

/** One material of an order: asked for, shipped, received, damaged, short. */
@Entity
@Table(name = "allocation_line")
public class AllocationLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "order_id")
    private AllocationOrder order;
    @Column(name = "line_no")
    private int lineNo;
    @Column(name = "material_code")
    private String materialCode;
    @Column(name = "requested_quantity")
    private BigDecimal requestedQuantity;
    @Column(name = "shipped_quantity")
    private BigDecimal shippedQuantity;
    @Column(name = "received_quantity")
    private BigDecimal receivedQuantity;
    @Column(name = "damaged_quantity")
    private BigDecimal damagedQuantity;
    @Column(name = "shortage_quantity")
    private BigDecimal shortageQuantity;
    @Column(name = "receipt_note")
    private String receiptNote;

    protected AllocationLine() {
    }

    AllocationLine(AllocationOrder order, int lineNo, String materialCode, Quantity requested) {
        this.order = order;
        this.lineNo = lineNo;
        this.materialCode = materialCode;
        this.requestedQuantity = requested.value();
    }

    void shipped(Quantity quantity) {
        this.shippedQuantity = quantity.value();
    }

    /** What arrived in good order and what arrived damaged; the rest of what was shipped is short. */
    void received(Quantity good, Quantity damaged, String note) {
        this.receivedQuantity = good.value();
        this.damagedQuantity = damaged.value();
        this.shortageQuantity = shipped().minus(good).minus(damaged).value();
        this.receiptNote = note;
    }

    public Long id() { return id; }

    public int lineNo() { return lineNo; }

    public String materialCode() { return materialCode; }

    public Quantity requested() { return new Quantity(requestedQuantity); }

    public Quantity shipped() { return shippedQuantity == null ? Quantity.ZERO : new Quantity(shippedQuantity); }

    AllocationView.Line view(org.reliefchain.catalog.Material material, String availableAtSource) {
        String closedShort = shippedQuantity == null ? null : requested().minus(shipped()).toString();
        return new AllocationView.Line(lineNo, materialCode, material.nameZh(), material.nameEn(), material.unitZh(),
                material.unitEn(), requested().toString(), str(shippedQuantity), closedShort, str(receivedQuantity),
                str(damagedQuantity), str(shortageQuantity), receiptNote, availableAtSource);
    }

    private static String str(BigDecimal q) {
        return q == null ? null : new Quantity(q).toString();
    }
}
