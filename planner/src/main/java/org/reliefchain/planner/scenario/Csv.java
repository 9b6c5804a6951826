package org.reliefchain.planner.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The project's CSV files through Apache Commons CSV: a header row, then records (RFC 4180: commas,
 * double quotes around fields with commas, quotes or line breaks). Read as UTF-8, with or without the
 * byte-order mark Excel writes, or as GBK when a file was saved by Chinese Excel ("CSV (逗号分隔)")
 * and is therefore not UTF-8; written as UTF-8 with '\n' line ends, as the files in data/ are.
 */
public final class Csv {

    /** Blank records are kept while parsing, so that a record's number is the line it starts on. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private static final Charset CHINESE_WINDOWS = Charset.forName("GB18030");

    /** One record after the header: its number (the line, where no field spans lines) and its fields. */
    public record Row(int line, Map<String, String> fields) {
    }

    private Csv() {
    }

    /** Rows as column name -> value; a missing trailing field is "". */
    public static List<Map<String, String>> read(Path file) throws IOException {
        return rows(file).stream().map(Row::fields).toList();
    }

    /**
     * The records after the header with their numbers; blank lines are skipped.
     *
     * @throws IOException naming the file when it is empty or not valid CSV (an unclosed quote, say)
     */
    public static List<Row> rows(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        try (CSVParser parser = CSVParser.parse(text(Files.readAllBytes(file)), FORMAT)) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = record.toList();
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), i < record.size() ? record.get(i) : "");
                }
                rows.add(new Row(Math.toIntExact(record.getRecordNumber()), fields));
            }
        } catch (UncheckedIOException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e);
        }
        if (header == null) {
            throw new IOException(file + " is empty");
        }
        return rows;
    }

    /** A printer of records to {@code file}; the caller prints the header first and closes it. */
    public static CSVPrinter writer(Path file) throws IOException {
        return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT);
    }

    static String text(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(b, CHINESE_WINDOWS);
        }
    }
}
