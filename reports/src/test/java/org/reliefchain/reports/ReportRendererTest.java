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

    @Test
    void a_dispatch_order_prints_header_loads_stops_and_signature_lines_in_chinese() throws Exception {
        byte[] pdf = renderer.render(ReportTemplate.DISPATCH_ORDER, dispatchParams(), dispatchRows(),
                Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "preview"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "preview", "dispatch-order.pdf"), pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.strip()).as("the title heads the page").startsWith("派车单");
            assertThat(text).contains("INC-2026-0007-P1-002", "永嘉山洪", "浙C3A017 货车　第 1 趟", "王建国", "13905770001",
                    "永嘉县应急物资储备库", "2026-08-10 09:30", "2026-08-10 17:45", "待装车", "共 2 站，受灾群众 170 人");
            assertThat(text).contains("装车清单", "L-2024-031", "瓶装饮用水", "交接", "仓库发货人");
            assertThat(text).contains("第 1 站", "岩头村", "第 2 站", "枫林村", "计划到达 2026-08-10 11:05",
                    "救助时限 2026-08-10 18:00", "受灾群众 120 人", "已签收：村支书 王某 2026-08-10 11:20", "签收",
                    "接收人（签字）");
            // The first stop's receipt is printed, the second still has the blank to sign.
            assertThat(text.split("接收人（签字）", -1)).as("one blank receipt line").hasSize(2);
            assertThat(text.indexOf("装车清单")).isLessThan(text.indexOf("第 1 站"));
            assertThat(text.indexOf("第 1 站")).isLessThan(text.indexOf("第 2 站"));
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void a_dispatch_order_prints_in_english_too() throws Exception {
        byte[] pdf = renderer.render(ReportTemplate.DISPATCH_ORDER, dispatchParams(), dispatchRows(), Locale.ENGLISH,
                ReportFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Dispatch order", "Loading list", "Stop 1",
                    "Received: 村支书 王某", "planned", "Receipt: receiver (signature)");
        }
    }

    @Test
    void a_long_dispatch_order_runs_over_pages_and_keeps_every_stop_with_its_receipt() throws Exception {
        List<Map<String, ?>> rows = new ArrayList<>(dispatchRows().subList(0, 1));
        for (int stop = 1; stop <= 14; stop++) {
            for (String material : List.of("瓶装饮用水 WATER-550ML-24", "方便面 NOODLES-24", "棉被 QUILT-COTTON")) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("section", "STOP");
                line.put("stop", String.valueOf(stop));
                line.put("stopName", "第" + stop + "村");
                line.put("people", "30");
                line.put("plannedArrival", "2026-08-10 11:05");
                line.put("deadline", "2026-08-10 18:00");
                line.put("stopStatus", "PLANNED");
                line.put("material", material);
                line.put("quantity", "5");
                line.put("unit", "件");
                rows.add(line);
            }
        }
        byte[] pdf = renderer.render(ReportTemplate.DISPATCH_ORDER, dispatchParams(), rows, Locale.SIMPLIFIED_CHINESE,
                ReportFormat.PDF);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "preview"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "preview", "dispatch-order-long.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            assertThat(stripper.getText(doc)).contains("派车单 INC-2026-0007-P1-002 （续）");
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.split("接收人（签字）", -1)).as("a receipt line per stop").hasSize(15);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(page);
                one.setEndPage(page);
                String onPage = one.getText(doc);
                // a stop begun on a page ends on it: as many titles as receipt lines
                assertThat(onPage.split("第 \\d+ 站", -1).length).as("page " + page)
                        .isEqualTo(onPage.split("接收人（签字）", -1).length);
            }
        }
    }

    @Test
    void the_dispatch_orders_of_an_incident_make_one_spreadsheet_row_per_trip_stop_and_material() throws Exception {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String[] r : new String[][] {{"INC-2026-0007-P1-001", "1", "岩头村", "瓶装饮用水 WATER-550ML-24", "DELIVERED"},
                {"INC-2026-0007-P1-001", "1", "岩头村", "棉被 QUILT-COTTON", "DELIVERED"},
                {"INC-2026-0007-P1-002", "1", "枫林村", "方便面 NOODLES-24", "PLANNED"}}) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trip", r[0]);
            row.put("vehicle", "浙C3A017 货车");
            row.put("crew", "王建国 13905770001");
            row.put("base", "永嘉县应急物资储备库");
            row.put("departure", "2026-08-10 09:30");
            row.put("tripStatus", "DEPARTED");
            row.put("stop", r[1]);
            row.put("stopName", r[2]);
            row.put("plannedArrival", "2026-08-10 11:05");
            row.put("deadline", "2026-08-10 18:00");
            row.put("people", "120");
            row.put("stopStatus", r[4]);
            row.put("material", r[3]);
            row.put("unit", "件");
            row.put("planned", "28");
            row.put("received", r[4].equals("DELIVERED") ? "27" : null);
            row.put("damaged", r[4].equals("DELIVERED") ? "1" : null);
            rows.add(row);
        }
        Map<String, Object> params = new java.util.HashMap<>(Map.of("scope", "INC-2026-0007 永嘉山洪", "period", "救助时限 2026-08-10 18:00",
                "generatedAt", "2026-08-10 12:00", "generatedBy", "wenzhou.dispatcher"));
        String sheet = sheets(renderer.render(ReportTemplate.DISPATCH_ORDERS, params, rows, Locale.SIMPLIFIED_CHINESE,
                ReportFormat.XLSX));
        assertThat(sheet).contains("派车单汇总", "派车单号", "INC-2026-0007-P1-001", "INC-2026-0007-P1-002", "岩头村", "棉被",
                "在途", "已签收", "待送达", "共 3 行");
    }

    @Test
    void the_delivery_report_prints_counties_with_their_total_then_trips() throws Exception {
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(deliveryRow("COUNTY", "永嘉县 330324", "3", "200", "150", "50", "170"));
        rows.add(deliveryRow("COUNTY", "鹿城区 330302", "1", "200", "200", "200", "200"));
        rows.add(deliveryRow("COUNTY", null, "4", "400", "350", "250", "370"));
        Map<String, Object> trip = new LinkedHashMap<>();
        trip.put("section", "TRIP");
        trip.put("name", "INC-2026-0007-P1-001");
        trip.put("vehicle", "浙C3A017 货车");
        trip.put("status", "RETURNED");
        trip.put("stops", "2 / 2");
        trip.put("people", "170");
        trip.put("reachedInTime", "120");
        rows.add(trip);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("scope", "INC-2026-0007 永嘉山洪", "period", "救助时限 2026-08-10 18:00",
                "generatedAt", "2026-08-10 20:00", "generatedBy", "wenzhou.dispatcher"));
        byte[] pdf = renderer.render(ReportTemplate.DELIVERY_REPORT, params, rows, Locale.SIMPLIFIED_CHINESE,
                ReportFormat.PDF);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "preview"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "preview", "delivery-report.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("救灾物资送达情况 INC-2026-0007 永嘉山洪", "按县（市、区）", "实际时限内送达（人）",
                    "永嘉县 330324", "合计", "按派车单", "浙C3A017", "已返回", "2 / 2", "同一送达点");
            assertThat(text.indexOf("合计")).isLessThan(text.indexOf("按派车单"));
        }
        assertThat(sheets(renderer.render(ReportTemplate.DELIVERY_REPORT, params, rows, Locale.ENGLISH, ReportFormat.XLSX)))
                .contains("Relief delivery", "Reached in time (people)", "Total", "returned", "INC-2026-0007-P1-001");
    }

    private static Map<String, Object> deliveryRow(String section, String name, String points, String people,
                                                   String planned, String inTime, String reached) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("section", section);
        row.put("name", name);
        row.put("points", points);
        row.put("people", people);
        row.put("plannedInTime", planned);
        row.put("reachedInTime", inTime);
        row.put("reached", reached);
        return row;
    }

    private static String sheets(byte[] xlsx) throws java.io.IOException {
        StringBuilder sheets = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().startsWith("xl/")) {
                    sheets.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sheets.toString();
    }

    private static Map<String, Object> dispatchParams() {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("number", "INC-2026-0007-P1-002");
        p.put("incident", "INC-2026-0007 永嘉山洪");
        p.put("vehicle", "浙C3A017 货车");
        p.put("trip", 1);
        p.put("crew", "王建国 13905770001");
        p.put("base", "永嘉县应急物资储备库");
        p.put("departure", "2026-08-10 09:30");
        p.put("plannedReturn", "2026-08-10 17:45");
        p.put("status", "PLANNED");
        p.put("stops", 2);
        p.put("people", 170L);
        p.put("generatedAt", "2026-08-10 09:00");
        p.put("generatedBy", "wenzhou.dispatcher");
        return p;
    }

    private static List<Map<String, ?>> dispatchRows() {
        List<Map<String, ?>> rows = new ArrayList<>();
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("section", "LOAD");
        load.put("warehouse", "永嘉县应急物资储备库 ZJ-330324");
        load.put("material", "瓶装饮用水 WATER-550ML-24");
        load.put("lot", "L-2024-031");
        load.put("quantity", "40");
        load.put("unit", "箱");
        rows.add(load);
        String[][] stops = {{"1", "岩头村 330324101201", "120", "2026-08-10 11:05", "DELIVERED", "村支书 王某 2026-08-10 11:20"},
                {"2", "枫林村 330324101202", "50", "2026-08-10 12:40", "PLANNED", null}};
        for (String[] s : stops) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("section", "STOP");
            line.put("stop", s[0]);
            line.put("stopName", s[1]);
            line.put("people", s[2]);
            line.put("plannedArrival", s[3]);
            line.put("deadline", "2026-08-10 18:00");
            line.put("stopStatus", s[4]);
            line.put("material", "瓶装饮用水 WATER-550ML-24");
            line.put("quantity", s[0].equals("1") ? "28" : "12");
            line.put("unit", "箱");
            line.put("received", s[5] == null ? null : "28");
            line.put("damaged", s[5] == null ? null : "0");
            line.put("receipt", s[5]);
            rows.add(line);
        }
        return rows;
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
