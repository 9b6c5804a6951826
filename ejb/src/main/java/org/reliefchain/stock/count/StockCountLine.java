package org.reliefchain.stock.count;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.reliefchain.stock.Quantity;

/** One lot of a count: what the books said at the snapshot and what was found. */
@Entity
@Table(name = "stock_count_line")
public class StockCountLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "count_id")
    private StockCount count;
    @Column(name = "lot_id")
    private Long lotId;
    private BigDecimal expected;
    private BigDecimal counted;
    private String note;

    protected StockCountLine() {
    }

    StockCountLine(StockCount count, long lotId, Quantity expected) {
        this.count = count;
        this.lotId = lotId;
        this.expected = expected.value();
    }

    void record(Quantity found, String note) {
        this.counted = found.value();
        this.note = note;
    }

    Long lotId() { return lotId; }

    Quantity expected() { return new Quantity(expected); }

    boolean isCounted() { return counted != null; }

    /** Found minus expected; zero until counted. */
    Quantity variance() {
        return counted == null ? Quantity.ZERO : new Quantity(counted).minus(expected());
    }

    String countedText() {
        return counted == null ? null : new Quantity(counted).toString();
    }

    String note() { return note; }
}
