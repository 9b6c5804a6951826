package org.reliefchain.stock.imports;

import java.util.List;
import java.util.Locale;

/**
 * One column an import reads. Rows are keyed by {@link #key()} (the English header, lower-cased), whatever
 * header the file used: the English one, the Chinese one or one of the other names users write.
 *
 * @param english  the header as the API documents it, e.g. {@code productionDate}
 * @param chinese  the header of the Chinese template, e.g. {@code 生产日期}
 * @param kind     what the cells hold: it decides how a cell is tidied before the import parses it
 * @param example  a value for the template's notes
 * @param choices  the values allowed, when the column takes a fixed set (else null)
 * @param aliases  further names accepted in a header (units written differently, older names)
 */
public record ImportColumn(String english, String chinese, Kind kind, boolean required, String example,
                           String choices, List<String> aliases) {

    /** What a column holds. */
    public enum Kind {
        TEXT,
        /** a decimal number; "1,200" (thousands separators, as typed into a text cell) reads as 1200 */
        NUMBER,
        /** a calendar date, read as yyyy-MM-dd */
        DATE,
        /** a point in time: ISO-8601 with an offset, or a local date and time in China */
        INSTANT
    }

    public ImportColumn {
        aliases = List.copyOf(aliases);
    }

    public static ImportColumn required(String english, String chinese, Kind kind, String example, String... aliases) {
        return new ImportColumn(english, chinese, kind, true, example, null, List.of(aliases));
    }

    public static ImportColumn optional(String english, String chinese, Kind kind, String example, String... aliases) {
        return new ImportColumn(english, chinese, kind, false, example, null, List.of(aliases));
    }

    /** The same column taking only {@code values}. */
    public ImportColumn choosing(String values) {
        return new ImportColumn(english, chinese, kind, required, example, values, aliases);
    }

    /** What rows are keyed by, and what row errors name. */
    public String key() {
        return english.toLowerCase(Locale.ROOT);
    }

    /** "lot (批次号)": how a message names the column for readers of either language. */
    public String label() {
        return english + " (" + chinese + ")";
    }
}
