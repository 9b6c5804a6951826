package org.reliefchain.finance.subsidy;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A statement line as stored, for reading: lines are written in batches by the accrual (and once by an
 * adjustment) and never change.
 */
@Entity
@Table(name = "subsidy_statement_line")
public class StatementLine {

    @Id
    private Long id;
    @Column(name = "statement_id")
    private long statementId;
    @Column(name = "line_no")
    private int lineNo;
    @Enumerated(EnumType.STRING)
    private LineKind kind;
    @Column(name = "agreement_id")
    private Long agreementId;
    @Column(name = "agreement_line_id")
    private Long agreementLineId;
    @Column(name = "material_code")
    private String materialCode;
    private BigDecimal basis;
    private BigDecimal rate;
    private BigDecimal amount;
    private String explanation;

    protected StatementLine() {
    }
}
