package org.reliefchain.finance.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.reliefchain.stock.Money;

/** A journal entry: written once, never changed. Its lines balance (debits equal credits). */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {

    /** A line as stored. */
    @Embeddable
    public static class Line {
        @Column(name = "line_no")
        private int lineNo;
        @Enumerated(EnumType.STRING)
        private Account account;
        @Column(name = "enterprise_id")
        private Long enterpriseId;
        private BigDecimal debit;
        private BigDecimal credit;

        protected Line() {
        }

        Line(int lineNo, Posting p) {
            this.lineNo = lineNo;
            this.account = p.account();
            this.enterpriseId = p.enterpriseId();
            this.debit = p.debit() == null ? BigDecimal.ZERO.setScale(2) : p.debit().amount();
            this.credit = p.credit() == null ? BigDecimal.ZERO.setScale(2) : p.credit().amount();
        }

        public int lineNo() { return lineNo; }
        public Account account() { return account; }
        public Long enterpriseId() { return enterpriseId; }
        public BigDecimal debit() { return debit; }
        public BigDecimal credit() { return credit; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "posted_at")
    private Instant postedAt;
    @Column(name = "posted_by")
    private String postedBy;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "document_type")
    private String documentType;
    @Column(name = "document_id")
    private long documentId;
    @Column(name = "document_number")
    private String documentNumber;
    private String memo;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "journal_line", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderBy("lineNo")
    private List<Line> lines = new ArrayList<>();

    protected JournalEntry() {
    }

    /** @throws IllegalArgumentException when the postings do not balance */
    JournalEntry(Instant postedAt, String postedBy, String divisionCode, String documentType, long documentId,
                 String documentNumber, String memo, List<Posting> postings) {
        Money debit = Money.zero(Money.CNY);
        Money credit = Money.zero(Money.CNY);
        for (Posting p : postings) {
            debit = p.debit() == null ? debit : debit.plus(p.debit());
            credit = p.credit() == null ? credit : credit.plus(p.credit());
        }
        if (postings.size() < 2 || !debit.equals(credit)) {
            throw new IllegalArgumentException("an entry needs two or more postings whose debits equal their credits: "
                    + debit.plain() + " against " + credit.plain());
        }
        this.postedAt = postedAt;
        this.postedBy = postedBy;
        this.divisionCode = divisionCode;
        this.documentType = documentType;
        this.documentId = documentId;
        this.documentNumber = documentNumber;
        this.memo = memo;
        for (int i = 0; i < postings.size(); i++) {
            lines.add(new Line(i + 1, postings.get(i)));
        }
    }

    public Long id() { return id; }
    public Instant postedAt() { return postedAt; }
    public String postedBy() { return postedBy; }
    public String divisionCode() { return divisionCode; }
    public String documentType() { return documentType; }
    public long documentId() { return documentId; }
    public String documentNumber() { return documentNumber; }
    public String memo() { return memo; }
    public List<Line> lines() { return List.copyOf(lines); }
}
