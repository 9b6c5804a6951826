package org.reliefchain.stock.imports;

import java.util.List;

/** A row of a file before its header is applied: the line (the row number a spreadsheet shows) and its cells. */
record RawRow(int line, List<String> cells) {

    boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
