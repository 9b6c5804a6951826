package org.reliefchain.stock.count;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A count as the API shows it; {@code variance} = counted - expected. */
public record StockCountView(long id, String number, String warehouse, StockCount.Status status, String openedBy,
                             Instant openedAt, String submittedBy, Instant submittedAt, String approvedBy,
                             Instant approvedAt, List<Line> lines, long version, String warehouseName) implements Serializable {

    /** One lot, with its material's names and unit so that a count sheet needs no codes. */
    public record Line(String material, String lot, String expected, String counted, String variance, String note,
                       String materialZh, String materialEn, String unitZh, String unitEn, long lotId)
            implements Serializable {
    }

    /** Whether {@code user} may approve it: submitted, and not by them nor opened by them. */
    public boolean approvableBy(String user) {
        return status == StockCount.Status.SUBMITTED && !user.equals(openedBy) && !user.equals(submittedBy);
    }
}
