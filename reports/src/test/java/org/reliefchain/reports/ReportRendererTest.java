package org.reliefchain.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void a_chinese_division_list_prints_its_names_with_the_cjk_font_embedded() throws Exception {
        byte[] pdf = renderer.render(ReportTemplate.DIVISIONS, params(), rows(), Locale.SIMPLIFIED_CHINESE,
                ReportFormat.PDF);

        // kept for a person to look at (pdftoppm target/preview/divisions.pdf)
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "preview"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "preview", "divisions.pdf"), pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("行政区划清单", "杭州市", "淳安县", "328,957", "共 2 个行政区划");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getName()).contains("NotoSansCJK");
                assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                // TrueType outlines: viewers drew nothing for OpenPDF's re-subset CID-keyed CFF
                assertThat(((org.apache.pdfbox.pdmodel.font.PDType0Font) f).getDescendantFont())
                        .isInstanceOf(org.apache.pdfbox.pdmodel.font.PDCIDFontType2.class);
            });
        }
    }

    @Test
    void labels_switch_to_english() throws Exception {
        byte[] pdf = renderer.render(ReportTemplate.DIVISIONS, params(), rows(), Locale.ENGLISH, ReportFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Administrative divisions", "Population",
                    "2 divisions");
        }
    }

    @Test
    void the_spreadsheet_holds_the_same_rows() throws Exception {
        byte[] xlsx = renderer.render(ReportTemplate.DIVISIONS, params(), rows(), Locale.SIMPLIFIED_CHINESE,
                ReportFormat.XLSX);
        StringBuilder sheets = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().startsWith("xl/")) {
                    sheets.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(sheets.toString()).contains("杭州市", "淳安县", "330127");
    }

    private static Map<String, Object> params() {
        return Map.of("rootCode", "3301", "rootName", "杭州市", "generatedAt", "2026-11-28 10:00",
                "generatedBy", "admin");
    }

    private static List<Map<String, ?>> rows() {
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("code", "3301");
        city.put("name", "杭州市");
        city.put("level", "市");
        city.put("depth", 0);
        city.put("population", 11_912_247L);
        city.put("children", 13L);
        Map<String, Object> county = new LinkedHashMap<>();
        county.put("code", "330127");
        county.put("name", "　淳安县");
        county.put("level", "县");
        county.put("depth", 1);
        county.put("population", 328_957L);
        county.put("children", 23L);
        return List.of(city, county);
    }
}
