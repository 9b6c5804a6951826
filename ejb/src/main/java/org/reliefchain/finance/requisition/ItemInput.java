package org.reliefchain.finance.requisition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.reliefchain.catalog.Material;
import org.reliefchain.finance.FormInput;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;
import org.reliefchain.stock.Quantity;

/** An item of a requisition form checked field by field; every refusal names {@code items[i].<field>}. */
final class ItemInput {

    private ItemInput() {
    }

    static RequisitionItem item(EntityManager em, String f, int lineNo, RequisitionForm.Item in, LocalDate takenOn) {
        if (in == null) {
            throw InvalidInputException.required(f, null);
        }
        if (in.kind() == null) {
            throw InvalidInputException.required(f + ".kind", null);
        }
        List<FieldError> errors = new ArrayList<>();
        String condition = InvalidInputException.collect(errors,
                () -> FormInput.text(f + ".conditionTaken", in.conditionTaken(), 300, true));
        RequisitionItem item = switch (in.kind()) {
            case GOODS -> {
                String material = InvalidInputException.collect(errors, () -> material(em, f, in.material()));
                BigDecimal quantity = InvalidInputException.collect(errors,
                        () -> Quantity.parsePositive(f + ".quantity", in.quantity()).value());
                String lot = InvalidInputException.collect(errors, () -> FormInput.text(f + ".lot", in.lot(), 30, false));
                BigDecimal value = InvalidInputException.collect(errors,
                        () -> FormInput.parse(f + ".unitValue", in.unitValue(), 2, 12, true));
                String basis = InvalidInputException.collect(errors,
                        () -> FormInput.text(f + ".valuationBasis", in.valuationBasis(), 200, true));
                LocalDate valued = InvalidInputException.collect(errors,
                        () -> FormInput.date(f + ".valuedOn", in.valuedOn() == null ? takenOn : in.valuedOn(), true));
                yield RequisitionItem.goods(lineNo, condition, material, quantity, lot, value, basis, valued);
            }
            case VEHICLE -> {
                String registration = InvalidInputException.collect(errors,
                        () -> org.reliefchain.fleet.Registration.parse(f + ".registration", in.registration()).value());
                String kind = in.vehicleKind() == null ? null : in.vehicleKind().strip().toUpperCase(java.util.Locale.ROOT);
                if (!"TRUCK".equals(kind) && !"VAN".equals(kind)) {
                    errors.add(new FieldError(f + ".vehicleKind", "must be TRUCK or VAN: requisitioned road vehicles"
                            + " are based at the receiving warehouse", "choose", List.of("TRUCK, VAN")));
                }
                BigDecimal kg = InvalidInputException.collect(errors,
                        () -> FormInput.positive(f + ".capacityKg", in.capacityKg(), 1, 8));
                BigDecimal fee = InvalidInputException.collect(errors,
                        () -> FormInput.parse(f + ".dailyFee", in.dailyFee(), 2, 10, true));
                yield RequisitionItem.vehicle(lineNo, condition, registration, kind, kg, fee);
            }
            case PREMISES -> {
                String address = InvalidInputException.collect(errors,
                        () -> FormInput.text(f + ".address", in.address(), 200, true));
                BigDecimal area = InvalidInputException.collect(errors,
                        () -> FormInput.positive(f + ".areaM2", in.areaM2(), 2, 8));
                BigDecimal fee = InvalidInputException.collect(errors,
                        () -> FormInput.parse(f + ".dailyFee", in.dailyFee(), 2, 10, true));
                yield RequisitionItem.premises(lineNo, condition, address, area, fee);
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return item;
    }

    private static String material(EntityManager em, String f, String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.required(f + ".material", null);
        }
        Material m = em.find(Material.class, code.strip());
        if (m == null) {
            throw new InvalidInputException(f + ".material", "names no material", "unknown", code.strip());
        }
        return m.code();
    }
}
