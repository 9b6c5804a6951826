package org.reliefchain.finance.subsidy;

import java.time.LocalDate;

/** What accruing a period did: statements and lines written, their total, and enterprises already accrued. */
public record AccrualResult(String period, LocalDate from, LocalDate to, String division, int agreements,
                            int statements, int lines, String total, int alreadyAccrued) {
}
