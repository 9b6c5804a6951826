package org.reliefchain.stock.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The file a user fills in for an import. XLSX: the first sheet has one header row (Chinese headers, or
 * English ones for {@code en}), each header with a comment in both languages (English header, required or
 * not, an example, the values allowed); date columns are formatted as dates and text columns as text, so
 * that Excel neither turns a division code or a phone number into a number nor a date into text. A second
 * sheet lists the columns and the rules in both languages. No example row is put in the first sheet: it
 * would be imported with the user's rows. CSV: the header row only, UTF-8 with a byte-order mark so that
 * Excel opens the Chinese correctly.
 */
public final class ImportTemplate {

    private static final List<String> RULES = List.of(
            "第一张工作表的第一行是列名：中文或英文列名均可，顺序不限，多余的列不读。"
                    + " The first row of the first sheet names the columns, in Chinese or English, in any order;"
                    + " other columns are ignored.",
            "日期填日期格式的单元格或 2027-06-30；数字可带千位分隔符（1,200）；公式按其计算结果导入。"
                    + " Dates as date cells or 2027-06-30; numbers may carry thousands separators (1,200);"
                    + " formulas are imported as their results.",
            "不带时区的时间按北京时间（2026-08-10 09:45）。"
                    + " A date and time without an offset is Beijing time (2026-08-10 09:45).",
            "先用 dryRun=true 试导入：检查每一行，什么也不写；全部无误才一次写入。"
                    + " Send with dryRun=true first: every row is checked and nothing is written; a real import"
                    + " writes all rows or none.");

    private ImportTemplate() {
    }

    public static byte[] xlsx(ImportLayout layout, Locale locale) {
        boolean english = isEnglish(locale);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Sheet data = book.createSheet(english ? "Data" : "数据");
            Drawing<?> drawing = data.createDrawingPatriarch();
            CreationHelper helper = book.getCreationHelper();
            Row header = data.createRow(0);
            List<ImportColumn> columns = layout.columns();
            for (int i = 0; i < columns.size(); i++) {
                ImportColumn c = columns.get(i);
                String name = english ? c.english() : c.chinese();
                var cell = header.createCell(i);
                cell.setCellValue(name);
                cell.setCellStyle(c.required() ? styles.requiredHeader : styles.header);
                ClientAnchor anchor = helper.createClientAnchor();
                anchor.setCol1(i);
                anchor.setCol2(i + 3);
                anchor.setRow1(1);
                anchor.setRow2(6);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(helper.createRichTextString(note(c)));
                cell.setCellComment(comment);
                data.setDefaultColumnStyle(i, styles.of(c.kind()));
                data.setColumnWidth(i, Math.min(40, Math.max(12, name.length() * 2 + 4)) * 256);
            }
            data.createFreezePane(0, 1);
            notes(book.createSheet("说明 Notes"), layout, styles);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(ImportLayout layout, Locale locale) {
        boolean english = isEnglish(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
            w.write('\uFEFF');
            printer.printRecord(layout.columns().stream().map(c -> english ? c.english() : c.chinese()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void notes(Sheet sheet, ImportLayout layout, Styles styles) {
        sheet.createRow(0).createCell(0).setCellValue(layout.title(Locale.SIMPLIFIED_CHINESE) + " / "
                + layout.title(Locale.ENGLISH));
        sheet.getRow(0).getCell(0).setCellStyle(styles.header);
        String[] heads = {"列名 Column", "英文列名 English header", "必填 Required", "格式 Format", "示例 Example",
                "可选值 Values"};
        Row head = sheet.createRow(2);
        for (int i = 0; i < heads.length; i++) {
            head.createCell(i).setCellValue(heads[i]);
            head.getCell(i).setCellStyle(styles.header);
            sheet.setColumnWidth(i, (i == 3 ? 36 : 24) * 256);
        }
        int r = 3;
        for (ImportColumn c : layout.columns()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(c.chinese());
            row.createCell(1).setCellValue(c.english());
            row.createCell(2).setCellValue(c.required() ? "必填 required" : "选填 optional");
            row.createCell(3).setCellValue(format(c.kind()));
            row.createCell(4).setCellValue(c.example());
            if (c.choices() != null) {
                row.createCell(5).setCellValue(c.choices());
            }
        }
        r++;
        for (String rule : RULES) {
            sheet.createRow(r++).createCell(0).setCellValue(rule);
        }
    }

    /** The comment on a header cell: the column in both languages, whether it is required, an example. */
    private static String note(ImportColumn c) {
        return c.chinese() + " / " + c.english() + "\n" + (c.required() ? "必填 required" : "选填 optional") + "\n"
                + format(c.kind()) + "\n例 e.g. " + c.example() + (c.choices() == null ? "" : "\n" + c.choices());
    }

    private static String format(ImportColumn.Kind kind) {
        return switch (kind) {
            case TEXT -> "文本 text";
            case NUMBER -> "数字 number";
            case DATE -> "日期 date (2027-06-30)";
            case INSTANT -> "日期时间 date and time (北京时间 Beijing time)";
        };
    }

    private static boolean isEnglish(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** The cell styles of a template: headers, and one per kind of column for the cells users fill in. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle text;
        final CellStyle number;
        final CellStyle date;
        final CellStyle instant;

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            requiredHeader = book.createCellStyle();
            requiredHeader.cloneStyleFrom(header);
            requiredHeader.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            requiredHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            var formats = book.createDataFormat();
            text = book.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            number = book.createCellStyle();
            date = book.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            instant = book.createCellStyle();
            instant.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm"));
        }

        CellStyle of(ImportColumn.Kind kind) {
            return switch (kind) {
                case TEXT -> text;
                case NUMBER -> number;
                case DATE -> date;
                case INSTANT -> instant;
            };
        }
    }
}
