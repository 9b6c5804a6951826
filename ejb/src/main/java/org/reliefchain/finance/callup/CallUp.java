package org.reliefchain.finance.callup;

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
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.finance.agreement.AgreementKind;
import org.reliefchain.finance.agreement.PriceRule;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.Money;

/**
 * A call-up (调用单): so much of an agreement line's material ordered from the enterprise at a unit
 * price fixed by the price rule when ordered, delivered into a warehouse of the contracting division,
 * received in one or more deliveries. Cancelling ends it: what was delivered stays (and is owed), the
 * undelivered remainder is no longer ordered. A capacity call-up carries the promised schedule.
 */
@Entity
@Table(name = "call_up")
public class CallUp {

    /** One batch of the promised schedule, as stored. */
    @Embeddable
    public static class StoredBatch {
        private int seq;
        @Column(name = "due_at")
        private Instant dueAt;
        private BigDecimal quantity;

        protected StoredBatch() {
        }

        StoredBatch(ProductionSchedule.Batch b) {
            this.seq = b.seq();
            this.dueAt = b.dueAt();
            this.quantity = b.quantity();
        }

        ProductionSchedule.Batch batch() {
            return new ProductionSchedule.Batch(seq, dueAt, quantity);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "agreement_id")
    private long agreementId;
    @Column(name = "line_id")
    private long lineId;
    @Column(name = "enterprise_id")
    private long enterpriseId;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "incident_id")
    private Long incidentId;
    @Column(name = "warehouse_id")
    private long warehouseId;
    @Column(name = "material_code")
    private String materialCode;
    @Enumerated(EnumType.STRING)
    private AgreementKind kind;
    private BigDecimal quantity;
    private BigDecimal received;
    @Enumerated(EnumType.STRING)
    @Column(name = "price_rule")
    private PriceRule priceRule;
    @Column(name = "price_basis")
    private BigDecimal priceBasis;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    @Enumerated(EnumType.STRING)
    private CallUpStatus status;
    @Column(name = "cancel_reason")
    private String cancelReason;
    private String note;
    @Column(name = "ordered_by")
    private String orderedBy;
    @Column(name = "ordered_at")
    private Instant orderedAt;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    private String fingerprint;
    private boolean synthetic;
    @Version
    private long version;
    @ElementCollection
    @CollectionTable(name = "call_up_batch", joinColumns = @JoinColumn(name = "call_up_id"))
    @OrderBy("seq")
    private List<StoredBatch> batches = new ArrayList<>();

    protected CallUp() {
    }

    /** The facts of an order, checked by the service against the agreement before it is made. */
    public record Order(String number, long agreementId, long lineId, long enterpriseId, DivisionCode division,
                        Long incidentId, long warehouseId, String material, AgreementKind kind, BigDecimal quantity,
                        PriceRule priceRule, BigDecimal priceBasis, Money unitPrice, String note,
                        List<ProductionSchedule.Batch> schedule, String orderedBy, Instant orderedAt,
                        String idempotencyKey, String fingerprint) {
    }

    public CallUp(Order o) {
        if (o.quantity().signum() <= 0) {
            throw new InvalidInputException("quantity", "must be more than 0", "positive");
        }
        if ((o.kind() == AgreementKind.CAPACITY) == o.schedule().isEmpty()) {
            throw new IllegalArgumentException("a capacity call-up, and only that, has a promised schedule");
        }
        this.number = o.number();
        this.agreementId = o.agreementId();
        this.lineId = o.lineId();
        this.enterpriseId = o.enterpriseId();
        this.divisionCode = o.division().value();
        this.incidentId = o.incidentId();
        this.warehouseId = o.warehouseId();
        this.materialCode = o.material();
        this.kind = o.kind();
        this.quantity = o.quantity();
        this.received = BigDecimal.ZERO;
        this.priceRule = o.priceRule();
        this.priceBasis = o.priceBasis();
        this.unitPrice = o.unitPrice().amount();
        this.status = CallUpStatus.ORDERED;
        this.note = o.note();
        this.orderedBy = o.orderedBy();
        this.orderedAt = o.orderedAt();
        this.idempotencyKey = o.idempotencyKey();
        this.fingerprint = o.fingerprint();
        o.schedule().forEach(b -> batches.add(new StoredBatch(b)));
    }

    /** What is still to come. */
    public BigDecimal outstanding() {
        return status == CallUpStatus.CANCELLED ? BigDecimal.ZERO : quantity.subtract(received);
    }

    /** A delivery of {@code delivered} units: never more than is outstanding, never after the end. */
    public void receive(BigDecimal delivered) {
        if (status != CallUpStatus.ORDERED && status != CallUpStatus.PARTLY_RECEIVED) {
            throw statusConflict("receive");
        }
        if (delivered.compareTo(outstanding()) > 0) {
            throw new InvalidInputException("quantity", "is more than the " + outstanding().stripTrailingZeros()
                    .toPlainString() + " still outstanding", "not-more-than", outstanding().stripTrailingZeros()
                    .toPlainString());
        }
        received = received.add(delivered);
        status = received.compareTo(quantity) == 0 ? CallUpStatus.RECEIVED : CallUpStatus.PARTLY_RECEIVED;
    }

    /** Cancels the undelivered remainder; what was delivered stays received and owed. */
    public void cancel(String reason) {
        if (status != CallUpStatus.ORDERED && status != CallUpStatus.PARTLY_RECEIVED) {
            throw statusConflict("cancel");
        }
        status = CallUpStatus.CANCELLED;
        cancelReason = reason;
    }

    /** The verbs open now, whoever may use them. */
    public List<String> openVerbs() {
        return status == CallUpStatus.ORDERED || status == CallUpStatus.PARTLY_RECEIVED
                ? List.of("receive", "cancel") : List.of();
    }

    private ConflictException statusConflict(String verb) {
        return (ConflictException) new ConflictException("call-up-status", "call-up " + number + " is " + status
                + " and cannot " + verb + " any more").withArgs(number, status.name());
    }

    void markSynthetic() {
        this.synthetic = true;
    }

    public List<ProductionSchedule.Batch> schedule() {
        return batches.stream().map(StoredBatch::batch).toList();
    }

    public Long id() { return id; }
    public String number() { return number; }
    public long agreementId() { return agreementId; }
    public long lineId() { return lineId; }
    public long enterpriseId() { return enterpriseId; }
    public DivisionCode division() { return DivisionCode.of(divisionCode); }
    public Long incidentId() { return incidentId; }
    public long warehouseId() { return warehouseId; }
    public String materialCode() { return materialCode; }
    public AgreementKind kind() { return kind; }
    public BigDecimal quantity() { return quantity; }
    public BigDecimal received() { return received; }
    public PriceRule priceRule() { return priceRule; }
    public BigDecimal priceBasis() { return priceBasis; }
    public Money unitPrice() { return Money.cny(unitPrice); }
    public CallUpStatus status() { return status; }
    public String cancelReason() { return cancelReason; }
    public String note() { return note; }
    public String orderedBy() { return orderedBy; }
    public Instant orderedAt() { return orderedAt; }
    public String idempotencyKey() { return idempotencyKey; }
    public String fingerprint() { return fingerprint; }
    public boolean synthetic() { return synthetic; }
    public long version() { return version; }
}
