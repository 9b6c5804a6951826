package org.reliefchain.finance.agreement;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An agreement line whose latest inspection found it short or failing quality: it will be deducted from the
 * next subsidy statement until an inspection finds it whole again, and the alerts page lists it.
 */
public record CheckFinding(long agreementId, String agreementNumber, String enterpriseName, String division,
                           int line, String material, String materialNameZh, String materialNameEn, String unitZh,
                           String unitEn, String agreed, String counted, boolean qualityOk, String shortBy,
                           LocalDate checkedOn, String note) implements Serializable {
}
