package org.reliefchain.finance.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The checked terms of an agreement as a whole: its term, the call-up price rule, the subsidy (fee
 * basis of the lines, a management fee in yuan per year, days to pay) and the penalty per unit short
 * per day.
 */
public record AgreementTerms(LocalDate startsOn, LocalDate endsOn, PriceRule priceRule, BigDecimal pricePercent,
                             FeeBasis feeBasis, BigDecimal managementFee, int paymentDays,
                             BigDecimal penaltyPerUnitDay) {
}
