package org.reliefchain.finance.agreement;

import java.time.LocalDate;
import java.util.List;

/**
 * Drafting or amending an agreement, as the client sent it. FormInput and rates are text ("12.50") so
 * that they arrive exactly; {@code version} and {@code reason} are for amendments.
 */
public record AgreementForm(Long enterprise, String division, AgreementKind kind, LocalDate startsOn, LocalDate endsOn,
                            PriceRule priceRule, String pricePercent, FeeBasis feeBasis, String managementFee,
                            Integer paymentDays, String penaltyPerUnitDay, List<Line> lines, Long version,
                            String reason) {

    /** One material: {@code warehouse} is the entrusted warehouse's code, where the goods are kept. */
    public record Line(String material, String quantity, String feeRate, String unitValue, String qualityStandard,
                       String warehouse, Integer capacityHours, String capacityPerDay) {
    }
}
