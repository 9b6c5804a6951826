package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Allocation orders (调拨单) through the API on a real Payara Micro and PostgreSQL with the demo network:
 * the whole way from request to receipt, emergency orders, who may do what, and the order as managers work
 * it: numbers given on submission without gaps, drafts deleted, orders cancelled with a reason, partial
 * shipments that close the rest short, and an inbox that holds only what waits for the reader.
 */
@ExtendWith(ArquillianExtension.class)
class AllocationApiIT {

    private static final String YONGJIA = "ZJ-330324";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("allocation");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    // ---- request to receipt ---------------------------------------------------------------------------

    @Test
    void a_county_asks_its_city_for_quilts_the_province_approves_the_city_ships_and_the_county_receives()
            throws Exception {
        Api county = as("yongjia.manager");
        Api province = as("province.manager");
        String cityBefore = onHand("province.manager", "ZJ-3303", "QUILT-COTTON");
        String countyBefore = onHand("yongjia.manager", YONGJIA, "QUILT-COTTON");
        JsonNode order = county.post("api/allocations", allocation("ZJ-3303", YONGJIA, null, "QUILT-COTTON", "30"))
                .json();
        long id = order.get("id").asLong();
        assertThat(order.get("status").asText()).isEqualTo("DRAFT");
        assertThat(order.get("approverDivision").asText()).as("two ends inside 温州市").isEqualTo("3303");
        assertThat(order.hasNonNull("number")).as("a draft has no number yet").isFalse();

        JsonNode submitted = county.post("api/allocations/" + id + "/submit", "").json();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("number").asText()).matches("DB\\d{4}-\\d{6}");
        order = submitted;
        assertProblem(county.post("api/allocations/" + id + "/approve", ""), 403, "outside-jurisdiction");
        assertProblem(county.post("api/allocations/" + id + "/ship", ""), 403, "outside-jurisdiction");
        assertProblem(province.post("api/allocations/" + id + "/ship", ""), 409, "wrong-status");
        assertThat(province.get("api/allocations?role=inbox&status=SUBMITTED&size=500").json().get("items")
                .findValuesAsText("number")).contains(order.get("number").asText());

        assertThat(province.post("api/allocations/" + id + "/approve", "").json().get("status").asText())
                .isEqualTo("APPROVED");
        JsonNode shipped = province.post("api/allocations/" + id + "/ship", "").json();
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.get("inTransit").findValuesAsText("quantity").stream().map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("30");
        assertThat(new BigDecimal(onHand("province.manager", "ZJ-3303", "QUILT-COTTON")))
                .isEqualByComparingTo(new BigDecimal(cityBefore).subtract(new BigDecimal("30")));

        JsonNode received = county.post("api/allocations/" + id + "/receive",
                "{\"lines\":[{\"material\":\"QUILT-COTTON\",\"received\":\"27\",\"damaged\":\"2\","
                        + "\"note\":\"一件途中遗失，两件受潮\"}]}").json();
        assertThat(received.get("status").asText()).isEqualTo("CLOSED");
        JsonNode line = received.get("lines").get(0);
        assertThat(line.get("received").asText()).isEqualTo("27");
        assertThat(line.get("damaged").asText()).isEqualTo("2");
        assertThat(line.get("shortage").asText()).isEqualTo("1");
        assertThat(new BigDecimal(onHand("yongjia.manager", YONGJIA, "QUILT-COTTON")))
                .isEqualByComparingTo(new BigDecimal(countyBefore).add(new BigDecimal("27")));
        assertThat(county.get("api/allocations?role=outbox&size=500").json().get("items").findValuesAsText("number"))
                .contains(order.get("number").asText());

