package org.reliefchain.finance.requisition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.finance.FormInput;
import org.reliefchain.fleet.FleetService;
import org.reliefchain.fleet.OwnerKind;
import org.reliefchain.fleet.StatusForm;
import org.reliefchain.fleet.Vehicle;
import org.reliefchain.fleet.VehicleForm;
import org.reliefchain.fleet.VehicleKind;
import org.reliefchain.fleet.VehicleStatus;
import org.reliefchain.network.Warehouse;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;
import org.reliefchain.stock.MovementForm;
import org.reliefchain.stock.StockLedger;

/**
 * What a requisition does to the rest of the system, through the features that own it: goods are received
 * into the warehouse by the stock ledger (source REQUISITION, owned by the party, one idempotency key per
 * item), trucks and vans join the fleet as REQUISITIONED; when settled, goods not consumed go back out of
 * the ledger to their owner (lost goods are written off) and vehicles are taken out of service.
 */
@Stateless
@PermitAll
public class RequisitionEffects {

    /** Duty hours a requisitioned vehicle is planned for when nothing else was agreed: a driver's day. */
    static final BigDecimal DUTY_HOURS = new BigDecimal("10");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private StockLedger ledger;

    @Inject
    private FleetService fleet;

    @Inject
    private Clock clock;

    public void take(Requisition r, Warehouse w, List<RequisitionForm.Item> form) {
        for (RequisitionItem item : r.items()) {
            RequisitionForm.Item in = form.get(item.lineNo() - 1);
            String f = "items[" + (item.lineNo() - 1) + "]";
            try {
                switch (item.kind()) {
                    case GOODS -> receive(r, w, item, in);
                    case VEHICLE -> fleet.create(vehicle(r, w, item, in, f));
                    case PREMISES -> {
                    }
                }
            } catch (InvalidInputException e) {
                throw prefixed(f, e);
            }
        }
    }

    private void receive(Requisition r, Warehouse w, RequisitionItem item, RequisitionForm.Item in) {
        MovementForm m = new MovementForm();
        m.setType("RECEIPT");
        m.setWarehouse(w.code());
        m.setMaterial(item.materialCode());
        m.setLot(item.lotNumber());
        m.setQuantity(item.quantity().stripTrailingZeros().toPlainString());
        m.setReason("征用 requisitioned from " + left(r.partyName(), 200));
        m.setReference(r.number());
        m.setIdempotencyKey("requisition:" + r.number() + ":" + item.lineNo());
        m.setSource("REQUISITION");
        MovementForm.MoneyForm cost = new MovementForm.MoneyForm();
        cost.setAmount(item.unitValue().setScale(2).toPlainString());
        cost.setCurrency("CNY");
        m.setUnitCost(cost);
        m.setOwner(left(r.partyName(), 100));
        m.setProductionDate(in.productionDate() == null ? null : in.productionDate().toString());
        m.setExpiryDate(in.expiryDate() == null ? null : in.expiryDate().toString());
        ledger.record(m);
    }

