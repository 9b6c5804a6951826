package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dispatcher's ground truth through the API on a real Payara Micro and PostgreSQL: declaring and
 * running incidents inside the jurisdiction, seeing a neighbour's incident read-only, the lifecycle and
 * its history, hazards with bad geometry refused, and demand checked by hand on three villages.
 */
@ExtendWith(ArquillianExtension.class)
class IncidentApiIT {

    private static final String YONGJIA = "330324";
    private static final String WENLING = "331081";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("incident");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    private Api asNew(String role, String jurisdiction) {
        String name = "it." + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"测试\","
                + "\"role\":\"" + role + "\",\"jurisdiction\":\"" + jurisdiction + "\",\"password\":\"secret-123\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Api.as(base, name, "secret-123");
    }

    private static String incident(String name, String... affected) {
        return "{\"kind\":\"TYPHOON\",\"name\":\"" + name + "\",\"responseLevel\":\"IV\",\"affectedDivisions\":[\""
                + String.join("\",\"", affected) + "\"],\"startedAt\":\"2026-08-10T01:45:00Z\"}";
    }

    private JsonNode declare(Api who, String body) {
        Api.Reply r = who.post("api/incidents", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    @Test
    void a_city_dispatcher_declares_an_incident_in_a_county_it_belongs_to_the_county_and_the_deadline_is_ten_hours() {
        JsonNode i = declare(as("wenzhou.dispatcher"), incident("永嘉山洪", YONGJIA));
        assertThat(i.get("ownerDivision").asText()).isEqualTo(YONGJIA);
        assertThat(i.get("status").asText()).isEqualTo("DECLARED");
        assertThat(i.get("number").asText()).startsWith("INC-");
        assertThat(i.get("deadline").asText()).isEqualTo("2026-08-10T11:45:00Z");
        assertThat(i.get("runnable").asBoolean()).isTrue();
        assertThat(i.get("nextStatuses").toString()).contains("RESPONDING", "CLOSED").doesNotContain("RECOVERY");

        // Two counties of two cities: the incident belongs to the province.
        JsonNode wide = declare(as("dispatcher"), incident("利奇马", YONGJIA, WENLING));
        assertThat(wide.get("ownerDivision").asText()).isEqualTo("33");
    }

    @Test
    void only_dispatchers_whose_jurisdiction_contains_the_owner_run_it() {
        assertProblem(as("yongjia.manager").post("api/incidents", incident("x", YONGJIA)), 403);
        assertProblem(as("wenzhou.dispatcher").post("api/incidents", incident("台州的", WENLING)), 403);

        JsonNode wide = declare(as("dispatcher"), incident("利奇马", YONGJIA, WENLING));
        long id = wide.get("id").asLong();
        // A dispatcher of an affected county sees it, read-only.
        Api yongjia = asNew("DISPATCHER", YONGJIA);
        JsonNode seen = yongjia.get("api/incidents/" + id).json();
        assertThat(seen.get("runnable").asBoolean()).isFalse();
        assertThat(seen.get("nextStatuses")).isEmpty();
        assertThat(yongjia.get("api/incidents?size=500").json().get("items").findValuesAsText("number"))
                .contains(wide.get("number").asText());
        assertProblem(yongjia.post("api/incidents/" + id + "/status", "{\"status\":\"RESPONDING\",\"reason\":\"x\"}"), 403);
        // The city of one affected county does not run a province incident either.
        assertProblem(as("wenzhou.dispatcher").post("api/incidents/" + id + "/status",
                "{\"status\":\"RESPONDING\",\"reason\":\"x\"}"), 403);
        // A dispatcher of an unaffected county does not even learn that it exists.
        Api lucheng = asNew("DISPATCHER", "330302");
        assertProblem(lucheng.get("api/incidents/" + id), 404);
        assertProblem(lucheng.post("api/incidents/" + id + "/status", "{\"status\":\"RESPONDING\",\"reason\":\"x\"}"), 404);
        assertThat(lucheng.get("api/incidents?size=500").json().get("items").findValuesAsText("number"))
                .doesNotContain(wide.get("number").asText());
        // A read-only viewer sees the affected people of their own county only.
        as("dispatcher").post("api/incidents/" + id + "/affected", "[{\"division\":\"" + YONGJIA + "\",\"people\":10},"
                + "{\"division\":\"" + WENLING + "\",\"people\":20}]");
        assertThat(yongjia.get("api/incidents/" + id + "/affected").json().findValuesAsText("division"))
                .containsExactly(YONGJIA);
        assertThat(as("dispatcher").get("api/incidents/" + id + "/affected").json().findValuesAsText("division"))
                .containsExactly(YONGJIA, WENLING);
        // ... and of the history, the incident-wide lines and those about their county, not Wenling's.
        as("dispatcher").post("api/incidents/" + id + "/affected", "[{\"division\":\"" + YONGJIA + "\",\"people\":11}]");
        as("dispatcher").post("api/incidents/" + id + "/affected", "[{\"division\":\"" + WENLING + "\",\"people\":21}]");
        assertThat(as("dispatcher").get("api/incidents/" + id + "/history").json().findValuesAsText("action"))
                .containsExactly("DECLARED", "AFFECTED", "AFFECTED", "AFFECTED");
        assertThat(yongjia.get("api/incidents/" + id + "/history").json().findValuesAsText("action"))
                .as("declared (whole incident) and Yongjia's own report; the two-county batch and Wenling's are not"
                        + " Yongjia's to read").containsExactly("DECLARED", "AFFECTED");
        // Taking Wenling out of the incident takes its people out of the figures and the demand; the history stays.
        long version = as("dispatcher").get("api/incidents/" + id).json().get("version").asLong();
        Api.Reply shrunk = as("dispatcher").patch("api/incidents/" + id, "{\"affectedDivisions\":[\"" + YONGJIA
                + "\"],\"reason\":\"温岭解除\",\"version\":" + version + "}");
        assertThat(shrunk.status()).as(shrunk.text()).isEqualTo(200);
        assertThat(as("dispatcher").get("api/incidents/" + id + "/affected").json().findValuesAsText("division"))
                .containsExactly(YONGJIA);
        assertThat(as("dispatcher").get("api/incidents/" + id + "/demand?size=500").json().get("items")
                .findValuesAsText("division")).isNotEmpty().allSatisfy(dv -> assertThat(dv).startsWith(YONGJIA));
        assertThat(as("dispatcher").get("api/incidents/" + id + "/history").json().findValuesAsText("action"))
                .containsExactly("DECLARED", "AFFECTED", "AFFECTED", "AFFECTED", "CHANGED");
    }

    @Test
    void the_lifecycle_goes_one_step_at_a_time_and_every_change_is_in_the_history_with_its_reason() {
        Api d = as("wenzhou.dispatcher");
        long id = declare(d, incident("永嘉内涝", YONGJIA)).get("id").asLong();
        assertProblem(d.post("api/incidents/" + id + "/status", "{\"status\":\"RECOVERY\",\"reason\":\"跳过\"}"), 409);
        assertProblem(d.post("api/incidents/" + id + "/status", "{\"status\":\"RESPONDING\"}"), 400);
        assertThat(d.post("api/incidents/" + id + "/status", "{\"status\":\"RESPONDING\",\"reason\":\"启动Ⅳ级响应\"}")
                .json().get("status").asText()).isEqualTo("RESPONDING");

        JsonNode now = d.get("api/incidents/" + id).json();
        Api.Reply raised = d.patch("api/incidents/" + id, "{\"responseLevel\":\"II\",\"deadline\":\"2026-08-10T13:45:00Z\","
                + "\"reason\":\"灾情扩大\",\"version\":" + now.get("version").asLong() + "}");
        assertThat(raised.status()).as(raised.text()).isEqualTo(200);
        assertThat(raised.json().get("responseLevel").asText()).isEqualTo("II");
        assertProblem(d.patch("api/incidents/" + id, "{\"responseLevel\":\"I\",\"reason\":\"x\",\"version\":"
                + now.get("version").asLong() + "}"), 409);
        assertProblem(d.patch("api/incidents/" + id, "{\"deadline\":\"2026-08-09T00:00:00Z\",\"reason\":\"x\",\"version\":"
                + raised.json().get("version").asLong() + "}"), 400);

        d.post("api/incidents/" + id + "/status", "{\"status\":\"RECOVERY\",\"reason\":\"转入恢复重建\"}");
        JsonNode closed = d.post("api/incidents/" + id + "/status", "{\"status\":\"CLOSED\",\"reason\":\"结束\"}").json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertProblem(d.patch("api/incidents/" + id, "{\"name\":\"改名\",\"reason\":\"x\",\"version\":"
                + closed.get("version").asLong() + "}"), 409);

        JsonNode history = d.get("api/incidents/" + id + "/history").json();
        assertThat(history.findValuesAsText("action")).containsExactly("DECLARED", "STATUS", "CHANGED", "STATUS", "STATUS");
        assertThat(history.findValuesAsText("reason")).contains("启动Ⅳ级响应", "灾情扩大", "转入恢复重建", "结束");
        assertThat(history.findValuesAsText("actor")).containsOnly("wenzhou.dispatcher");
        assertThat(history.get(2).get("detail").asText()).contains("level IV -> II");
    }

    @Test
    void hazards_are_geojson_and_bad_geometry_is_refused_naming_the_feature() {
        Api d = as("wenzhou.dispatcher");
        long id = declare(d, incident("永嘉塌方", YONGJIA)).get("id").asLong();
        String flooded = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.1],"
                + "[120.7,28.1],[120.7,28.2],[120.6,28.2],[120.6,28.1]]]},\"properties\":{\"hazard\":\"BLOCKED_AREA\","
                + "\"cause\":\"FLOODED\",\"name\":\"瓯江沿岸受淹\",\"validFrom\":\"2026-08-10T02:00:00Z\","
                + "\"validUntil\":\"2026-08-11T02:00:00Z\"}}";
        String circle = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.65,28.3]},"
                + "\"properties\":{\"hazard\":\"NO_FLY\",\"cause\":\"WIND\",\"name\":\"台风核心区\",\"radius\":30000}}";
        Api.Reply saved = d.put("api/incidents/" + id + "/hazards",
                "{\"type\":\"FeatureCollection\",\"revision\":0,\"features\":[" + flooded + "," + circle + "]}");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        JsonNode back = d.get("api/incidents/" + id + "/hazards").json();
        assertThat(back.get("features")).hasSize(2);
        assertThat(back.get("features").get(1).get("properties").get("radius").asDouble()).isEqualTo(30000);

