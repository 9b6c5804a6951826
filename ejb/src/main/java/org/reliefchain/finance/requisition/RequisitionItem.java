package org.reliefchain.finance.requisition;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.Money;

/** One thing requisitioned: goods of a material, a vehicle or premises, what it was like and what became of it. */
@Entity
@Table(name = "requisition_item")
public class RequisitionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "requisition_id")
    private Requisition requisition;
    @Column(name = "line_no")
    private int lineNo;
    @Enumerated(EnumType.STRING)
    private ItemKind kind;
    @Column(name = "condition_taken")
    private String conditionTaken;
    @Column(name = "material_code")
    private String materialCode;
    private BigDecimal quantity;
    @Column(name = "lot_number")
    private String lotNumber;
    @Column(name = "unit_value")
    private BigDecimal unitValue;
    @Column(name = "valuation_basis")
    private String valuationBasis;
    @Column(name = "valued_on")
    private LocalDate valuedOn;
    private String registration;
    @Column(name = "vehicle_kind")
    private String vehicleKind;
    @Column(name = "capacity_kg")
    private BigDecimal capacityKg;
    private String address;
    @Column(name = "area_m2")
    private BigDecimal areaM2;
    @Column(name = "daily_fee")
    private BigDecimal dailyFee;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "return_condition")
    private ReturnCondition returnCondition;
    @Column(name = "settled_on")
    private LocalDate settledOn;
    @Column(name = "quantity_consumed")
    private BigDecimal quantityConsumed;
    @Column(name = "repair_cost")
    private BigDecimal repairCost;
    @Column(name = "residual_value")
    private BigDecimal residualValue;
    private BigDecimal compensation;

    protected RequisitionItem() {
    }

    public static RequisitionItem goods(int lineNo, String condition, String material, BigDecimal quantity, String lot,
                                        BigDecimal unitValue, String basis, LocalDate valuedOn) {
        RequisitionItem i = new RequisitionItem(lineNo, ItemKind.GOODS, condition);
        i.materialCode = material;
        i.quantity = quantity;
        i.lotNumber = lot;
        i.unitValue = unitValue;
        i.valuationBasis = basis;
        i.valuedOn = valuedOn;
        return i;
    }

    public static RequisitionItem vehicle(int lineNo, String condition, String registration, String vehicleKind,
                                          BigDecimal capacityKg, BigDecimal dailyFee) {
        RequisitionItem i = new RequisitionItem(lineNo, ItemKind.VEHICLE, condition);
        i.registration = registration;
        i.vehicleKind = vehicleKind;
        i.capacityKg = capacityKg;
        i.dailyFee = dailyFee;
        return i;
    }

    public static RequisitionItem premises(int lineNo, String condition, String address, BigDecimal areaM2,
                                           BigDecimal dailyFee) {
        RequisitionItem i = new RequisitionItem(lineNo, ItemKind.PREMISES, condition);
        i.address = address;
        i.areaM2 = areaM2;
        i.dailyFee = dailyFee;
        return i;
    }

    /** Goods without the party's own lot number are received under the requisition's: ZY2026-000001-1. */
    RequisitionItem numbered(String requisitionNumber) {
        if (kind == ItemKind.GOODS && lotNumber == null) {
            lotNumber = requisitionNumber + "-" + lineNo;
        }
        return this;
    }

    void belongTo(Requisition r) {
        this.requisition = r;
    }

    private RequisitionItem(int lineNo, ItemKind kind, String conditionTaken) {
        this.lineNo = lineNo;
        this.kind = kind;
        this.conditionTaken = conditionTaken;
    }

    /**
     * Records what became of the item on {@code on}. The facts each outcome needs are checked here, so that
     * no settled item lacks what its compensation is computed from.
     */
    void settle(String number, Outcome what, ReturnCondition condition, LocalDate on, LocalDate takenOn,
                BigDecimal consumed, BigDecimal repair, BigDecimal residual) {
        if (outcome != null) {
            throw new ConflictException("requisition-item-settled", "item " + lineNo + " of " + number
                    + " is already " + outcome).withArgs(number, String.valueOf(lineNo), outcome.name());
        }
        if (on.isBefore(takenOn)) {
            throw new InvalidInputException("on", "must not be before the day taken, " + takenOn, "too-small",
                    takenOn.toString());
        }
        switch (what) {
            case CONSUMED -> {
                if (kind != ItemKind.GOODS) {
                    throw new InvalidInputException("outcome", "only goods are consumed; a " + kind
                            + " is returned or lost", "requisition-not-consumable");
                }
                if (consumed == null || consumed.signum() <= 0) {
                    throw InvalidInputException.required("quantityConsumed", null);
                }
                if (consumed.compareTo(quantity) > 0) {
                    throw new InvalidInputException("quantityConsumed", "must be at most the quantity taken, "
                            + quantity.stripTrailingZeros().toPlainString(), "too-large");
                }
                quantityConsumed = consumed;
            }
            case RETURNED -> {
                if (condition == null) {
                    throw InvalidInputException.required("condition", null);
                }
                if (condition == ReturnCondition.DAMAGED && repair == null) {
                    throw InvalidInputException.required("repairCost", null);
                }
                returnCondition = condition;
                repairCost = condition == ReturnCondition.DAMAGED ? repair : null;
            }
            case LOST -> {
                if (residual == null) {
                    throw InvalidInputException.required("residualValue", null);
                }
                residualValue = residual;
            }
        }
        outcome = what;
        settledOn = on;
    }

    /** Works out what the item earns, by the published rule, and keeps it. */
    Money compute(LocalDate takenOn) {
        Money m = CompensationRule.of(kind, outcome, returnCondition, takenOn, settledOn, unitValue, quantityConsumed,
                dailyFee, repairCost, residualValue);
        compensation = m.amount();
        return m;
    }

    /** Goods given back to their owner: all of them when returned, what was not consumed when consumed. */
    public BigDecimal quantityGivenBack() {
        if (kind != ItemKind.GOODS || outcome == null || outcome == Outcome.LOST) {
            return BigDecimal.ZERO;
        }
        return outcome == Outcome.CONSUMED ? quantity.subtract(quantityConsumed) : quantity;
    }

    public RequisitionView.Item view(LocalDate takenOn, org.reliefchain.catalog.Material m) {
        return new RequisitionView.Item(lineNo, kind, conditionTaken, materialCode, m == null ? null : m.nameZh(),
                m == null ? null : m.nameEn(), m == null ? null : m.unitZh(), m == null ? null : m.unitEn(),
                plain(quantity), lotNumber,
                money(unitValue), valuationBasis, valuedOn, registration, vehicleKind, plain(capacityKg), address,
                plain(areaM2), money(dailyFee), outcome, returnCondition, settledOn,
                outcome != null && kind != ItemKind.GOODS && outcome == Outcome.RETURNED
                        ? CompensationRule.daysHeld(takenOn, settledOn) : null,
                plain(quantityConsumed), money(repairCost), money(residualValue), money(compensation));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal d) {
        return d == null ? null : d.setScale(2).toPlainString();
    }

    public int lineNo() { return lineNo; }
    public ItemKind kind() { return kind; }
    public String materialCode() { return materialCode; }
    public BigDecimal quantity() { return quantity; }
    public String lotNumber() { return lotNumber; }
    public BigDecimal unitValue() { return unitValue; }
    public String registration() { return registration; }
    public String vehicleKind() { return vehicleKind; }
    public BigDecimal dailyFee() { return dailyFee; }
    public String address() { return address; }
    public BigDecimal areaM2() { return areaM2; }
    public String conditionTaken() { return conditionTaken; }
    public java.time.LocalDate settledOn() { return settledOn; }
    public BigDecimal quantityConsumed() { return quantityConsumed; }
    public BigDecimal repairCost() { return repairCost; }
    public BigDecimal residualValue() { return residualValue; }
    public BigDecimal compensation() { return compensation; }
    public Outcome outcome() { return outcome; }
    public ReturnCondition returnCondition() { return returnCondition; }
}
