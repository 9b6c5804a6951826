package org.reliefchain.finance.agreement;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One material of an agreement: how much, at what fee, kept where. */
@Entity
@Table(name = "agreement_line")
public class AgreementLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id")
    private Agreement agreement;
    @Column(name = "line_no")
    private int lineNo;
    @Column(name = "material_code")
    private String materialCode;
    private BigDecimal quantity;
    @Column(name = "fee_rate")
    private BigDecimal feeRate;
    @Column(name = "unit_value")
    private BigDecimal unitValue;
    @Column(name = "quality_standard")
    private String qualityStandard;
    @Column(name = "warehouse_id")
    private Long warehouseId;
    @Column(name = "capacity_hours")
    private Integer capacityHours;
    @Column(name = "capacity_per_day")
    private BigDecimal capacityPerDay;

    protected AgreementLine() {
    }

    AgreementLine(Agreement agreement, int lineNo, LineTerms terms) {
        this.agreement = agreement;
        this.lineNo = lineNo;
        set(terms);
    }

    void set(LineTerms t) {
        this.materialCode = t.material();
        this.quantity = t.quantity();
        this.feeRate = t.feeRate();
        this.unitValue = t.unitValue();
        this.qualityStandard = t.qualityStandard();
        this.warehouseId = t.warehouseId();
        this.capacityHours = t.capacityHours();
        this.capacityPerDay = t.capacityPerDay();
    }

    public LineTerms terms() {
        return new LineTerms(materialCode, quantity, feeRate, unitValue, qualityStandard, warehouseId, capacityHours,
                capacityPerDay);
    }

    public Long id() { return id; }
    public int lineNo() { return lineNo; }
    public String materialCode() { return materialCode; }
    public BigDecimal quantity() { return quantity; }
    public BigDecimal feeRate() { return feeRate; }
    public BigDecimal unitValue() { return unitValue; }
    public Long warehouseId() { return warehouseId; }
}
