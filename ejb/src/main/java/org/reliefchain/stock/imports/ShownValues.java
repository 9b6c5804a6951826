package org.reliefchain.stock.imports;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * How a numeric cell of a workbook reaches an import: as the user typed and sees it, not as stored.
 * <ul>
 *   <li>a date-formatted cell is an ISO date (2027-06-30) whatever its format (2027/6/30, 2027年6月30日), a
 *       date-time one an ISO local date-time (2026-08-10T09:45), a time-only one a time (09:45);</li>
 *   <li>any other number is the value Excel shows in General format (15 significant digits: 12.5, not the
 *       12.499999999999998 a formula may store; 1000, not 1000.0), and keeps what its format adds only
 *       where that means the same number (leading zeros of a code, 000123); a format that rounds, or adds a
 *       currency sign or a percent, does not change the number imported.</li>
 * </ul>
 * Cached results of formulas come through here too (POI reads the cached value, never evaluates).
 */
final class ShownValues extends DataFormatter {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Quoted literals, [colour] or [$-804] locale parts, and backslash-escaped characters. */
    private static final Pattern NOT_A_TOKEN = Pattern.compile("\"[^\"]*\"|\\[[^]]*]|\\\\.");
    /** [h]:mm and the like count hours past a day: a duration, shown as it is, not a time of day. */
    private static final Pattern ELAPSED = Pattern.compile(".*\\[(h+|m+|s+)].*", Pattern.CASE_INSENSITIVE);

    private final boolean date1904;

    /** @param date1904 the workbook counts days from 1904 (old Mac Excel), as its workbook part says */
    ShownValues(boolean date1904) {
        super(Locale.ROOT);
        this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return formatString != null && ELAPSED.matcher(formatString).matches()
                    ? super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing)
                    : dateOrTime(value, formatString);
        }
        String general = general(value);
        String shown = super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing).replace(",", "");
        return PLAIN_NUMBER.matcher(shown).matches() && new BigDecimal(shown).compareTo(new BigDecimal(general)) == 0
                ? shown : general;
    }

    /** The number as Excel's General format writes it, in plain notation. */
    static String general(double value) {
        BigDecimal v = new BigDecimal(NumberToTextConverter.toText(value)).stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }

    private String dateOrTime(double value, String formatString) {
        LocalDateTime at = DateUtil.getLocalDateTime(value, date1904, true);
        String tokens = NOT_A_TOKEN.matcher(formatString == null ? "" : formatString).replaceAll("")
                .toLowerCase(Locale.ROOT);
        boolean hasTime = tokens.indexOf('h') >= 0 || tokens.indexOf('s') >= 0;
        boolean hasDate = tokens.indexOf('y') >= 0 || tokens.indexOf('d') >= 0 || tokens.indexOf('e') >= 0
                || !hasTime;
        if (!hasTime) {
            return at.toLocalDate().toString();
        }
        return hasDate ? at.toString() : at.toLocalTime().toString();
    }
}
