package org.reliefchain.place;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.reliefchain.stock.imports.ImportResult.RowError;
import org.reliefchain.stock.imports.ImportRow;

/**
 * Typed cells of one import row (columns by {@link org.reliefchain.stock.imports.ImportColumn#key()}). A cell that does not parse
 * becomes a row error naming the column, and reads as empty, so that one pass finds every bad cell.
 */
public final class ImportCells {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ImportRow row;
    private final List<RowError> errors = new ArrayList<>();

    public ImportCells(ImportRow row) {
        this.row = row;
    }

    public int line() {
        return row.line();
    }

    /** The parse errors found so far. */
    public List<RowError> errors() {
        return errors;
    }

    /** A row error of a rule checked after parsing. */
    public void reject(String field, String reason) {
        errors.add(new RowError(row.line(), field, reason));
    }

    public String text(String column) {
        String v = row.cells().get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public BigDecimal decimal(String column) {
        String v = text(column);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            reject(column, "'" + v + "' is not a number");
            return null;
        }
    }

    public Double number(String column) {
        BigDecimal d = decimal(column);
        return d == null ? null : d.doubleValue();
    }

    public Integer integer(String column) {
        BigDecimal d = decimal(column);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            reject(column, "'" + text(column) + "' is not a whole number");
            return null;
        }
    }

    /**
     * An instant as ISO-8601 with an offset (2026-08-10T01:45:00Z, 2026-08-10T09:45+08:00), or a date and
     * time without one (2026-08-10 09:45, or a date-time cell of a workbook) taken as Beijing time: that is
     * what a spreadsheet filled in here means.
     */
    public Instant instant(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(v.replace(' ', 'T')).atZone(CHINA).toInstant();
            } catch (DateTimeParseException e) {
                reject(column, "'" + v + "' is not a date and time such as 2026-08-10 09:45 (Beijing time) or"
                        + " 2026-08-10T01:45:00Z");
                return null;
            }
        }
    }

    public <E extends Enum<E>> E choice(String column, Class<E> type) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reject(column, "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }
}
