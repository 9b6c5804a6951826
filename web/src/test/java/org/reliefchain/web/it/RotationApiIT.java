package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rotation through the API on a real Payara Micro and PostgreSQL, in demo mode: a near-expiry lot sold at a
 * loss above the county's write-off limit -> approved by a warehouse manager and by finance (never by whoever
 * raised it) -> executed through the ledger (the movement refers to the plan; a retry moves nothing again)
 * -> the write-off it raised signed by the county then the city, the chain intact, the compensation owed to
 * the enterprise in a balanced journal; an exchange bringing its fresh lot in; a gain raising nothing;
 * jurisdiction both ways.
 */
@ExtendWith(ArquillianExtension.class)
class RotationApiIT {

    private static final String PASSWORD = "secret-123";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("rotation");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, user.startsWith("rot.") ? PASSWORD : "demo123");
    }

    /** A warehouse manager of 椒江区 (331002): the demo has none below the province there. */
    private String jiaojiangManager() {
        String name = "rot." + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply r = as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"椒江区仓库管理员\","
                + "\"role\":\"WAREHOUSE_MANAGER\",\"jurisdiction\":\"331002\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return name;
    }

    /** Receives a lot at {@code warehouse} expiring in about six weeks and returns its number. */
    private String nearExpiryLot(Api manager, String warehouse, String quantity, String unitCost) {
        String lot = "ROT-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply r = manager.post("api/stock/movements", "{\"type\":\"RECEIPT\",\"warehouse\":\"" + warehouse
                + "\",\"material\":\"TENT-COTTON-12\",\"lot\":\"" + lot + "\",\"quantity\":\"" + quantity
                + "\",\"productionDate\":\"2024-01-15\",\"expiryDate\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusWeeks(6) + "\",\"unitCost\":{\"amount\":\""
                + unitCost + "\",\"currency\":\"CNY\"},\"reason\":\"采购入库\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return lot;
    }

    private long enterprise(String county, String name) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91").append(county).append("MA");
        String random = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        for (int i = 0; b.length() < 17; i++) {
            char ch = random.charAt(i);
            b.append(alphabet.indexOf(ch) >= 0 ? ch : '7');
        }
        int sum = 0;
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(b.charAt(i)) * w[i];
        }
        int c = 31 - sum % 31;
        String code = b.append(alphabet.charAt(c == 31 ? 0 : c)).toString();
        Api.Reply r = as("finance").post("api/enterprises", "{\"name\":\"" + name + "\",\"creditCode\":\"" + code
                + "\",\"division\":\"" + county + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void a_sale_at_a_loss_is_approved_twice_executed_once_and_written_off_at_two_levels() {
        String manager = jiaojiangManager();
        Api raiser = as(manager);
        String lot = nearExpiryLot(raiser, "ZJ-331002", "1000", "120.00");
        long company = enterprise("331002", "椒江轮换代理测试公司");
        String key = UUID.randomUUID().toString();
        String body = "{\"warehouse\":\"ZJ-331002\",\"material\":\"TENT-COTTON-12\",\"lot\":\"" + lot + "\","
                + "\"quantity\":\"1000\",\"method\":\"SELL\",\"unitPrice\":\"55.50\",\"recipient\":\"台州市某应急用品经销商\","
                + "\"enterprise\":" + company + ",\"idempotencyKey\":\"" + key + "\"}";
        Api.Reply raised = raiser.post("api/rotations", body);
        assertThat(raised.status()).as(raised.text()).isEqualTo(201);
        JsonNode plan = raised.json();
        long id = plan.get("id").asLong();
        String number = plan.get("number").asText();
        assertThat(number).matches("LH\\d{4}-\\d{6}");
        // 1000 x 120.00 = 120,000.00 at book; 1000 x 55.50 = 55,500.00 back; 64,500.00 lost
        assertThat(plan.get("bookValue").asText()).isEqualTo("120000.00");
        assertThat(plan.get("proceeds").asText()).isEqualTo("55500.00");
        assertThat(plan.get("loss").asText()).isEqualTo("64500.00");
        assertThat(plan.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(plan.get("actions").toString()).isEqualTo("[\"cancel\"]");
        // a retry of the POST is answered with the same plan
        assertThat(raiser.post("api/rotations", body).json().get("id").asLong()).isEqualTo(id);
        // the same goods cannot be planned twice
        assertProblem(raiser.post("api/rotations", body.replace(key, UUID.randomUUID().toString())), 400, "validation");

        // jurisdiction: outside it the plan does not exist; a dispatcher may not approve at all
        assertProblem(as("yongjia.manager").get("api/rotations/" + id), 404, "not-found");
        assertProblem(as("hangzhou.manager").post("api/rotations/" + id + "/approve", ""), 404, "not-found");
        assertThat(as("yongjia.manager").get("api/rotations?size=100").text()).doesNotContain(number);
        assertProblem(as("dispatcher").post("api/rotations/" + id + "/approve", ""), 403, "forbidden");
        assertProblem(as("finance").post("api/rotations", body), 403, "forbidden");

        // whoever raised it does not approve it; each capacity approves once, by another person
        assertProblem(raiser.post("api/rotations/" + id + "/approve", ""), 409, "same-approver");
        assertProblem(raiser.post("api/rotations/" + id + "/execute", ""), 409, "rotation-status");
        JsonNode managerApproved = as("province.manager").post("api/rotations/" + id + "/approve", "").json();
        assertThat(managerApproved.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(managerApproved.get("managerApprovedBy").asText()).isEqualTo("province.manager");
        assertProblem(as("province.manager").post("api/rotations/" + id + "/approve", ""), 409, "same-approver");
        JsonNode approved = as("jiaojiang.finance").post("api/rotations/" + id + "/approve", "").json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("financeApprovedBy").asText()).isEqualTo("jiaojiang.finance");
        assertProblem(as("finance").post("api/rotations/" + id + "/approve", ""), 409, "rotation-status");

        // executed: the goods leave under the plan's number, the loss is written off and owed to the enterprise
        Api.Reply done = raiser.post("api/rotations/" + id + "/execute", "");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        JsonNode executed = done.json();
        assertThat(executed.get("status").asText()).isEqualTo("EXECUTED");
        long out = executed.get("outMovement").asLong();
        assertThat(executed.hasNonNull("inMovement")).isFalse();
        JsonNode movement = raiser.get("api/stock/movements/" + out).json();
        assertThat(movement.get("type").asText()).isEqualTo("ISSUE");
        assertThat(movement.get("reference").asText()).isEqualTo(number);
        assertThat(movement.get("quantity").asText()).isEqualTo("-1000");
        assertThat(movement.get("balanceAfter").asText()).isEqualTo("0");
        long writeOff = executed.get("writeOff").asLong();
        assertThat(executed.get("writeOffNumber").asText()).startsWith("HX");
        assertThat(executed.get("writeOffStatus").asText()).isEqualTo("PENDING");
        assertThat(executed.hasNonNull("journalEntry")).isTrue();

        // a retry of the execution answers with the executed plan and moves nothing again
        JsonNode again = raiser.post("api/rotations/" + id + "/execute", "").json();
        assertThat(again.get("outMovement").asLong()).isEqualTo(out);
        assertThat(again.get("writeOff").asLong()).isEqualTo(writeOff);
        JsonNode movements = raiser.get("api/stock/movements?warehouse=ZJ-331002&lot=" + lot + "&size=100").json();
        assertThat(movements.get("total").asLong()).isEqualTo(2);

        // the write-off: 64,500 is above the county's 50,000, so the county signs, then the city
        JsonNode wo = as("jiaojiang.finance").get("api/write-offs/" + writeOff).json();
        assertThat(wo.get("cause").asText()).isEqualTo("ROTATION_LOSS");
        assertThat(wo.get("amount").asText()).isEqualTo("64500.00");
        assertThat(wo.get("requiredLevel").asText()).isEqualTo("CITY");
        assertThat(wo.get("description").asText()).contains(number);
        assertProblem(as("taizhou.finance").post("api/write-offs/" + writeOff + "/sign", ""), 409, "wrong-level");
        assertThat(as("jiaojiang.finance").post("api/write-offs/" + writeOff + "/sign", "").json().get("status").asText())
                .isEqualTo("PENDING");
        JsonNode signed = as("taizhou.finance").post("api/write-offs/" + writeOff + "/sign", "").json();
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.get("signatures").size()).isEqualTo(2);
        assertThat(signed.get("hash").asText()).hasSize(64);
        JsonNode after = as("taizhou.finance").get("api/rotations/" + id).json();
        assertThat(after.get("writeOffStatus").asText()).isEqualTo("SIGNED");
        assertThat(as("auditor").get("api/write-offs/verify").json().get("intact").asBoolean()).isTrue();

        // the documents: the plan's rotation report and the write-off form with its chain and hash
        assertThat(pdfText(as("jiaojiang.finance").get("api/reports/rotations/" + id + ".pdf")))
                .contains("储备轮换报告", number, lot, "出售", "120000.00", "55500.00", "64500.00", signed.get("number").asText());
        assertThat(pdfText(as("taizhou.finance").get("api/reports/write-offs/" + writeOff + ".pdf")))
                .contains("核销表", signed.get("number").asText(), "64500.00", "jiaojiang.finance", "taizhou.finance")
                .contains(signed.get("hash").asText().substring(0, 20));
        assertThat(pdfText(raiser.get("api/reports/rotations.pdf?warehouse=ZJ-331002"))).contains(number, "64500.00");
        Api.Reply xlsx = raiser.get("api/reports/rotations/" + id + ".xlsx?lang=en");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertProblem(as("yongjia.manager").get("api/reports/write-offs/" + writeOff + ".pdf"), 404, "not-found");
        assertProblem(as("yongjia.manager").get("api/reports/rotations.pdf?warehouse=ZJ-331002"), 403, "outside-jurisdiction");

        // the compensation: ROTATION_EXPENSE against the enterprise's payable, the books still balanced
        JsonNode entry = as("finance").get("api/finance/journal?document=" + number).json().get("items").get(0);
        assertThat(entry.get("documentType").asText()).isEqualTo("ROTATION");
        JsonNode lines = entry.get("lines");
        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).get("account").asText()).isEqualTo("ROTATION_EXPENSE");
        assertThat(lines.get(0).get("debit").asText()).isEqualTo("64500.00");
        assertThat(lines.get(0).get("credit").asText()).isEqualTo("0.00");
        assertThat(lines.get(1).get("account").asText()).isEqualTo("PAYABLE");
        assertThat(lines.get(1).get("enterpriseId").asLong()).isEqualTo(company);
        assertThat(lines.get(1).get("debit").asText()).isEqualTo("0.00");
        assertThat(lines.get(1).get("credit").asText()).isEqualTo("64500.00");
        assertThat(as("finance").get("api/finance/trial-balance").json().get("difference").asText()).isEqualTo("0.00");
    }

    @Test
    void an_exchange_brings_the_fresh_lot_in_under_the_plan_and_its_small_loss_is_signed_by_the_county_alone() {
        Api manager = as("yongjia.manager");
        String lot = nearExpiryLot(manager, "ZJ-330324", "100", "500.00");
        long supplier = enterprise("330324", "永嘉帐篷供应测试公司");
        String fresh = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
        // 100 at 500 = 50,000 out; 100 fresh at 520 = 52,000 in, 3,000 paid on top: 49,000 back, 1,000 lost
        Api.Reply raised = manager.post("api/rotations", "{\"warehouse\":\"ZJ-330324\",\"material\":\"TENT-COTTON-12\","
                + "\"lot\":\"" + lot + "\",\"quantity\":\"100\",\"method\":\"EXCHANGE\",\"enterprise\":" + supplier + ","
                + "\"replacement\":{\"lot\":\"" + fresh + "\",\"productionDate\":\"2026-11-01\",\"expiryDate\":\"2029-10-31\","
                + "\"quantity\":\"100\",\"unitCost\":\"520.00\",\"priceDifference\":\"3000\"}}");
        assertThat(raised.status()).as(raised.text()).isEqualTo(201);
        JsonNode plan = raised.json();
        long id = plan.get("id").asLong();
        assertThat(plan.get("proceeds").asText()).isEqualTo("49000.00");
        assertThat(plan.get("loss").asText()).isEqualTo("1000.00");
        assertThat(plan.get("replacement").get("lot").asText()).isEqualTo(fresh);
        as("province.manager").post("api/rotations/" + id + "/approve", "");
        assertThat(as("finance").post("api/rotations/" + id + "/approve", "").json().get("status").asText())
                .isEqualTo("APPROVED");
        JsonNode executed = manager.post("api/rotations/" + id + "/execute", "").json();
        JsonNode in = manager.get("api/stock/movements/" + executed.get("inMovement").asLong()).json();
        assertThat(in.get("type").asText()).isEqualTo("RECEIPT");
        assertThat(in.get("lot").asText()).isEqualTo(fresh);
        assertThat(in.get("reference").asText()).isEqualTo(plan.get("number").asText());
        JsonNode balance = manager.get("api/stock/balances?warehouse=ZJ-330324&lot=" + fresh).json().get("items").get(0);
        assertThat(balance.get("quantity").asText()).isEqualTo("100");
        assertThat(balance.get("unitCost").get("amount").asText()).isIn("520.00", "520.0", "520");
        JsonNode wo = as("finance").get("api/write-offs/" + executed.get("writeOff").asLong()).json();
        assertThat(wo.get("amount").asText()).isEqualTo("1000.00");
        assertThat(wo.get("requiredLevel").asText()).isEqualTo("COUNTY");
    }

    @Test
    void a_sale_above_book_value_raises_no_write_off_and_an_exchange_needs_its_supplier() {
        Api manager = as("yongjia.manager");
        String lot = nearExpiryLot(manager, "ZJ-330324", "10", "100.00");
        JsonNode plan = manager.post("api/rotations", "{\"warehouse\":\"ZJ-330324\",\"material\":\"TENT-COTTON-12\","
                + "\"lot\":\"" + lot + "\",\"quantity\":\"10\",\"method\":\"HAND_OVER\",\"unitPrice\":\"100.01\","
                + "\"recipient\":\"永嘉县第一中学\"}").json();
        assertThat(plan.get("loss").asText()).isEqualTo("-0.10");
        long id = plan.get("id").asLong();
        as("province.manager").post("api/rotations/" + id + "/approve", "");
        as("finance.reviewer").post("api/rotations/" + id + "/approve", "");
        JsonNode executed = manager.post("api/rotations/" + id + "/execute", "").json();
        assertThat(executed.get("status").asText()).isEqualTo("EXECUTED");
        assertThat(executed.hasNonNull("writeOff")).isFalse();
        assertThat(executed.hasNonNull("journalEntry")).isFalse();

        Api.Reply noSupplier = manager.post("api/rotations", "{\"warehouse\":\"ZJ-330324\",\"material\":\"TENT-COTTON-12\","
                + "\"lot\":\"" + nearExpiryLot(manager, "ZJ-330324", "5", "100.00") + "\",\"quantity\":\"5\","
                + "\"method\":\"EXCHANGE\"}");
        assertProblem(noSupplier, 400, "validation");
        assertThat(noSupplier.text()).contains("enterprise");
        Api.Reply destroyWithoutReason = manager.post("api/rotations", "{\"warehouse\":\"ZJ-330324\",\"material\":"
                + "\"TENT-COTTON-12\",\"lot\":\"" + lot + "\",\"quantity\":\"1\",\"method\":\"DESTROY\"}");
        assertProblem(destroyWithoutReason, 400, "validation");
    }

    @Test
    void a_destroyed_lot_leaves_as_a_write_off_movement_and_a_cancelled_plan_frees_its_goods() {
        Api manager = as("yongjia.manager");
        String lot = nearExpiryLot(manager, "ZJ-330324", "20", "12.34");
        String body = "{\"warehouse\":\"ZJ-330324\",\"material\":\"TENT-COTTON-12\",\"lot\":\"" + lot + "\","
                + "\"quantity\":\"20\",\"method\":\"DESTROY\",\"reason\":\"霉变，无法使用\"}";
        long first = manager.post("api/rotations", body).json().get("id").asLong();
        assertProblem(manager.post("api/rotations/" + first + "/cancel", "{}"), 400, "validation");
        assertThat(manager.post("api/rotations/" + first + "/cancel", "{\"reason\":\"改为重新检验\"}").json()
                .get("status").asText()).isEqualTo("CANCELLED");
        JsonNode plan = manager.post("api/rotations", body).json();
        assertThat(plan.get("loss").asText()).isEqualTo("246.80");
        long id = plan.get("id").asLong();
        as("province.manager").post("api/rotations/" + id + "/approve", "");
        as("finance").post("api/rotations/" + id + "/approve", "");
        JsonNode executed = manager.post("api/rotations/" + id + "/execute", "").json();
        JsonNode out = manager.get("api/stock/movements/" + executed.get("outMovement").asLong()).json();
        assertThat(out.get("type").asText()).isEqualTo("WRITE_OFF");
        assertThat(out.get("reason").asText()).contains("霉变");
        assertThat(executed.get("writeOffNumber").asText()).startsWith("HX");
        assertThat(as("auditor").get("api/rotations?status=EXECUTED&size=100").text()).contains(plan.get("number").asText());
    }

    private static String pdfText(Api.Reply pdf) {
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/" + type);
    }
}
