package org.reliefchain.stock.imports;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of an import: how many rows, whether anything was written, and every bad row with the
 * column and the reason. {@code written} is false for a dry run and whenever {@code errors} is not empty.
 */
public record ImportResult(int rows, boolean dryRun, boolean written, List<RowError> errors) implements Serializable {

    /** What is wrong with one row. */
    public record RowError(int line, String field, String reason) implements Serializable {
    }
}
