package org.reliefchain.stock.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.util.CellReference;

import org.reliefchain.platform.InvalidInputException;

/**
 * Reads an import file into rows keyed by column: the first sheet of an XLSX workbook ({@link XlsxTable},
 * Apache POI) or a CSV file ({@link CsvTable}, Apache Commons CSV; UTF-8 with or without a byte-order
 * mark, or GBK as Chinese Excel saves it). The first non-blank row names the columns; blank rows are
 * skipped and keep their line numbers out of the count, so a row error points at the row the user sees.
 * A file that starts like a workbook is read as one whatever it was sent as.
 */
public final class SheetReader {

    static final int MAX_ROWS = 20_000;

    private SheetReader() {
    }

    /**
     * The rows of a file for an import: keyed by {@link ImportColumn#key()} whichever header (English,
     * Chinese or another accepted name) the file used, each cell tidied for its column's kind.
     *
     * @throws InvalidInputException naming {@code file} when the file cannot be read, is empty, lacks a
     *                               required column, names a column twice or has no rows
     */
    public static List<ImportRow> read(byte[] content, boolean xlsx, ImportLayout layout) {
        List<RawRow> table = table(content, xlsx);
        List<String> header = table.get(0).cells();
        List<Optional<ImportColumn>> columns = header.stream().map(layout::column).toList();
        requireColumns(layout, header, columns);
        List<ImportRow> rows = new ArrayList<>();
        for (RawRow raw : table.subList(1, table.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = c < raw.cells().size() ? raw.cells().get(c) : null;
                Optional<ImportColumn> column = columns.get(c);
                if (column.isPresent()) {
                    cells.put(column.get().key(), ImportLayout.tidy(column.get(), value));
                } else {
                    cells.putIfAbsent(ImportLayout.normalise(header.get(c)), value);
                }
            }
            rows.add(new ImportRow(raw.line(), cells));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "has a header but no rows");
        }
        return rows;
    }

    /**
     * The rows of a file whose columns nobody declared (the product's own data files): keyed by the
     * header as {@link ImportLayout#normalise} writes it, cells as read.
     */
    public static List<ImportRow> read(byte[] content, boolean xlsx) {
        List<RawRow> table = table(content, xlsx);
        List<String> header = table.get(0).cells().stream().map(ImportLayout::normalise).toList();
        List<ImportRow> rows = new ArrayList<>();
        for (RawRow raw : table.subList(1, table.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < raw.cells().size() ? raw.cells().get(c) : null);
            }
            rows.add(new ImportRow(raw.line(), cells));
        }
        return rows;
    }

    /** The header row and up to {@link #MAX_ROWS} rows after it; more is refused before it is all read. */
    private static List<RawRow> table(byte[] content, boolean xlsx) {
        // one row more than allowed tells that there are too many without reading the rest
        int wanted = MAX_ROWS + 2;
        List<RawRow> table = xlsx || XlsxTable.isWorkbook(content) ? XlsxTable.read(content, wanted)
                : CsvTable.read(content, wanted);
        if (table.isEmpty()) {
            throw new InvalidInputException("file", "is empty: the first row must name the columns");
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows; split it");
        }
        return table;
    }

    private static void requireColumns(ImportLayout layout, List<String> header, List<Optional<ImportColumn>> found) {
        Map<ImportColumn, Integer> at = new HashMap<>();
        for (int c = 0; c < found.size(); c++) {
            if (found.get(c).isPresent()) {
                Integer before = at.putIfAbsent(found.get(c).get(), c);
                if (before != null) {
                    throw new InvalidInputException("file", "columns " + letter(before) + " (" + header.get(before)
                            + ") and " + letter(c) + " (" + header.get(c) + ") both name " + found.get(c).get().label()
                            + "; keep one");
                }
            }
        }
        List<String> missing = layout.columns().stream().filter(c -> c.required() && !at.containsKey(c))
                .map(ImportColumn::label).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "missing columns: " + String.join(", ", missing));
        }
    }

    private static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }
}