        String bowTie = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.1],"
                + "[120.7,28.2],[120.7,28.1],[120.6,28.2],[120.6,28.1]]]},\"properties\":{\"hazard\":\"BLOCKED_AREA\","
                + "\"name\":\"8字形\"}}";
        String abroad = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[116.4,39.9],"
                + "[116.5,39.9]]},\"properties\":{\"hazard\":\"CLOSED_ROAD\",\"name\":\"北京\"}}";
        Api.Reply refused = d.put("api/incidents/" + id + "/hazards",
                "{\"type\":\"FeatureCollection\",\"features\":[" + flooded + "," + bowTie + "," + abroad + "]}");
        assertProblem(refused, 400);
        Map<String, String> errors = new HashMap<>();
        refused.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("reason").asText()));
        assertThat(errors).containsOnlyKeys("features[1].geometry", "features[2].geometry");
        assertThat(errors.get("features[1].geometry")).contains("crosses itself");
        assertThat(errors.get("features[2].geometry")).contains("outside the province");
        assertProblem(d.put("api/incidents/" + id + "/hazards", "{\"type\":\"Feature\"}"), 400);
        assertProblem(d.put("api/incidents/" + id + "/hazards", "not json"), 400);
        assertThat(d.get("api/incidents/" + id + "/hazards").json().get("features")).as("nothing half-applied").hasSize(2);
    }

    @Test
    void two_dispatchers_saving_hazards_at_once_never_overwrite_each_other_unseen_and_every_save_is_kept() {
        Api county = as("wenzhou.dispatcher");
        Api province = as("dispatcher");
        long id = declare(county, incident("永嘉两人同改", YONGJIA)).get("id").asLong();
        String road = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[120.60,28.15],"
                + "[120.66,28.16]]},\"properties\":{\"hazard\":\"CLOSED_ROAD\",\"cause\":\"LANDSLIDE\",\"name\":\"%s\"}}";
        String empty = "api/incidents/" + id + "/hazards";
        assertThat(county.get(empty).json().get("revision").asInt()).isZero();
        assertProblem(county.put(empty, "{\"type\":\"FeatureCollection\",\"features\":[" + road.formatted("无版本")
                + "]}"), 400);

        // both read revision 0; the county saves first, the province's save of what it read is refused
        Api.Reply first = county.put(empty, "{\"type\":\"FeatureCollection\",\"revision\":0,\"features\":["
                + road.formatted("县道塌方") + "]}");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().get("revision").asInt()).isEqualTo(1);
        Api.Reply late = province.put(empty, "{\"type\":\"FeatureCollection\",\"revision\":0,\"features\":["
                + road.formatted("省道塌方") + "]}");
        assertProblem(late, 409);
        assertThat(late.json().get("type").asText()).endsWith("/stale-version");
        assertThat(late.json().get("detail").asText()).contains("wenzhou.dispatcher", "revision 1");
        JsonNode now = county.get(empty).json();
        assertThat(now.get("features").findValuesAsText("name")).as("nothing overwritten").containsExactly("县道塌方");

        // reloaded, the province adds its road to the county's and both are there
        Api.Reply merged = province.put(empty, "{\"type\":\"FeatureCollection\",\"revision\":1,\"features\":["
                + road.formatted("县道塌方") + "," + road.formatted("省道塌方") + "]}");
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        JsonNode revisions = county.get(empty + "/revisions").json();
        assertThat(revisions.findValuesAsText("revision")).containsExactly("2", "1");
        assertThat(revisions.findValuesAsText("savedBy")).containsExactly("dispatcher", "wenzhou.dispatcher");
        assertThat(county.get(empty + "/revisions/1").json().get("features").findValuesAsText("name"))
                .as("each saved collection is kept as it was").containsExactly("县道塌方");
        assertThat(county.get(empty + "/revisions/9").status()).isEqualTo(404);
    }

    @Test
    void demand_is_people_times_standard_times_days_rounded_up_checked_by_hand_on_three_villages() throws Exception {
        Api d = as("wenzhou.dispatcher");
        long id = declare(d, incident("永嘉三村", YONGJIA)).get("id").asLong();
        List<String> villages = new ArrayList<>();
        d.get("api/divisions?level=VILLAGE&parent=" + firstTownship() + "&size=3").json().get("items")
                .forEach(v -> villages.add(v.get("code").asText()));
        String a = villages.get(0);
        String b = villages.get(1);
        String c = villages.get(2);
        Api.Reply reported = d.post("api/incidents/" + id + "/affected", "[{\"division\":\"" + a
                + "\",\"people\":100,\"relocated\":30},{\"division\":\"" + b + "\",\"people\":50,\"over65\":5},"
                + "{\"division\":\"" + c + "\",\"people\":10,\"relocated\":10,\"cutOff\":true}]");
        assertThat(reported.status()).as(reported.text()).isEqualTo(201);

        // Standards v1: water 0.2273 case and biscuits 0.0467 case per person per day; a quilt and a hygiene kit
        // per relocated person; a tent and a family kit per household of three relocated people.
        Map<String, String> demand = demand(d, id);
        assertThat(demand).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(a + "/WATER-550ML-24", "23/3"),   // 100 x 0.2273 = 22.73 -> 23
                Map.entry(a + "/FOOD-BISCUIT", "5/3"),      // 100 x 0.0467 = 4.67 -> 5
                Map.entry(a + "/QUILT-COTTON", "30/3"),
                Map.entry(a + "/KIT-HYGIENE", "30/3"),
                Map.entry(a + "/TENT-COTTON-12", "10/3"),   // 30 relocated / 3
                Map.entry(a + "/KIT-FAMILY", "10/3"),
                Map.entry(b + "/WATER-550ML-24", "12/2"),   // 11.365 -> 12; vulnerable people: priority 2
                Map.entry(b + "/FOOD-BISCUIT", "3/2"),      // 2.335 -> 3; nobody relocated: no quilts, no tents
                Map.entry(c + "/WATER-550ML-24", "3/1"),    // 2.273 -> 3; cut off: priority 1
                Map.entry(c + "/FOOD-BISCUIT", "1/1"),
                Map.entry(c + "/QUILT-COTTON", "10/1"),
                Map.entry(c + "/KIT-HYGIENE", "10/1"),
                Map.entry(c + "/TENT-COTTON-12", "4/1"),    // 10 / 3 = 3.33 -> 4 households
                Map.entry(c + "/KIT-FAMILY", "4/1")));
        JsonNode first = d.get("api/incidents/" + id + "/demand?size=1").json().get("items").get(0);
        assertThat(first.get("division").asText()).as("cut-off points first").isEqualTo(c);
        assertThat(first.get("standardVersion").asInt()).isEqualTo(1);

        // A newer report replaces the figure; the history keeps both.
        d.post("api/incidents/" + id + "/affected", "{\"division\":\"" + a + "\",\"people\":200,\"relocated\":30}");
        assertThat(demand(d, id).get(a + "/WATER-550ML-24")).isEqualTo("46/3"); // 45.46
        assertThat(d.get("api/incidents/" + id + "/affected/" + a).json().findValuesAsText("people"))
                .containsExactly("200", "100");

        // Two days of relief: per-day lines double, one-off lines stay.
        long version = d.get("api/incidents/" + id).json().get("version").asLong();
        d.patch("api/incidents/" + id, "{\"demandDays\":2,\"reason\":\"道路抢通需两天\",\"version\":" + version + "}");
        Map<String, String> twoDays = demand(d, id);
        assertThat(twoDays.get(a + "/WATER-550ML-24")).isEqualTo("91/3");    // 200 x 0.2273 x 2 = 90.92
        assertThat(twoDays.get(a + "/QUILT-COTTON")).isEqualTo("30/3");

        // An override counts; the computed figure stays visible.
        JsonNode o = d.post("api/incidents/" + id + "/demand/override", "{\"division\":\"" + b
                + "\",\"material\":\"WATER-550ML-24\",\"quantity\":40,\"reason\":\"养老院集中安置\"}").json();
        assertThat(o.get("computed").asInt()).isEqualTo(23); // 50 x 0.2273 x 2 = 22.73 -> 23
        assertThat(o.get("quantity").asInt()).isEqualTo(40);
        assertThat(o.get("overrideReason").asText()).isEqualTo("养老院集中安置");
        assertProblem(d.post("api/incidents/" + id + "/demand/override", "{\"division\":\"" + b
                + "\",\"material\":\"WATER-550ML-24\",\"quantity\":40}"), 400);
        // A place nobody reported for has no demand line to change: refused before anything is written.
        int historyBefore = d.get("api/incidents/" + id + "/history").json().size();
        Api.Reply nobody = d.post("api/incidents/" + id + "/demand/override", "{\"division\":\"" + firstTownship()
                + "\",\"material\":\"WATER-550ML-24\",\"quantity\":40,\"reason\":\"乡镇整体估算\"}");
        assertProblem(nobody, 400);
        assertThat(nobody.json().get("errors").get(0).get("code").asText()).isEqualTo("no-demand-point");
        // ... and so has a material the standard gives a place none of (b: nobody relocated, so no quilts)
        Api.Reply none = d.post("api/incidents/" + id + "/demand/override", "{\"division\":\"" + b
                + "\",\"material\":\"QUILT-COTTON\",\"quantity\":5,\"reason\":\"老人需要棉被\"}");
        assertProblem(none, 400);
        assertThat(none.json().get("errors").get(0).get("code").asText()).isEqualTo("no-demand-line");
        assertThat(d.get("api/incidents/" + id + "/history").json().size()).isEqualTo(historyBefore);

        // Demand against usable stock: what is needed, what lies in the city's warehouses, the shortfall.
        JsonNode supply = d.get("api/incidents/" + id + "/supply").json();
        JsonNode water = null;
        for (JsonNode m : supply.get("materials")) {
            if (m.get("material").asText().equals("WATER-550ML-24")) {
                water = m;
            }
        }
        assertThat(water).isNotNull();
        assertThat(water.get("needed").asInt()).isEqualTo(91 + 40 + 5); // c: 10 x 0.2273 x 2 = 4.546 -> 5
        assertThat(water.get("available").decimalValue()).isPositive();
        assertThat(water.get("shortfall").decimalValue()).isEqualByComparingTo(
                water.get("needed").decimalValue().subtract(water.get("available").decimalValue()).max(java.math.BigDecimal.ZERO));
        assertThat(supply.get("counties").findValuesAsText("county")).containsOnly(YONGJIA);

        // The situation and demand report prints the same figures, with its Chinese font embedded.
        Api.Reply pdf = d.get("api/reports/incidents/" + id + ".pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("灾情与需求报告", "永嘉三村",
                    "永嘉县", "受灾情况", "瓶装饮用水", "136", "缺口");
        }
        Api.Reply xlsx = d.get("api/reports/incidents/" + id + ".xlsx?lang=en");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertProblem(asNew("DISPATCHER", "330302").get("api/reports/incidents/" + id + ".pdf"), 404);
    }

    @Test
    void affected_people_import_from_a_file_with_chinese_headers_checks_every_row_and_writes_all_or_nothing() {
        Api d = as("wenzhou.dispatcher");
        long id = declare(d, incident("永嘉导入", YONGJIA)).get("id").asLong();
        List<String> villages = new ArrayList<>();
        d.get("api/divisions?level=VILLAGE&parent=" + firstTownship() + "&size=2").json().get("items")
                .forEach(v -> villages.add(v.get("code").asText()));
        String bad = "区划代码,受灾人数,转移人数,65岁以上,交通中断\n" + villages.get(0) + ",120,40,10,是\n"
                + "331081101201,50,0,0,否\n" + villages.get(1) + ",abc,0,0,否\n" + villages.get(1) + ",30,50,0,否\n";
        Api.Reply dry = d.post("api/incidents/" + id + "/affected/import?dryRun=true",
                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        JsonNode errors = dry.json().get("errors");
        assertThat(errors.findValuesAsText("line")).containsExactly("3", "4", "5");
        assertThat(errors.findValuesAsText("field")).containsExactly("division", "people", "relocated");
        Api.Reply real = d.post("api/incidents/" + id + "/affected/import",
                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertProblem(real, 400);
        assertThat(d.get("api/incidents/" + id + "/affected").json()).as("nothing written").isEmpty();

        String good = "区划代码,受灾人数,转移人数,65岁以上,交通中断\n" + villages.get(0) + ",120,40,10,是\n"
                + villages.get(1) + ",30,0,0,否\n";
        Api.Reply done = d.post("api/incidents/" + id + "/affected/import",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().get("written").asBoolean()).isTrue();
        JsonNode points = d.get("api/incidents/" + id + "/affected").json();
        assertThat(points.findValuesAsText("source")).containsOnly("IMPORTED");
        assertThat(points.findValuesAsText("cutOff")).containsExactly("true", "false");

        Api.Reply template = d.get("api/incidents/" + id + "/affected/import/template?format=csv");
        assertThat(template.status()).as(template.text()).isEqualTo(200);
        assertThat(template.text()).startsWith("\uFEFF区划代码,受灾人数,转移人数,3岁以下,65岁以上,孕妇,交通中断,报告时间,备注");
        assertProblem(d.get("api/incidents/999999999/affected/import/template"), 404);
    }

    private Map<String, String> demand(Api d, long id) {
        Map<String, String> out = new HashMap<>();
        d.get("api/incidents/" + id + "/demand?size=500").json().get("items").forEach(l -> out.put(
                l.get("division").asText() + "/" + l.get("material").asText(),
                l.get("quantity").asText() + "/" + l.get("priority").asText()));
        return out;
    }

    private String firstTownship() {
        return as("dispatcher").get("api/divisions?level=TOWNSHIP&parent=" + YONGJIA + "&size=1").json()
                .get("items").get(0).get("code").asText();
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text()).doesNotContain("Exception", "\tat ");
    }
}