    private VehicleForm vehicle(Requisition r, Warehouse w, RequisitionItem item, RequisitionForm.Item in, String f) {
        List<FieldError> errors = new ArrayList<>();
        VehicleForm v = new VehicleForm();
        v.setRegistration(item.registration());
        v.setKind(VehicleKind.valueOf(item.vehicleKind()));
        v.setDivision(w.division().value());
        v.setBase(w.code());
        v.setOwnerKind(OwnerKind.REQUISITIONED);
        v.setCapacityKg(InvalidInputException.collect(errors, () -> FormInput.positive("capacityKg", in.capacityKg(), 1, 8)));
        v.setCapacityM3(InvalidInputException.collect(errors, () -> FormInput.positive("capacityM3", in.capacityM3(), 2, 6)));
        v.setHeightM(InvalidInputException.collect(errors, () -> FormInput.positive("heightM", in.heightM(), 2, 1)));
        v.setWidthM(InvalidInputException.collect(errors, () -> FormInput.positive("widthM", in.widthM(), 2, 1)));
        v.setGrossWeightT(InvalidInputException.collect(errors,
                () -> FormInput.positive("grossWeightT", in.grossWeightT(), 2, 3)));
        v.setAvailableFrom(clock.now());
        v.setDutyHoursPerDay(DUTY_HOURS);
        String driver = InvalidInputException.collect(errors, () -> FormInput.text("driverName", in.driverName(), 60, false));
        v.setCrewName(driver != null ? driver : left(r.partyName(), 60));
        String phone = InvalidInputException.collect(errors, () -> FormInput.text("driverPhone", in.driverPhone(), 30, false));
        v.setCrewPhone(phone != null ? phone : r.partyPhone());
        if (v.getCrewPhone() == null) {
            errors.add(new FieldError("driverPhone", "is required when the party has no phone", "required", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return v;
    }

    public void giveBack(Requisition r, RequisitionItem item, Warehouse w) {
        switch (item.kind()) {
            case GOODS -> goodsBack(r, item, w);
            case VEHICLE -> {
                Vehicle v = fleet.find(item.registration());
                if (v.status() == VehicleStatus.ASSIGNED) {
                    throw new ConflictException("requisition-vehicle-assigned", "vehicle " + v.registration()
                            + " is on a relief plan: take it off the plan before giving it back")
                            .withArgs(v.registration());
                }
                if (v.status() != VehicleStatus.OUT_OF_SERVICE) {
                    StatusForm s = new StatusForm();
                    s.setStatus(VehicleStatus.OUT_OF_SERVICE);
                    s.setReason((item.outcome() == Outcome.LOST ? "lost, " : "returned to its owner, ")
                            + "requisition " + r.number());
                    fleet.changeStatus(v.registration(), s);
                }
            }
            case PREMISES -> {
            }
        }
    }

    /**
     * Goods consumed in the relief left the ledger by the issues that consumed them; what is given back must
     * be what the lot still holds, so the ledger and the requisition never tell two stories.
     */
    private void goodsBack(Requisition r, RequisitionItem item, Warehouse w) {
        BigDecimal held = (BigDecimal) em.createNativeQuery("select coalesce(sum(b.quantity), 0) from stock_balance b"
                        + " join stock_lot l on l.id = b.lot_id where b.warehouse_id = ?1 and l.material_code = ?2"
                        + " and l.lot_number = ?3").setParameter(1, w.id()).setParameter(2, item.materialCode())
                .setParameter(3, item.lotNumber()).getSingleResult();
        BigDecimal back = item.outcome() == Outcome.LOST ? held : item.quantityGivenBack();
        if (item.outcome() != Outcome.LOST && held.compareTo(back) != 0) {
            throw new ConflictException("requisition-stock-mismatch", "lot " + item.lotNumber() + " holds "
                    + held.stripTrailingZeros().toPlainString() + " at " + w.code() + ", but "
                    + back.stripTrailingZeros().toPlainString() + " would go back: issue what was consumed first")
                    .withArgs(item.lotNumber(), held.stripTrailingZeros().toPlainString(),
                            back.stripTrailingZeros().toPlainString());
        }
        if (back.signum() == 0) {
            return;
        }
        MovementForm m = new MovementForm();
        m.setType(item.outcome() == Outcome.LOST ? "WRITE_OFF" : "ISSUE");
        m.setWarehouse(w.code());
        m.setMaterial(item.materialCode());
        m.setLot(item.lotNumber());
        m.setQuantity(back.stripTrailingZeros().toPlainString());
        m.setReason((item.outcome() == Outcome.LOST ? "征用物资灭失 lost, " : "归还 returned to its owner, ")
                + left(r.partyName(), 200));
        m.setReference(r.number());
        m.setIdempotencyKey("requisition:" + r.number() + ":" + item.lineNo() + ":back");
        ledger.record(m);
    }

    private static InvalidInputException prefixed(String prefix, InvalidInputException e) {
        return new InvalidInputException(e.errors().stream().map(x -> new FieldError(
                x.field().startsWith("items[") ? x.field() : prefix + "." + x.field(), x.reason(), x.code(), x.args()))
                .toList());
    }

    private static String left(String s, int n) {
        return s == null || s.length() <= n ? s : s.substring(0, n);
    }
}
