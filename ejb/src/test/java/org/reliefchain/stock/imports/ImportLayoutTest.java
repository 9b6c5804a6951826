package org.reliefchain.stock.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.reliefchain.fleet.VehicleImportService;
import org.reliefchain.incident.AffectedService;
import org.reliefchain.place.LandingPointImportService;
import org.reliefchain.stock.imports.ImportColumn.Kind;

class ImportLayoutTest {

    private static final ImportColumn QUANTITY = ImportColumn.required("quantity", "数量", Kind.NUMBER, "1");
    private static final ImportColumn EXPIRY = ImportColumn.optional("expiryDate", "有效期至", Kind.DATE, "2027-06-30");
    private static final ImportColumn NAME = ImportColumn.required("nameZh", "名称", Kind.TEXT, "x");

    @Test
    void every_import_answers_to_its_english_chinese_and_other_headers() {
        for (ImportLayout layout : List.of(StockImportService.LAYOUT, VehicleImportService.LAYOUT,
                LandingPointImportService.LAYOUT, AffectedService.LAYOUT)) {
            for (ImportColumn c : layout.columns()) {
                assertThat(layout.column(c.english())).as(layout.name() + " " + c.english()).contains(c);
                assertThat(layout.column(c.chinese())).as(layout.name() + " " + c.chinese()).contains(c);
                c.aliases().forEach(a -> assertThat(layout.column(a)).as(layout.name() + " " + a).contains(c));
            }
        }
        assertThat(VehicleImportService.LAYOUT.column("容积(m³)")).as("³ is 3 once normalised")
                .map(ImportColumn::key).contains("capacitym3");
        assertThat(AffectedService.LAYOUT.column("转移安置人数")).as("the names the import took before")
                .map(ImportColumn::key).contains("relocated");
    }

    @Test
    void two_columns_answering_to_one_header_is_a_mistake_of_the_layout() {
        ImportColumn other = ImportColumn.optional("amount", "数量", Kind.NUMBER, "1");
        assertThatThrownBy(() -> new ImportLayout("x", "x", "x", List.of(QUANTITY, other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity and amount");
    }

    @Test
    void numbers_lose_their_thousands_separators_and_typed_dates_become_iso_dates() {
        assertThat(ImportLayout.tidy(QUANTITY, "1,200")).isEqualTo("1200");
        assertThat(ImportLayout.tidy(QUANTITY, " -12,000.5 ")).isEqualTo("-12000.5");
        assertThat(ImportLayout.tidy(QUANTITY, "１，２００")).as("full-width, as a Chinese input method types it")
                .isEqualTo("1200");
        assertThat(ImportLayout.tidy(QUANTITY, "1,2")).as("not a thousands separator: left to be refused")
                .isEqualTo("1,2");
        assertThat(ImportLayout.tidy(QUANTITY, "12,00")).isEqualTo("12,00");
        assertThat(ImportLayout.tidy(EXPIRY, "2027/6/30")).isEqualTo("2027-06-30");
        assertThat(ImportLayout.tidy(EXPIRY, "2027.6.3")).isEqualTo("2027-06-03");
        assertThat(ImportLayout.tidy(EXPIRY, "2027年6月30日")).isEqualTo("2027-06-30");
        assertThat(ImportLayout.tidy(EXPIRY, "2027-06-30T00:00")).isEqualTo("2027-06-30");
        assertThat(ImportLayout.tidy(EXPIRY, "2027-06-30T09:00")).as("a time is not dropped silently")
                .isEqualTo("2027-06-30T09:00");
        assertThat(ImportLayout.tidy(NAME, " 大若岩（东） ")).as("text stays as typed").isEqualTo(" 大若岩（东） ");
    }
}
