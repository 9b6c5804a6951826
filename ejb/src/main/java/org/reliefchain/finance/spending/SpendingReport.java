package org.reliefchain.finance.spending;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A year's spending inside a division: one row per division that bore any (its own spending, not its
 * subtree's), a subtotal per level, and the total. Amounts are yuan as text with two decimals, keyed by
 * {@link SpendingKind}; {@code total} of a row is the sum of its amounts.
 */
public record SpendingReport(int year, String division, String divisionNameZh, String divisionNameEn,
                             List<Row> rows, List<Row> levels, Row total) implements Serializable {

    /** A division (code and names), a level subtotal (level only) or the grand total (neither). */
    public record Row(String division, String nameZh, String nameEn, String level,
                      Map<SpendingKind, String> amounts, String total) implements Serializable {
    }
}
