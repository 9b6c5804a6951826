package org.reliefchain.finance.requisition;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A requisition as its viewer may see it: a person's ID number is masked except to finance, and
 * {@code actions} are what the viewer may do now.
 */
public record RequisitionView(long id, String number, long incidentId, String incidentNumber, String incidentName,
                              String division, String divisionNameZh, String divisionNameEn, String warehouse,
                              String warehouseNameZh, String warehouseNameEn, PartyKind partyKind, String partyName,
                              String creditCode, String idNumber, String partyPhone, long payeeId, LocalDate takenOn,
                              String reason, RequisitionStatus status, String compensation, String computedBy,
                              Instant computedAt, String approvedBy, Instant approvedAt, String paymentRef,
                              LocalDate paidOn, boolean synthetic, String createdBy, Instant createdAt,
                              List<Item> items, List<String> actions, long version) implements Serializable {

    /** One item; {@code daysHeld} for vehicles and premises given back, {@code compensation} once computed. */
    public record Item(int line, ItemKind kind, String conditionTaken, String material, String materialNameZh,
                       String materialNameEn, String unitZh, String unitEn, String quantity, String lot,
                       String unitValue, String valuationBasis, LocalDate valuedOn, String registration,
                       String vehicleKind, String capacityKg, String address, String areaM2, String dailyFee,
                       Outcome outcome, ReturnCondition condition, LocalDate settledOn, Long daysHeld,
                       String quantityConsumed, String repairCost, String residualValue, String compensation) implements Serializable {
    }
}
