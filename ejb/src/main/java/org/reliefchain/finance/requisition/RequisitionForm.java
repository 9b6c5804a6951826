package org.reliefchain.finance.requisition;

import java.time.LocalDate;
import java.util.List;

/**
 * A requisition as a client sends it: the incident (id), the warehouse (code) that receives the goods and
 * bases the trucks, the party (an enterprise of the registry by id; an organisation by name and credit code;
 * a person by name and resident ID number), the day taken, why, the items, and an optional idempotency key
 * (the same key and request again answers the first requisition).
 */
public record RequisitionForm(Long incident, String warehouse, PartyKind partyKind, Long enterprise, String partyName,
                              String creditCode, String idNumber, String partyPhone, LocalDate takenOn, String reason,
                              List<Item> items, String idempotencyKey) {

    /**
     * One item. GOODS: material (code), quantity, lot (the party's batch; generated when left out),
     * unitValue (yuan, market value when taken), valuationBasis, valuedOn, productionDate/expiryDate when the
     * material's shelf life needs them. VEHICLE: registration, vehicleKind (TRUCK or VAN), capacityKg,
     * capacityM3, heightM, widthM, grossWeightT, driverName/driverPhone (the party's when left out),
     * dailyFee. PREMISES: address, areaM2, dailyFee. All: conditionTaken.
     */
    public record Item(ItemKind kind, String conditionTaken, String material, String quantity, String lot,
                       String unitValue, String valuationBasis, LocalDate valuedOn, LocalDate productionDate,
                       LocalDate expiryDate, String registration, String vehicleKind, String capacityKg,
                       String capacityM3, String heightM, String widthM, String grossWeightT, String driverName,
                       String driverPhone, String address, String areaM2, String dailyFee) {
    }
}
