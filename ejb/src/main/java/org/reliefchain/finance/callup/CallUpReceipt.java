package org.reliefchain.finance.callup;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.reliefchain.stock.Money;

/** One delivery received against a call-up: its ledger receipt and its payable. Never changed. */
@Entity
@Table(name = "call_up_receipt")
public class CallUpReceipt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "call_up_id")
    private long callUpId;
    private BigDecimal quantity;
    @Column(name = "lot_number")
    private String lotNumber;
    private BigDecimal amount;
    @Column(name = "movement_id")
    private long movementId;
    @Column(name = "journal_entry_id")
    private long journalEntryId;
    @Column(name = "received_by")
    private String receivedBy;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    private String fingerprint;

    protected CallUpReceipt() {
    }

    CallUpReceipt(long callUpId, BigDecimal quantity, String lotNumber, Money amount, long movementId,
                  long journalEntryId, String receivedBy, Instant receivedAt, String idempotencyKey,
                  String fingerprint) {
        this.callUpId = callUpId;
        this.quantity = quantity;
        this.lotNumber = lotNumber;
        this.amount = amount.amount();
        this.movementId = movementId;
        this.journalEntryId = journalEntryId;
        this.receivedBy = receivedBy;
        this.receivedAt = receivedAt;
        this.idempotencyKey = idempotencyKey;
        this.fingerprint = fingerprint;
    }

    public Long id() { return id; }
    public long callUpId() { return callUpId; }
    public BigDecimal quantity() { return quantity; }
    public String lotNumber() { return lotNumber; }
    public Money amount() { return Money.cny(amount); }
    public long movementId() { return movementId; }
    public long journalEntryId() { return journalEntryId; }
    public String receivedBy() { return receivedBy; }
    public Instant receivedAt() { return receivedAt; }
    public String idempotencyKey() { return idempotencyKey; }
    public String fingerprint() { return fingerprint; }
}
