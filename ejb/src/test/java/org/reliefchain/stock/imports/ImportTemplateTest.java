package org.reliefchain.stock.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.reliefchain.fleet.VehicleImportService;
import org.reliefchain.incident.AffectedService;
import org.reliefchain.place.LandingPointImportService;
import org.reliefchain.platform.InvalidInputException;

class ImportTemplateTest {

    private static final ImportLayout STOCK = StockImportService.LAYOUT;

    @Test
    void every_template_is_accepted_as_it_comes_in_either_language_and_either_format() {
        for (ImportLayout layout : List.of(STOCK, VehicleImportService.LAYOUT, LandingPointImportService.LAYOUT,
                AffectedService.LAYOUT)) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertThatThrownBy(() -> SheetReader.read(ImportTemplate.xlsx(layout, locale), true, layout))
                        .as(layout.name() + " " + locale).isInstanceOf(InvalidInputException.class)
                        .hasMessage("file: has a header but no rows");
                assertThatThrownBy(() -> SheetReader.read(ImportTemplate.csv(layout, locale), false, layout))
                        .isInstanceOf(InvalidInputException.class).hasMessage("file: has a header but no rows");
            }
        }
    }

    @Test
    void the_chinese_workbook_has_chinese_headers_notes_in_both_languages_and_formatted_columns() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ImportTemplate.xlsx(STOCK,
                Locale.SIMPLIFIED_CHINESE)))) {
            Sheet data = book.getSheetAt(0);
            assertThat(texts(data.getRow(0))).containsExactly("仓库", "物资", "批次号", "数量", "生产日期", "有效期至", "来源",
                    "单价", "币种", "权属单位", "事由");
            assertThat(data.getRow(0).getCell(0).getCellComment().getString().getString())
                    .contains("warehouse", "必填 required", "ZJ-330324");
            assertThat(data.getRow(0).getCell(6).getCellComment().getString().getString())
                    .contains("选填 optional", "PURCHASE, DONATION");
            assertThat(data.getLastRowNum()).as("no example row to be imported by mistake").isZero();
            assertThat(data.getColumnStyle(0).getDataFormatString()).as("codes stay text").isEqualTo("@");
            assertThat(data.getColumnStyle(4).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            Sheet notes = book.getSheetAt(1);
            assertThat(notes.getSheetName()).isEqualTo("说明 Notes");
            List<String> english = new ArrayList<>();
            notes.forEach(r -> english.add(new DataFormatter().formatCellValue(r.getCell(1))));
            assertThat(english).contains("warehouse", "productionDate", "reason");
        }
    }

    @Test
    void a_row_typed_into_the_template_reads_back_with_its_date_as_a_date() throws Exception {
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ImportTemplate.xlsx(STOCK, Locale.ENGLISH)))) {
            Sheet data = book.getSheetAt(0);
            assertThat(texts(data.getRow(0))).startsWith("warehouse", "material", "lot", "quantity", "productionDate");
            Row row = data.createRow(1);
            // Excel gives a new cell its column's style, as here
            for (int i = 0; i < 5; i++) {
                row.createCell(i).setCellStyle(data.getColumnStyle(i));
            }
            row.getCell(0).setCellValue("ZJ-330324");
            row.getCell(1).setCellValue("BLANKET");
            row.getCell(2).setCellValue("L1");
            row.getCell(3).setCellValue(1200);
            row.getCell(4).setCellValue(LocalDate.of(2026, 5, 20));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        ImportRow row = SheetReader.read(filled, true, STOCK).get(0);
        assertThat(row.get("quantity")).isEqualTo("1200");
        assertThat(row.get("productiondate")).isEqualTo("2026-05-20");
    }

    @Test
    void the_csv_template_is_the_header_row_in_utf8_with_a_byte_order_mark_for_excel() {
        byte[] csv = ImportTemplate.csv(STOCK, Locale.SIMPLIFIED_CHINESE);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF仓库,物资,批次号,数量,生产日期,有效期至,来源,单价,币种,权属单位,事由\r\n");
        assertThat(new String(ImportTemplate.csv(STOCK, Locale.ENGLISH), StandardCharsets.UTF_8))
                .startsWith("\uFEFFwarehouse,material,lot,quantity,productionDate,");
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell c : row) {
            out.add(c.getStringCellValue());
        }
        return out;
    }
}
