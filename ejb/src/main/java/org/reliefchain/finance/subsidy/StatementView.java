package org.reliefchain.finance.subsidy;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement as the API and screens show it: the enterprise by name, its lines itemised (on a single
 * statement; lists leave them out), the latest reconciliation's differences and what the viewer may do.
 */
public record StatementView(long id, String number, StatementKind kind, String adjusts, long enterpriseId,
                            String enterpriseName, String creditCode, String division, String divisionNameZh,
                            String divisionNameEn, LocalDate periodStart, LocalDate periodEnd, StatementStatus status,
                            String total, String preparedBy, Instant preparedAt, String approvedBy, Instant approvedAt,
                            String paymentRef, LocalDate paidOn, LocalDate dueOn, String note, List<Line> lines,
                            Reconciliation reconciliation, List<String> actions, long version) implements Serializable {

    public record Line(int line, LineKind kind, String agreementNumber, Integer agreementLine, String material,
                       String materialNameZh, String materialNameEn, String unitZh, String unitEn, String basis,
                       String rate, String amount, String explanation) implements Serializable {
    }

    public record Reconciliation(String fileName, String theirTotal, String ourTotal, int differences,
                                 String reconciledBy, Instant reconciledAt, List<Difference> lines) implements Serializable {
    }

    public record Difference(int line, String agreementNumber, String material, LineKind kind, String ours,
                             String theirs, String reason, String detail) implements Serializable {
    }
}
