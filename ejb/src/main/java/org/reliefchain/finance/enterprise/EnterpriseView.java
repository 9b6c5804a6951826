package org.reliefchain.finance.enterprise;

import java.io.Serializable;

/**
 * An enterprise as a caller sees it. The bank account is shown in full to finance staff only (they
 * pay it); everyone else sees its last four digits.
 */
public record EnterpriseView(long id, String name, String creditCode, String division, String divisionNameZh, String divisionNameEn,
                             String contactName, String contactPhone, String bankName, String bankAccount,
                             boolean bankAccountMasked, EnterpriseStatus status, boolean synthetic, long agreements,
                             long version) implements Serializable {
}
