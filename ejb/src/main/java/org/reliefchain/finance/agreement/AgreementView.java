package org.reliefchain.finance.agreement;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement as the API and screens show it: the enterprise and division by name, the lines with
 * material names and units and what the latest check found, and what the viewer may do now.
 */
public record AgreementView(long id, String number, long enterpriseId, String enterpriseName, String creditCode,
                            String division, String divisionNameZh, String divisionNameEn, AgreementKind kind,
                            AgreementStatus status, LocalDate startsOn, LocalDate endsOn, PriceRule priceRule,
                            String pricePercent, FeeBasis feeBasis, String managementFee, int paymentDays,
                            String penaltyPerUnitDay, int amendment, String endReason, boolean synthetic,
                            List<LineView> lines, long checks, List<String> actions, long version) implements Serializable {

    public record LineView(long id, int line, String material, String materialNameZh, String materialNameEn,
                           String unitZh, String unitEn, String quantity, String feeRate, String unitValue,
                           String qualityStandard, String warehouse, String warehouseNameZh, String warehouseNameEn,
                           Integer capacityHours, String capacityPerDay, LocalDate lastCheckedOn, String lastCounted,
                           Boolean lastQualityOk) implements Serializable {
    }
}
