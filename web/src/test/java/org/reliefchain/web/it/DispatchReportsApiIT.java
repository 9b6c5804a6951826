package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documents of relief dispatch on a real Payara Micro and PostgreSQL: the dispatch order (派车单) of a
 * trip of an approved plan as a Chinese PDF with the CJK font embedded, every dispatch order of the incident
 * as a spreadsheet, and the relief delivery report (救灾物资送达情况) before and after the field reports
 * that the relief was delivered. Whoever sees the incident may print them; anyone else learns nothing (404).
 * The tests share one approved plan (planning takes a while) and run in order: the field reports come third.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchReportsApiIT {

    private static final String YONGJIA = "330324";
    private static final Duration PATIENCE = Duration.ofSeconds(600);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("dispatch_reports");
    }

    @ArquillianResource
    private URL base;

    /** The incident with an approved plan that every test of the class reads. */
    private static long incident;
    private static String incidentNumber;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    @BeforeEach
    void anApprovedPlan() throws InterruptedException {
        if (incident != 0) {
            return;
        }
        Api d = as("wenzhou.dispatcher");
        String started = Instant.now().minus(Duration.ofHours(1)).toString();
        Api.Reply declared = d.post("api/incidents", "{\"kind\":\"FLOOD\",\"name\":\"永嘉山洪派车\",\"responseLevel\":\"IV\","
                + "\"affectedDivisions\":[\"" + YONGJIA + "\"],\"startedAt\":\"" + started + "\"}");
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        long id = declared.json().get("id").asLong();
        String township = d.get("api/divisions?level=TOWNSHIP&parent=" + YONGJIA + "&size=1").json()
                .get("items").get(0).get("code").asText();
        List<String> reports = new ArrayList<>();
        d.get("api/divisions?level=VILLAGE&parent=" + township + "&size=3").json().get("items")
                .forEach(v -> reports.add("{\"division\":\"" + v.get("code").asText() + "\",\"people\":"
                        + (40 + 10 * reports.size()) + ",\"relocated\":" + (5 + reports.size()) + "}"));
        Api.Reply reported = d.post("api/incidents/" + id + "/affected", "[" + String.join(",", reports) + "]");
        assertThat(reported.status()).as(reported.text()).isEqualTo(201);

        Api.Reply planned = d.post("api/incidents/" + id + "/plans", "{\"seconds\":180,\"steps\":300}");
        assertThat(planned.status()).as(planned.text()).isEqualTo(201);
        long plan = planned.json().get("id").asLong();
        long until = System.nanoTime() + PATIENCE.toNanos();
        String status = planned.json().get("status").asText();
        while (List.of("QUEUED", "SOLVING").contains(status) && System.nanoTime() < until) {
            Thread.sleep(500);
            status = d.get("api/plans/" + plan).json().get("status").asText();
        }
        assertThat(status).isEqualTo("DONE");
        Api.Reply approved = d.post("api/plans/" + plan + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        incidentNumber = declared.json().get("number").asText();
        incident = id;
    }

    @Test
    @Order(1)
    void the_dispatch_order_of_a_trip_prints_in_chinese_with_header_loads_stops_and_signature_lines() throws Exception {
        JsonNode trip = as("wenzhou.dispatcher").get("api/trips?incident=" + incident).json().get(0);
        String number = trip.get("number").asText();

        // Whoever sees the incident may print: the county's warehouse manager as well as the dispatcher.
        for (String user : List.of("wenzhou.dispatcher", "yongjia.manager")) {
            Api.Reply pdf = as(user).get("api/reports/dispatch-order.pdf?trip=" + trip.get("id").asLong());
            assertThat(pdf.status()).as(user + ": " + pdf.text()).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains(number);
            keep("dispatch-order-" + user + ".pdf", pdf.body());
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text.strip()).startsWith("派车单");
                assertThat(text).contains(number, incidentNumber, "永嘉山洪派车", trip.get("vehicle").asText(),
                        "第 " + trip.get("trip").asInt() + " 趟",
                        trip.get("base").asText(), "装车清单", "交接", "仓库发货人（签字）", "签收", "接收人（签字）",
                        "打印人 " + user);
                if (!trip.get("crewName").isNull()) {
                    assertThat(text).contains(trip.get("crewName").asText());
                }
                for (JsonNode load : trip.get("loads")) {
                    assertThat(text).contains(load.get("lot").asText(), load.get("warehouseCode").asText());
                }
                JsonNode stops = trip.get("stops");
                for (JsonNode stop : stops) {
                    assertThat(text).contains("第 " + stop.get("seq").asInt() + " 站", stop.get("name").asText(),
                            stop.get("division").asText(), "受灾群众 " + stop.get("people").asLong() + " 人");
                    for (JsonNode line : stop.get("lines")) {
                        assertThat(text).contains(line.get("materialName").asText());
                    }
                }
                assertThat(text.split("接收人（签字）", -1)).as("a receipt line per stop").hasSize(stops.size() + 1);
                assertThat(text.indexOf("装车清单")).isLessThan(text.indexOf("第 1 站"));
                List<PDFont> fonts = new ArrayList<>();
                for (PDPage page : doc.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        fonts.add(page.getResources().getFont(name));
                    }
                }
                assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                    assertThat(f.getName()).contains("NotoSansCJK");
                    assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                });
            }
        }
        Api.Reply english = as("wenzhou.dispatcher").get("api/reports/dispatch-order.pdf?trip=" + trip.get("id").asLong()
                + "&lang=en");
        try (PDDocument doc = Loader.loadPDF(english.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Dispatch order", number, "Loading list",
                    "Receipt: receiver (signature)");
        }
    }

    @Test
    @Order(2)
    void every_dispatch_order_of_the_incident_goes_into_one_spreadsheet() throws Exception {
        JsonNode trips = as("wenzhou.dispatcher").get("api/trips?incident=" + incident).json();
        Api.Reply xlsx = as("wenzhou.dispatcher").get("api/reports/dispatch-orders.xlsx?incident=" + incident);
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        Map<String, String> entries = unzip(xlsx.body());
        assertThat(entries.keySet()).anyMatch(e -> e.startsWith("xl/worksheets/"));
        String sheets = String.join("\n", entries.values());
        assertThat(sheets).contains("派车单汇总", incidentNumber);
        int lines = 0;
        for (JsonNode t : trips) {
            assertThat(sheets).contains(t.get("number").asText(), t.get("vehicle").asText());
            for (JsonNode s : t.get("stops")) {
                lines += s.get("lines").size();
            }
        }
        assertThat(sheets).as("a row per trip, stop and material").contains("共 " + lines + " 行");
    }

    @Test
    @Order(3)
    void the_delivery_report_counts_people_reached_by_the_deadline_once_the_field_reports_delivery() throws Exception {
        Api d = as("wenzhou.dispatcher");
        JsonNode trips = d.get("api/trips?incident=" + incident).json();
        // What the report should say, from the dispatch orders: each point once, planned in time when all its stops are.
        Map<String, Long> people = new HashMap<>();
        Set<String> late = new HashSet<>();
        for (JsonNode t : trips) {
            for (JsonNode s : t.get("stops")) {
                people.put(s.get("division").asText(), s.get("people").asLong());
                if (Instant.parse(s.get("plannedArrival").asText()).isAfter(Instant.parse(s.get("deadline").asText()))) {
                    late.add(s.get("division").asText());
                }
            }
        }
        long all = people.values().stream().mapToLong(Long::longValue).sum();
        long plannedInTime = people.entrySet().stream().filter(e -> !late.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(all).isPositive();

        // [points, people, planned in time, reached in time, reached]
        assertThat(totals(d)).containsExactly((long) people.size(), all, plannedInTime, 0L, 0L);

        // The field reports every stop delivered now, before the deadline (ten hours after the start).
        for (JsonNode t : trips) {
            long id = t.get("id").asLong();
            report(d, id, "{\"key\":\"" + UUID.randomUUID() + "\",\"type\":\"LOADED\"}");
            report(d, id, "{\"key\":\"" + UUID.randomUUID() + "\",\"type\":\"DEPARTED\"}");
            for (JsonNode s : t.get("stops")) {
                report(d, id, "{\"key\":\"" + UUID.randomUUID() + "\",\"type\":\"DELIVERED\",\"stop\":"
                        + s.get("seq").asInt() + ",\"receiver\":\"村支书 李某\"}");
            }
        }
        assertThat(totals(d)).containsExactly((long) people.size(), all, plannedInTime, all, all);

        Api.Reply pdf = d.get("api/reports/incidents/" + incident + "/deliveries.pdf");
        keep("deliveries.pdf", pdf.body());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("救灾物资送达情况", incidentNumber, "永嘉县 330324", "按派车单", "已签收站点");
            for (JsonNode t : trips) {
                assertThat(text).contains(t.get("number").asText(), "在途",
                        t.get("stops").size() + " / " + t.get("stops").size());
            }
        }
        // The dispatch order now carries the receipt instead of the blank receipt line.
        JsonNode trip = trips.get(0);
        try (PDDocument doc = Loader.loadPDF(d.get("api/reports/dispatch-order.pdf?trip=" + trip.get("id").asLong()).body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("已签收：村支书 李某", "在途").doesNotContain("接收人（签字）");
        }
        Api.Reply xlsx = d.get("api/reports/incidents/" + incident + "/deliveries.xlsx?lang=en");
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        assertThat(String.join("\n", unzip(xlsx.body()).values())).contains("Relief delivery", "Yongjia", "Total");

        // A reader below the county counts only the points inside their own township, with the same figures
        // for them as the dispatcher's: the served township's auditor sees them all, another township's none.
        String served = people.keySet().iterator().next().substring(0, 9);
        String other = d.get("api/divisions?level=TOWNSHIP&parent=" + YONGJIA + "&size=5").json().get("items")
                .findValuesAsText("code").stream().filter(c -> !c.equals(served)).findFirst().orElseThrow();
        assertThat(totals(township(served))).containsExactly((long) people.size(), all, plannedInTime, all, all);
        assertThat(totals(township(other))).containsExactly(0L, 0L, 0L, 0L, 0L);
    }

    /** A new auditor whose jurisdiction is one township. */
    private Api township(String code) {
        String name = "it." + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"乡镇审计\","
                + "\"role\":\"AUDITOR\",\"jurisdiction\":\"" + code + "\",\"password\":\"secret-123\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Api.as(base, name, "secret-123");
    }

    @Test
    @Order(4)
    void nobody_else_learns_of_the_documents_and_bad_requests_are_problems() {
        long trip = as("wenzhou.dispatcher").get("api/trips?incident=" + incident).json().get(0).get("id").asLong();
        // A dispatcher of a county the incident does not touch does not see it.
        String name = "it." + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"鹿城调度\","
                + "\"role\":\"DISPATCHER\",\"jurisdiction\":\"330302\",\"password\":\"secret-123\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Api lucheng = Api.as(base, name, "secret-123");
        assertProblem(lucheng.get("api/reports/dispatch-order.pdf?trip=" + trip), 404, "/not-found");
        assertProblem(lucheng.get("api/reports/dispatch-orders.xlsx?incident=" + incident), 404, "/not-found");
        assertProblem(lucheng.get("api/reports/incidents/" + incident + "/deliveries.pdf"), 404, "/not-found");
        assertProblem(lucheng.get("api/reports/incidents/" + incident + "/deliveries.xlsx"), 404, "/not-found");

        Api d = as("wenzhou.dispatcher");
        assertProblem(d.get("api/reports/dispatch-order.pdf?trip=987654321"), 404, "/not-found");
        assertProblem(d.get("api/reports/incidents/987654321/deliveries.pdf"), 404, "/not-found");
        assertProblem(d.get("api/reports/dispatch-order.pdf"), 400, "/validation");
        assertProblem(d.get("api/reports/dispatch-orders.xlsx"), 400, "/validation");
        assertThat(Api.anonymous(base).get("api/reports/dispatch-order.pdf?trip=" + trip).status()).isEqualTo(401);
    }

    /** The total row of the delivery report's PDF: points, people, planned in time, reached in time, reached. */
    private List<Long> totals(Api who) throws Exception {
        Api.Reply pdf = who.get("api/reports/incidents/" + incident + "/deliveries.pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String total = Arrays.stream(new PDFTextStripper().getText(doc).split("\\R"))
                    .filter(l -> l.startsWith("合计")).findFirst().orElseThrow();
            return Arrays.stream(total.substring("合计".length()).trim().split("\\s+")).map(Long::valueOf).toList();
        }
    }

    /** Kept for a person to look at, as the renderer test keeps its previews. */
    private static void keep(String name, byte[] document) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "preview");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), document);
    }

    private static JsonNode report(Api d, long trip, String body) {
        Api.Reply r = d.post("api/trips/" + trip + "/events", body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, String> unzip(byte[] body) throws Exception {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith(type);
        assertThat(reply.text()).doesNotContain("Exception", "\tat ");
    }
}