        Api.Reply printed = county.get("api/reports/allocation-order.pdf?id=" + id);
        assertThat(printed.status()).as(printed.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(printed.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("调拨单",
                    order.get("number").asText(), "棉被", "ZJ-3303", "审批人 province.manager", "收货人 yongjia.manager");
        }
        Api.Reply sheet = county.get("api/reports/allocation-order.xlsx?id=" + id);
        assertThat(sheet.status()).as(sheet.text()).isEqualTo(200);
        StringBuilder xml = new StringBuilder();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(sheet.body()))) {
            while (zip.getNextEntry() != null) {
                xml.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(xml.toString()).contains(order.get("number").asText(), "棉被", "province.manager");
    }

    @Test
    void an_emergency_order_ships_before_approval_and_closes_when_approved_later() {
        Api county = as("yongjia.manager");
        Api province = as("province.manager");
        // Free text is no longer an emergency: the order names a declared incident (the demo typhoon here).
        assertProblem(county.post("api/allocations", allocation("ZJ-3303", YONGJIA, "LEKIMA-2019-I", "WATER-550ML-24",
                "10")), 400, "validation");
        JsonNode created = county.post("api/allocations", allocation("ZJ-3303", YONGJIA, "INC-DEMO-0001",
                "WATER-550ML-24", "10")).json();
        assertThat(created.get("emergencyReference").asText()).isEqualTo("INC-DEMO-0001");
        long id = created.get("id").asLong();
        county.post("api/allocations/" + id + "/submit", "");
        JsonNode shipped = province.post("api/allocations/" + id + "/ship", "").json();
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.hasNonNull("approvedAt")).isFalse();
        assertThat(shipped.get("approvalDueAt").asText()).isNotBlank();
        assertThat(shipped.get("approvalOverdue").asBoolean()).isFalse();
        assertThat(county.post("api/allocations/" + id + "/receive", "{}").json().get("status").asText())
                .isEqualTo("RECEIVED");
        JsonNode approved = province.post("api/allocations/" + id + "/approve", "").json();
        assertThat(approved.get("status").asText()).isEqualTo("CLOSED");
        assertThat(approved.get("approvedBy").asText()).isEqualTo("province.manager");
    }

    @Test
    void the_requester_cannot_approve_their_own_order_and_a_rejection_needs_a_reason() {
        long id = as("province.manager").post("api/allocations", allocation("ZJ-3303", "ZJ-3301", null, "BLANKET", "5"))
                .json().get("id").asLong();
        as("province.manager").post("api/allocations/" + id + "/submit", "");
        assertThat(as("province.manager").get("api/allocations/" + id).json().get("approverDivision").asText())
                .as("across cities: the province").isEqualTo("33");
        assertProblem(as("province.manager").post("api/allocations/" + id + "/approve", ""), 409, "self-approval");
        assertProblem(as("hangzhou.manager").post("api/allocations/" + id + "/approve", ""), 403, "outside-jurisdiction");
        assertProblem(as("yongjia.manager").get("api/allocations/" + id), 403, "outside-jurisdiction");
    }

    // ---- the order as managers work it ------------------------------------------------------------------

    @Test
    void numbers_are_given_on_submission_without_gaps_and_a_draft_can_be_deleted() {
        Api county = as("yongjia.manager");
        long first = draft(county, "ZJ-3303", "BLANKET", "2");
        long second = draft(county, "ZJ-3303", "BLANKET", "3");
        assertThat(texts(county.get("api/allocations/" + first).json().get("actions")))
                .containsExactlyInAnyOrder("SUBMIT", "DELETE");
        assertProblem(county.post("api/allocations/" + first + "/cancel", "{\"reason\":\"不要了\"}"), 409, "wrong-status");
        // Refused attempts draw no number: a bad material, and a submission by someone outside the destination.
        assertProblem(county.post("api/allocations", allocation("ZJ-3303", YONGJIA, null, "NO-SUCH-THING", "1")), 404,
                "not-found");
        assertProblem(as("hangzhou.manager").post("api/allocations/" + second + "/submit", ""), 403,
                "outside-jurisdiction");
        assertProblem(as("hangzhou.manager").delete("api/allocations/" + first), 403, "outside-jurisdiction");

        Api.Reply deleted = county.delete("api/allocations/" + first);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
        assertProblem(county.get("api/allocations/" + first), 404, "not-found");

        String a = county.post("api/allocations/" + second + "/submit", "").json().get("number").asText();
        long thirdId = draft(county, "ZJ-3303", "BLANKET", "4");
        String b = county.post("api/allocations/" + thirdId + "/submit", "").json().get("number").asText();
        assertThat(sequence(b)).as(a + " then " + b).isEqualTo(sequence(a) + 1);
        assertThat(b.substring(0, 7)).isEqualTo(a.substring(0, 7));
        assertProblem(county.delete("api/allocations/" + thirdId), 409, "wrong-status");
    }

    @Test
    void an_order_is_cancelled_with_a_reason_by_either_end_until_it_ships() {
        Api county = as("yongjia.manager");
        Api province = as("province.manager");
        Api city = as("hangzhou.manager");
        long submitted = draft(county, "ZJ-3301", "BLANKET", "2");
        county.post("api/allocations/" + submitted + "/submit", "");
        assertProblem(county.post("api/allocations/" + submitted + "/cancel", "{}"), 400, "validation");
        assertProblem(county.post("api/allocations/" + submitted + "/cancel", "{\"reason\":\"  \"}"), 400,
                "validation");
        JsonNode cancelled = county.post("api/allocations/" + submitted + "/cancel",
                "{\"reason\":\"灾情缓解，不再需要\"}").json();
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("灾情缓解，不再需要");
        assertThat(cancelled.get("actions")).isEmpty();
        JsonNode last = cancelled.get("timeline").get(cancelled.get("timeline").size() - 1);
        assertThat(last.get("what").asText()).isEqualTo("CANCELLED");
        assertThat(last.get("who").asText()).isEqualTo("yongjia.manager");
        assertThat(last.get("detail").asText()).isEqualTo("灾情缓解，不再需要");
        assertProblem(province.post("api/allocations/" + submitted + "/approve", ""), 409, "wrong-status");

        // Approved, and the source (杭州) finds it cannot ship at all: its manager cancels.
        long approved = draft(county, "ZJ-3301", "BLANKET", "2");
        county.post("api/allocations/" + approved + "/submit", "");
        province.post("api/allocations/" + approved + "/approve", "");
        assertThat(texts(city.get("api/allocations/" + approved).json().get("actions")))
                .containsExactlyInAnyOrder("SHIP", "CANCEL");
        assertThat(city.post("api/allocations/" + approved + "/cancel", "{\"reason\":\"库存已调往灾区\"}").json()
                .get("cancelledBy").asText()).isEqualTo("hangzhou.manager");

        // Once goods have left, the order runs to its receipt.
        long shipped = draft(county, "ZJ-3303", "QUILT-COTTON", "2");
        county.post("api/allocations/" + shipped + "/submit", "");
        province.post("api/allocations/" + shipped + "/approve", "");
        assertThat(province.post("api/allocations/" + shipped + "/ship", "").json().get("status").asText())
                .isEqualTo("SHIPPED");
        assertProblem(county.post("api/allocations/" + shipped + "/cancel", "{\"reason\":\"晚了\"}"), 409,
                "wrong-status");
    }

    @Test
    void a_source_ships_part_of_an_order_and_closes_the_rest_short_with_a_reason() {
        Api county = as("yongjia.manager");
        Api province = as("province.manager");
        String cityBefore = onHand("province.manager", "ZJ-3303", "TENT-COTTON-12");
        String countyBefore = onHand("yongjia.manager", YONGJIA, "TENT-COTTON-12");
        long id = draft(county, "ZJ-3303", "TENT-COTTON-12", "10");
        county.post("api/allocations/" + id + "/submit", "");
        province.post("api/allocations/" + id + "/approve", "");
        String part = "{\"lines\":[{\"material\":\"TENT-COTTON-12\",\"quantity\":\"6\"}]";
        assertProblem(province.post("api/allocations/" + id + "/ship", part + "}"), 400, "validation");
        assertProblem(province.post("api/allocations/" + id + "/ship",
                "{\"lines\":[{\"material\":\"TENT-COTTON-12\",\"quantity\":\"11\"}]}"), 400, "validation");
        assertProblem(province.post("api/allocations/" + id + "/ship",
                "{\"lines\":[{\"material\":\"TENT-COTTON-12\",\"quantity\":\"0\"}],\"reason\":\"无货\"}"), 400,
                "validation");
        assertProblem(province.post("api/allocations/" + id + "/ship",
                "{\"lines\":[{\"material\":\"BLANKET\",\"quantity\":\"1\"}],\"reason\":\"无货\"}"), 400,
                "validation");
        assertThat(onHand("province.manager", "ZJ-3303", "TENT-COTTON-12")).as("refusals moved nothing")
                .isEqualTo(cityBefore);

        JsonNode shipped = province.post("api/allocations/" + id + "/ship", part + ",\"reason\":\"只剩6顶\"}").json();
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.get("shortReason").asText()).isEqualTo("只剩6顶");
        JsonNode line = shipped.get("lines").get(0);
        assertThat(line.get("shipped").asText()).isEqualTo("6");
        assertThat(line.get("closedShort").asText()).isEqualTo("4");
        assertThat(new BigDecimal(onHand("province.manager", "ZJ-3303", "TENT-COTTON-12")))
                .isEqualByComparingTo(new BigDecimal(cityBefore).subtract(new BigDecimal("6")));
        assertThat(texts(shipped.get("timeline"), "what")).containsSubsequence("SUBMITTED", "APPROVED", "SHIPPED_SHORT");

        JsonNode received = county.post("api/allocations/" + id + "/receive", "{}").json();
        assertThat(received.get("status").asText()).isEqualTo("CLOSED");
        assertThat(received.get("lines").get(0).get("received").asText()).isEqualTo("6");
        assertThat(received.get("lines").get(0).get("shortage").asText()).as("nothing lost on the way").isEqualTo("0");
        assertThat(new BigDecimal(onHand("yongjia.manager", YONGJIA, "TENT-COTTON-12")))
                .isEqualByComparingTo(new BigDecimal(countyBefore).add(new BigDecimal("6")));
    }

    @Test
    void the_inbox_holds_only_what_waits_for_the_reader_and_the_outbox_only_what_they_asked_for() {
        Api county = as("yongjia.manager");
        Api province = as("province.manager");
        long id = draft(county, "ZJ-3303", "BLANKET", "1");
        assertThat(ids(province, "inbox")).as("a draft waits for no one").doesNotContain(id);
        county.post("api/allocations/" + id + "/submit", "");
        JsonNode waiting = find(province, "inbox", id);
        assertThat(texts(waiting.get("actions"))).containsExactlyInAnyOrder("APPROVE", "REJECT", "CANCEL");
        assertThat(waiting.get("from").get("nameZh").asText()).as("names next to codes").isNotBlank();
        assertThat(waiting.get("lines").get(0).get("materialZh").asText()).isNotBlank();
        assertThat(ids(county, "inbox")).as("the requester waits; nothing to do").doesNotContain(id);
        JsonNode forApprover = province.get("api/allocations/" + id).json().get("lines").get(0);
        assertThat(new BigDecimal(forApprover.get("availableAtSource").asText()))
                .isEqualByComparingTo(onHand("province.manager", "ZJ-3303", "BLANKET"));
        assertThat(county.get("api/allocations/" + id).json().get("lines").get(0).has("availableAtSource"))
                .as("the county does not see the city's stock").isFalse();
        assertThat(texts(county.get("api/allocations/" + id).json().get("actions"))).containsExactly("CANCEL");

        province.post("api/allocations/" + id + "/approve", "");
        assertThat(texts(find(province, "inbox", id).get("actions"))).contains("SHIP").doesNotContain("APPROVE");
        province.post("api/allocations/" + id + "/ship", "");
        assertThat(texts(find(county, "inbox", id).get("actions"))).containsExactly("RECEIVE");
        // The province covers the destination too, but whoever shipped does not confirm the receipt.
        assertThat(ids(province, "inbox")).doesNotContain(id);
        assertProblem(province.post("api/allocations/" + id + "/receive", "{}"), 409, "same-person");
        county.post("api/allocations/" + id + "/receive", "{}");
        assertThat(ids(county, "inbox")).as("finished orders wait for no one").doesNotContain(id);
        assertThat(ids(province, "inbox")).doesNotContain(id);

        long rejected = draft(county, "ZJ-3303", "BLANKET", "1");
        county.post("api/allocations/" + rejected + "/submit", "");
        province.post("api/allocations/" + rejected + "/reject", "{\"reason\":\"市库另有安排\"}");
        assertThat(ids(province, "inbox")).doesNotContain(rejected);
        JsonNode timeline = county.get("api/allocations/" + rejected).json().get("timeline");
        assertThat(texts(timeline, "detail")).contains("市库另有安排");

        // 我申请的 = requested by me, never someone else's order for my warehouses.
        long byProvince = draft(province, "ZJ-3301", "BLANKET", "1", YONGJIA);
        for (JsonNode o : county.get("api/allocations?role=outbox&size=500").json().get("items")) {
            assertThat(o.get("requestedBy").asText()).isEqualTo("yongjia.manager");
        }
        assertThat(ids(county, "outbox")).doesNotContain(byProvince);
        assertThat(ids(province, "outbox")).contains(byProvince);
    }

    @Test
    void dispatchers_finance_and_auditors_read_the_orders_of_their_jurisdiction_and_can_do_nothing_to_them() {
        long id = draft(as("yongjia.manager"), "ZJ-3303", "BLANKET", "1");
        as("yongjia.manager").post("api/allocations/" + id + "/submit", "");
        for (String reader : List.of("dispatcher", "finance", "auditor")) {
            Api api = as(reader);
            JsonNode order = api.get("api/allocations/" + id).json();
            assertThat(order.get("actions")).as(reader).isEmpty();
            assertThat(ids(api, "all")).as(reader).contains(id);
            assertThat(api.get("api/allocations?role=inbox").json().get("total").asInt()).as(reader).isZero();
            assertThat(api.post("api/allocations/" + id + "/approve", "").status()).as(reader).isEqualTo(403);
        }
        assertProblem(as("wenzhou.dispatcher").get("api/allocations/" + as("province.manager")
                .post("api/allocations", allocation("ZJ-3302", "ZJ-3301", null, "BLANKET", "1")).json().get("id")
                .asLong()), 403, "outside-jurisdiction");
    }

    @Test
    void the_home_page_counts_what_waits_for_each_user() {
        Api county = as("yongjia.manager");
        Api province = as("province.manager");
        long approveBefore = work(province, "allocations.approve");
        long draftsBefore = work(county, "allocations.drafts");
        long id = draft(county, "ZJ-3303", "BLANKET", "1");
        assertThat(work(county, "allocations.drafts")).isEqualTo(draftsBefore + 1);
        county.post("api/allocations/" + id + "/submit", "");
        assertThat(work(county, "allocations.drafts")).isEqualTo(draftsBefore);
        assertThat(work(province, "allocations.approve")).isEqualTo(approveBefore + 1);
        assertThat(work(county, "allocations.approve")).as("not the requester's to approve").isZero();
        long shipBefore = work(province, "allocations.ship");
        province.post("api/allocations/" + id + "/approve", "");
        assertThat(work(province, "allocations.approve")).isEqualTo(approveBefore);
        assertThat(work(province, "allocations.ship")).isEqualTo(shipBefore + 1);
        JsonNode home = province.get("api/me/home").json();
        assertThat(texts(home.get("figures"), "key")).contains("warehouses.active", "lots.held", "value.stock");
        assertThat(new BigDecimal(find(home.get("figures"), "value.stock").get("value").asText())).isPositive();
        assertThat(Long.parseLong(find(county.get("api/me/home").json().get("figures"), "warehouses.active")
                .get("value").asText())).as("the county's own").isLessThan(Long.parseLong(
                find(home.get("figures"), "warehouses.active").get("value").asText()));
        assertThat(texts(as("dispatcher").get("api/me/home").json().get("work"), "key"))
                .contains("incidents.open", "plans.toApprove", "trips.toLoad");
        assertThat(work(as("dispatcher"), "incidents.open")).as("the demo typhoon").isPositive();
        assertThat(texts(as("finance").get("api/me/home").json().get("figures"), "key")).contains("value.stock",
                "value.writtenOffThisYear");
    }

    private static long work(Api api, String key) {
        return Long.parseLong(find(api.get("api/me/home").json().get("work"), key).get("value").asText());
    }

    private static JsonNode find(JsonNode items, String key) {
        for (JsonNode i : items) {
            if (key.equals(i.get("key").asText())) {
                return i;
            }
        }
        throw new AssertionError("no " + key + " in " + items);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private long draft(Api api, String from, String material, String quantity) {
        return draft(api, from, material, quantity, YONGJIA);
    }

    private long draft(Api api, String from, String material, String quantity, String to) {
        Api.Reply reply = api.post("api/allocations", allocation(from, to, null, material, quantity));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    private static int sequence(String number) {
        return Integer.parseInt(number.substring(number.indexOf('-') + 1));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private List<Long> ids(Api api, String role) {
        List<Long> out = new ArrayList<>();
        api.get("api/allocations?size=500" + ("all".equals(role) ? "" : "&role=" + role)).json().get("items")
                .forEach(o -> out.add(o.get("id").asLong()));
        return out;
    }

    private JsonNode find(Api api, String role, long id) {
        for (JsonNode o : api.get("api/allocations?size=500&role=" + role).json().get("items")) {
            if (o.get("id").asLong() == id) {
                return o;
            }
        }
        throw new AssertionError("order " + id + " is not in the " + role + " of the caller");
    }

    private String onHand(String user, String warehouse, String material) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode b : as(user).get("api/stock/balances?warehouse=" + warehouse + "&material=" + material
                + "&size=500").json().get("items")) {
            sum = sum.add(new BigDecimal(b.get("quantity").asText()));
        }
        return sum.toPlainString();
    }

    private static String allocation(String from, String to, String emergency, String material, String quantity) {
        return "{\"fromWarehouse\":\"" + from + "\",\"toWarehouse\":\"" + to + "\",\"purpose\":\"台风前预置\","
                + (emergency == null ? "" : "\"incident\":\"" + emergency + "\",")
                + "\"lines\":[{\"material\":\"" + material + "\",\"quantity\":\"" + quantity + "\"}]}";
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/" + type);
    }
}
