package org.reliefchain.stock.count;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.platform.ConflictException;
import org.reliefchain.stock.Quantity;

/** A stock count and its state machine: OPEN, SUBMITTED, APPROVED. */
@Entity
@Table(name = "stock_count")
public class StockCount {

    /** Where a count stands. */
    public enum Status { OPEN, SUBMITTED, APPROVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "warehouse_id")
    private Long warehouseId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "opened_by")
    private String openedBy;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "count", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<StockCountLine> lines = new ArrayList<>();

    protected StockCount() {
    }

    StockCount(String number, long warehouseId, String openedBy, Instant now) {
        this.number = number;
        this.warehouseId = warehouseId;
        this.openedBy = openedBy;
        this.openedAt = now;
        this.status = Status.OPEN;
    }

    void snapshot(long lotId, Quantity onHand) {
        lines.add(new StockCountLine(this, lotId, onHand));
    }

    void record(long lotId, Quantity found, String note, String lotName) {
        if (status != Status.OPEN) {
            throw refused("take counted quantities");
        }
        lines.stream().filter(l -> l.lotId() == lotId).findFirst()
                .orElseThrow(() -> new ConflictException("lot-not-in-count", "lot " + lotName + " is not in count "
                        + number))
                .record(found, note);
    }

    void submit(String who, Instant now) {
        if (status != Status.OPEN) {
            throw refused("be submitted");
        }
        long missing = lines.stream().filter(l -> !l.isCounted()).count();
        if (missing > 0) {
            throw new ConflictException("count-incomplete", missing + " lots of count " + number + " are not counted yet");
        }
        status = Status.SUBMITTED;
        submittedBy = who;
        submittedAt = now;
    }

    /** A second person: neither who opened nor who submitted the count. */
    void approve(String who, Instant now) {
        if (status != Status.SUBMITTED) {
            throw refused("be approved");
        }
        if (who.equals(openedBy) || who.equals(submittedBy)) {
            throw new ConflictException("second-person-required", "count " + number + " must be approved by someone"
                    + " other than who opened or submitted it");
        }
        status = Status.APPROVED;
        approvedBy = who;
        approvedAt = now;
    }

    private ConflictException refused(String what) {
        return new ConflictException("wrong-status", "count " + number + " is " + status + "; it cannot " + what);
    }

    public Long id() { return id; }

    public String number() { return number; }

    public Long warehouseId() { return warehouseId; }

    public Status status() { return status; }

    List<StockCountLine> lines() { return lines; }

    /** {@code lotNames} gives per lot: material code, lot number, material name (zh, en), unit (zh, en). */
    StockCountView view(String warehouseCode, String warehouseName, java.util.function.LongFunction<String[]> lotNames) {
        List<StockCountView.Line> out = new ArrayList<>();
        for (StockCountLine l : lines) {
            String[] lot = lotNames.apply(l.lotId());
            out.add(new StockCountView.Line(lot[0], lot[1], l.expected().toString(), l.countedText(),
                    l.isCounted() ? l.variance().toString() : null, l.note(), lot[2], lot[3], lot[4], lot[5], l.lotId()));
        }
        return new StockCountView(id, number, warehouseCode, status, openedBy, openedAt, submittedBy, submittedAt,
                approvedBy, approvedAt, out, version, warehouseName);
    }
}
