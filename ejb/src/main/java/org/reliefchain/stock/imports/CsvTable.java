package org.reliefchain.stock.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.reliefchain.platform.InvalidInputException;

/**
 * The rows of a CSV file (RFC 4180: commas, double quotes around fields with commas, quotes or line
 * breaks). A row's line is its record number, blank records counted, so that it is the row a spreadsheet
 * shows when it opens the file even where a quoted field spans several lines.
 */
final class CsvTable {

    /** Chinese Excel saves "CSV (逗号分隔)" in the system code page, GBK; GB18030 reads all of GBK. */
    static final Charset CHINESE_WINDOWS = Charset.forName("GB18030");

    private CsvTable() {
    }

    /** Up to {@code maxRows} non-blank rows, in file order. */
    static List<RawRow> read(byte[] content, int maxRows) {
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(decode(content), CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                RawRow row = new RawRow(Math.toIntExact(record.getRecordNumber()), record.toList());
                if (!row.isBlank()) {
                    rows.add(row);
                    if (rows.size() >= maxRows) {
                        break;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unclosed quote, or a quote followed by more text before the comma: the parser says where
            throw new InvalidInputException("file", "is not a readable CSV file: " + e.getMessage());
        }
        return rows;
    }

    /**
     * The text of the file: UTF-8 with or without a byte-order mark, UTF-16 with its mark, and otherwise
     * GBK when the bytes are not UTF-8 (a GBK file with Chinese in it is practically never valid UTF-8).
     */
    static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(b, CHINESE_WINDOWS);
        }
    }
}
