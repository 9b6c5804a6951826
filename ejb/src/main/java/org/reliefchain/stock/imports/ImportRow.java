package org.reliefchain.stock.imports;

import java.util.Map;

/** One data row of an import file: its 1-based line number and its cells by column name. */
public record ImportRow(int line, Map<String, String> cells) {

    String get(String column) {
        String v = cells.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
