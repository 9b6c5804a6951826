package org.reliefchain.stock.count;

import java.time.Instant;
import java.util.List;

/** A count as the API shows it; {@code variance} = counted - expected. */
public record StockCountView(long id, String number, String warehouse, StockCount.Status status, String openedBy,
                             Instant openedAt, String submittedBy, Instant submittedAt, String approvedBy,
                             Instant approvedAt, List<Line> lines, long version) {

    /** One lot. */
    public record Line(String material, String lot, String expected, String counted, String variance, String note) {
    }
}
