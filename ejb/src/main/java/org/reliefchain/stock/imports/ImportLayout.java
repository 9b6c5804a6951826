package org.reliefchain.stock.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of one import and how a file's header and cells are matched to them. A header matches a
 * column whatever its case, its spaces and the width of its characters: "Production Date", "productiondate",
 * "生产日期" and "载重(千克)" against "载重（千克）" are all the same header, since spreadsheets made on Chinese
 * systems mix full-width and half-width brackets and letters freely.
 */
public final class ImportLayout {

    /** 1,200 or 1,200.5 or -12,000: thousands separators as a text cell (or a CSV) carries them. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    /** 2027/6/30, 2027.6.30, 2027-6-30 or 2027年6月30日: dates as people type them into a text cell. */
    private static final Pattern TYPED_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    /** A date cell formatted with a time of midnight, in a column that wants only the date. */
    private static final Pattern MIDNIGHT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]00:00(:00)?");

    private final String name;
    private final String titleZh;
    private final String titleEn;
    private final List<ImportColumn> columns;
    private final Map<String, ImportColumn> byHeader = new HashMap<>();

    /**
     * @param name    a file-name stem for the template, e.g. {@code stock-receipts}
     * @throws IllegalArgumentException when two columns answer to the same header
     */
    public ImportLayout(String name, String titleZh, String titleEn, List<ImportColumn> columns) {
        this.name = name;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.columns = List.copyOf(columns);
        for (ImportColumn c : this.columns) {
            accept(c.english(), c);
            accept(c.chinese(), c);
            c.aliases().forEach(a -> accept(a, c));
        }
    }

    private void accept(String header, ImportColumn column) {
        ImportColumn before = byHeader.put(normalise(header), column);
        if (before != null && before != column) {
            throw new IllegalArgumentException(name + ": header '" + header + "' names both " + before.english()
                    + " and " + column.english());
        }
    }

    /** A header as compared: compatibility-normalised (full-width to half-width), without spaces, lower case. */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        return Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    public Optional<ImportColumn> column(String header) {
        return Optional.ofNullable(byHeader.get(normalise(header)));
    }

    /**
     * The cell as the import parses it: numbers without thousands separators, dates typed as text in
     * ISO form; text as it was. What cannot be tidied is left for the import to refuse with the cell's text.
     */
    static String tidy(ImportColumn column, String value) {
        if (value == null || value.isBlank() || column.kind() == ImportColumn.Kind.TEXT) {
            return value;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFKC).trim();
        switch (column.kind()) {
            case NUMBER -> {
                return GROUPED.matcher(v).matches() ? v.replace(",", "") : v;
            }
            case DATE -> {
                Matcher typed = TYPED_DATE.matcher(v);
                if (typed.matches()) {
                    return String.format(Locale.ROOT, "%s-%02d-%02d", typed.group(1), Integer.parseInt(typed.group(2)),
                            Integer.parseInt(typed.group(3)));
                }
                Matcher midnight = MIDNIGHT.matcher(v);
                return midnight.matches() ? midnight.group(1) : v;
            }
            default -> {
                return v;
            }
        }
    }

    public String name() {
        return name;
    }

    public String title(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? titleEn : titleZh;
    }

    public List<ImportColumn> columns() {
        return columns;
    }
}
