package org.reliefchain.stock.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.reliefchain.platform.InvalidInputException;

class SheetReaderTest {

    private static final ImportLayout STOCK = StockImportService.LAYOUT;

    // ---- CSV -----------------------------------------------------------------------------------------------

    @Test
    void csv_rows_are_keyed_by_the_lower_cased_header_and_keep_their_file_line() {
        String csv = "\uFEFFWarehouse,Material,Lot,Quantity,Reason\r\n"
                + "ZJ-330324,QUILT-COTTON,Q1,40,\"采购入库, 第一批\"\r\n"
                + "\r\n"
                + "ZJ-330324,BLANKET,\"B\"\"2\",5,\n";
        List<ImportRow> rows = SheetReader.read(csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).get("warehouse")).isEqualTo("ZJ-330324");
        assertThat(rows.get(0).get("reason")).isEqualTo("采购入库, 第一批");
        assertThat(rows.get(1).line()).as("the blank line is skipped, not renumbered").isEqualTo(4);
        assertThat(rows.get(1).get("lot")).isEqualTo("B\"2");
        assertThat(rows.get(1).get("reason")).isNull();
    }

    @Test
    void a_csv_with_chinese_headers_quoted_line_breaks_and_thousands_separators_arrives_keyed_in_english() {
        String csv = "\uFEFF 仓库 ,物资,批次号,数量,生产日期,有效期至,单价（元）,事由\n"
                + "ZJ-330324,QUILT-COTTON,Q1,\"1,200\",2026/5/20,2029年5月19日,\"1,250.50\",\"台风\"\"利奇马\"\"\n第二批, 补充\"\n"
                + "ZJ-330324,BLANKET,Q2,１２,2026-05-20,,,\n";
        List<ImportRow> rows = SheetReader.read(csv.getBytes(StandardCharsets.UTF_8), false, STOCK);
        assertThat(rows).hasSize(2);
        ImportRow first = rows.get(0);
        assertThat(first.get("warehouse")).isEqualTo("ZJ-330324");
        assertThat(first.get("quantity")).isEqualTo("1200");
        assertThat(first.get("productiondate")).isEqualTo("2026-05-20");
        assertThat(first.get("expirydate")).isEqualTo("2029-05-19");
        assertThat(first.get("unitcost")).isEqualTo("1250.50");
        assertThat(first.get("reason")).isEqualTo("台风\"利奇马\"\n第二批, 补充");
        assertThat(rows.get(1).line()).as("a record spanning two lines is one row, as a spreadsheet shows it")
                .isEqualTo(3);
        assertThat(rows.get(1).get("quantity")).as("full-width digits").isEqualTo("12");
    }

    @Test
    void a_csv_saved_by_chinese_excel_in_gbk_is_read_as_gbk() {
        String csv = "仓库,物资,批次号,数量,事由\r\nZJ-330324,QUILT-COTTON,Q1,40,灾后补库\r\n";
        List<ImportRow> rows = SheetReader.read(csv.getBytes(Charset.forName("GBK")), false, STOCK);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("warehouse")).isEqualTo("ZJ-330324");
            assertThat(r.get("reason")).isEqualTo("灾后补库");
        });
    }

    @Test
    void a_quantity_that_is_not_a_grouped_number_is_left_for_the_import_to_refuse() {
        String csv = "warehouse,material,lot,quantity\nZJ-330324,QUILT-COTTON,Q1,\"1,2\"\n";
        assertThat(SheetReader.read(csv.getBytes(StandardCharsets.UTF_8), false, STOCK).get(0).get("quantity"))
                .isEqualTo("1,2");
    }

    @Test
    void an_unclosed_quote_is_refused_naming_the_file() {
        String csv = "warehouse,material,lot,quantity\nZJ-330324,\"QUILT,Q1,4\n";
        assertThatThrownBy(() -> SheetReader.read(csv.getBytes(StandardCharsets.UTF_8), false, STOCK))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("file: is not a readable CSV file");
    }

    // ---- headers -------------------------------------------------------------------------------------------

    @Test
    void headers_match_whatever_their_case_spaces_and_character_width() {
        String csv = "ＷＡＲＥＨＯＵＳＥ, Material ,批次号,数量,Production Date,单价(元)\nZJ-330324,BLANKET,Q1,5,2026-01-02,3\n";
        ImportRow row = SheetReader.read(csv.getBytes(StandardCharsets.UTF_8), false, STOCK).get(0);
        assertThat(row.cells()).containsKeys("warehouse", "material", "lot", "quantity", "productiondate", "unitcost");
    }

    @Test
    void a_missing_column_is_named_in_both_languages_and_a_column_named_twice_is_refused() {
        assertThatThrownBy(() -> SheetReader.read("仓库,物资\nZJ-330324,BLANKET\n".getBytes(StandardCharsets.UTF_8),
                false, STOCK)).isInstanceOf(InvalidInputException.class)
                .hasMessage("file: missing columns: lot (批次号), quantity (数量)");
        assertThatThrownBy(() -> SheetReader.read("仓库,物资,批次号,数量,Quantity\nZJ-330324,BLANKET,Q1,5,6\n"
                .getBytes(StandardCharsets.UTF_8), false, STOCK)).isInstanceOf(InvalidInputException.class)
                .hasMessage("file: columns D (数量) and E (Quantity) both name quantity (数量); keep one");
        assertThatThrownBy(() -> SheetReader.read("仓库,物资,批次号,数量\n".getBytes(StandardCharsets.UTF_8), false, STOCK))
                .isInstanceOf(InvalidInputException.class).hasMessage("file: has a header but no rows");
    }

    // ---- XLSX ----------------------------------------------------------------------------------------------

    @Test
    void a_workbook_arrives_as_the_user_sees_it_dates_numbers_formulas_and_rich_text() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("入库");
            text(sheet.createRow(0), "仓库", "物资", "批次号", "数量", "生产日期", "有效期至", "单价", "事由");
            XSSFRow r = sheet.createRow(1);
            text(r, "ZJ-330324", "QUILT-COTTON");
            XSSFRichTextString lot = new XSSFRichTextString("B-2026");
            XSSFFont bold = book.createFont();
            bold.setBold(true);
            lot.applyFont(0, 2, bold);
            r.createCell(2).setCellValue(lot);
            XSSFCell quantity = r.createCell(3);
            quantity.setCellFormula("1000+200");
            quantity.setCellStyle(style(book, "#,##0"));
            XSSFCell produced = r.createCell(4);
            produced.setCellValue(LocalDate.of(2026, 1, 1));
            produced.setCellStyle(style(book, "yyyy\"年\"m\"月\"d\"日\""));
            XSSFCell expires = r.createCell(5);
            expires.setCellValue(LocalDate.of(2029, 6, 30));
            expires.setCellStyle(style(book, "m/d/yy"));
            r.createCell(6).setCellFormula("0.1*3");
            r.createCell(7).setCellValue("采购");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            file = bytes(book);
        }
        List<ImportRow> rows = SheetReader.read(file, true, STOCK);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.get("warehouse")).isEqualTo("ZJ-330324");
            assertThat(row.get("lot")).isEqualTo("B-2026");
            assertThat(row.get("quantity")).as("cached result, without the format's separator").isEqualTo("1200");
            assertThat(row.get("productiondate")).as("not the serial number 46023").isEqualTo("2026-01-01");
            assertThat(row.get("expirydate")).isEqualTo("2029-06-30");
            assertThat(row.get("unitcost")).as("0.30000000000000004 as Excel shows it").isEqualTo("0.3");
            assertThat(row.get("reason")).isEqualTo("采购");
        });
    }

    @Test
    void numbers_keep_their_value_whatever_the_format_shows_except_padding_that_means_the_same_number()
            throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet();
            text(sheet.createRow(0), "a", "b", "c", "d", "e", "f", "g", "h");
            XSSFRow r = sheet.createRow(1);
            number(r, 0, 1000, null);
            number(r, 1, 12.5, style(book, "0"));
            number(r, 2, 0.5, style(book, "0%"));
            number(r, 3, 123, style(book, "000000"));
            number(r, 4, 1250.5, style(book, "¥#,##0.00"));
            number(r, 5, 13905770001d, null);
            number(r, 6, DateUtil.getExcelDate(LocalDateTime.of(2026, 8, 10, 9, 45)), style(book, "yyyy-mm-dd hh:mm"));
            number(r, 7, 0.40625, style(book, "h:mm"));
            file = bytes(book);
        }
        ImportRow row = SheetReader.read(file, true).get(0);
        assertThat(Arrays.asList(row.get("a"), row.get("b"), row.get("c"), row.get("d"), row.get("e"), row.get("f"),
                row.get("g"), row.get("h")))
                .containsExactly("1000", "12.5", "0.5", "000123", "1250.5", "13905770001", "2026-08-10T09:45", "09:45");
    }

    @Test
    void a_row_is_numbered_as_excel_numbers_it_and_blank_or_only_formatted_rows_are_skipped() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet();
            CellStyle dated = style(book, "yyyy-mm-dd");
            text(sheet.createRow(2), "warehouse", "material", "lot", "quantity");
            text(sheet.createRow(3), "ZJ-330324", "BLANKET", "L1", "5");
            text(sheet.createRow(7), "ZJ-330324", "BLANKET", "L2", "6");
            for (int i = 8; i < 200; i++) {
                sheet.createRow(i).createCell(4).setCellStyle(dated);
            }
            file = bytes(book);
        }
        assertThat(SheetReader.read(file, true, STOCK)).extracting(ImportRow::line).containsExactly(4, 8);
    }

    @Test
    void a_workbook_counting_days_from_1904_gives_the_same_dates() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.getCTWorkbook().getWorkbookPr().setDate1904(true);
            XSSFSheet sheet = book.createSheet();
            text(sheet.createRow(0), "warehouse", "material", "lot", "quantity", "expiryDate");
            XSSFRow r = sheet.createRow(1);
            text(r, "ZJ-330324", "BLANKET", "L1", "5");
            r.createCell(4).setCellValue(LocalDate.of(2029, 6, 30));
            r.getCell(4).setCellStyle(style(book, "yyyy/m/d"));
            file = bytes(book);
        }
        assertThat(SheetReader.read(file, true, STOCK).get(0).get("expirydate")).isEqualTo("2029-06-30");
    }

    @Test
    void a_workbook_sent_as_csv_is_still_read_as_a_workbook() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet();
            text(sheet.createRow(0), "仓库", "物资", "批次号", "数量");
            text(sheet.createRow(1), "ZJ-330324", "BLANKET", "L1", "5");
            file = bytes(book);
        }
        assertThat(SheetReader.read(file, false, STOCK).get(0).get("lot")).isEqualTo("L1");
    }

    @Test
    void reading_a_sheet_stops_once_the_rows_wanted_have_come() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet();
            for (int i = 0; i < 10; i++) {
                text(sheet.createRow(i), "row " + (i + 1));
            }
            file = bytes(book);
        }
        assertThat(XlsxTable.read(file, 3)).extracting(RawRow::line).containsExactly(1, 2, 3);
    }

    @Test
    void more_rows_than_allowed_are_refused_in_either_format() throws Exception {
        StringBuilder csv = new StringBuilder("warehouse,material,lot,quantity\n");
        for (int i = 0; i <= SheetReader.MAX_ROWS; i++) {
            csv.append("ZJ-330324,BLANKET,L").append(i).append(",1\n");
        }
        assertThatThrownBy(() -> SheetReader.read(csv.toString().getBytes(StandardCharsets.UTF_8), false, STOCK))
                .isInstanceOf(InvalidInputException.class).hasMessage("file: has more than 20000 rows; split it");
        byte[] file;
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            var sheet = book.createSheet();
            for (int i = 0; i <= SheetReader.MAX_ROWS + 1; i++) {
                sheet.createRow(i).createCell(0).setCellValue(i == 0 ? "warehouse" : "ZJ-330324");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            file = out.toByteArray();
        }
        assertThatThrownBy(() -> SheetReader.read(file, true)).isInstanceOf(InvalidInputException.class)
                .hasMessage("file: has more than 20000 rows; split it");
    }

    // ---- bad files -----------------------------------------------------------------------------------------

    @Test
    void an_empty_file_or_a_broken_workbook_is_refused_by_name() throws Exception {
        assertThatThrownBy(() -> SheetReader.read(new byte[0], false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file");
        assertThatThrownBy(() -> SheetReader.read("not a zip".getBytes(StandardCharsets.UTF_8), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("XLSX");
        byte[] whole;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            text(book.createSheet().createRow(0), "warehouse");
            whole = bytes(book);
        }
        assertThatThrownBy(() -> SheetReader.read(Arrays.copyOf(whole, whole.length / 2), true, STOCK))
                .as("a truncated workbook").isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("file: is not a readable XLSX workbook");
        assertThatThrownBy(() -> SheetReader.read(zip("word/document.xml", new byte[10]), true, STOCK))
                .as("a zip that is no workbook").isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("file: is not a readable XLSX workbook");
    }

    @Test
    void an_old_xls_or_encrypted_workbook_is_refused_with_what_to_do() {
        byte[] ole2 = new byte[512];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, ole2, 0, signature.length);
        assertThatThrownBy(() -> SheetReader.read(ole2, true, STOCK)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(.xls)").hasMessageContaining("save it as an Excel workbook (.xlsx)");
    }

    @Test
    void a_workbook_that_unpacks_past_the_limit_is_refused_before_poi_holds_it() throws Exception {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[(int) XlsxTable.MAX_UNPACKED_BYTES + 1]);
        assertThat(bomb.length).as("a small upload").isLessThan(1024 * 1024);
        assertThatThrownBy(() -> SheetReader.read(bomb, true, STOCK)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("file: unpacks to more than 100 MB");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void text(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static void number(XSSFRow row, int column, double value, CellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static CellStyle style(XSSFWorkbook book, String format) {
        CellStyle s = book.createCellStyle();
        s.setDataFormat(book.createDataFormat().getFormat(format));
        return s;
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
