package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requisition and compensation through the API on a real Payara Micro and PostgreSQL: a typhoon in Hangzhou,
 * bottled water, a truck and a school gym requisitioned from an organisation; the water received into the
 * ledger owned by it, the truck in the fleet as REQUISITIONED; part of the water issued in the relief, the
 * truck returned damaged; compensation by the rule, approved by a second finance user, paid once; the journal
 * balanced; the compensation list as PDF and XLSX; jurisdiction both ways; persons by a checked ID number.
 */
@ExtendWith(ArquillianExtension.class)
class RequisitionApiIT {

    static final String WAREHOUSE = "ZJ-3301";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("requisition");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A credit code for a Hangzhou district with a valid check character, unique per call. */
    static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("52330106");
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
        return b.append(alphabet.charAt(c == 31 ? 0 : c)).toString();
    }

    static String plate() {
        return "浙A" + (10000 + (int) (Math.random() * 89999)) + "Z";
    }

    private long incident() {
        Api.Reply declared = as("dispatcher").post("api/incidents", "{\"kind\":\"TYPHOON\",\"name\":\"杭州台风征用\","
                + "\"responseLevel\":\"III\",\"affectedDivisions\":[\"3301\"],\"startedAt\":\""
                + java.time.Instant.now().minusSeconds(7 * 86400) + "\"}");
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        return declared.json().get("id").asLong();
    }

    static String requisition(long incident, String party, String plate, String key, LocalDate takenOn) {
        return "{\"incident\":" + incident + ",\"warehouse\":\"" + WAREHOUSE + "\"," + party + ",\"takenOn\":\""
                + takenOn + "\",\"reason\":\"台风应急：安置点饮水与转运\",\"idempotencyKey\":\"" + key + "\",\"items\":["
                + "{\"kind\":\"GOODS\",\"conditionTaken\":\"外包装完好\",\"material\":\"WATER-550ML-24\",\"quantity\":\"100\","
                + "\"unitValue\":\"23.34\",\"valuationBasis\":\"当日超市零售价\",\"productionDate\":\"" + today().minusDays(30)
                + "\"},{\"kind\":\"VEHICLE\",\"conditionTaken\":\"车况良好，里程52,300公里\",\"registration\":\"" + plate
                + "\",\"vehicleKind\":\"TRUCK\",\"capacityKg\":\"8000\",\"capacityM3\":\"40\",\"heightM\":\"3.6\","
                + "\"widthM\":\"2.5\",\"grossWeightT\":\"16\",\"driverName\":\"王师傅\",\"driverPhone\":\"13800001111\","
                + "\"dailyFee\":\"850.00\"},{\"kind\":\"PREMISES\",\"conditionTaken\":\"场馆设施完好\",\"address\":"
                + "\"西湖区文三路100号体育馆\",\"areaM2\":\"1200\",\"dailyFee\":\"1200.00\"}]}";
    }

    @Test
    void a_requisition_from_issue_to_payment_with_goods_in_the_ledger_a_truck_in_the_fleet_and_the_journal_balanced()
            throws Exception {
        long incident = incident();
        Api manager = as("hangzhou.manager");
        String code = creditCode();
        String plate = plate();
        String key = "rq-" + UUID.randomUUID();
        LocalDate taken = today().minusDays(6);
        String body = requisition(incident, "\"partyKind\":\"ORGANISATION\",\"partyName\":\"西湖区测试学校\",\"creditCode\":\""
                + code + "\",\"partyPhone\":\"0571-88000000\"", plate, key, taken);
        Api.Reply issued = manager.post("api/requisitions", body);
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        JsonNode r = issued.json();
        long id = r.get("id").asLong();
        String number = r.get("number").asText();
        assertThat(number).matches("ZY\\d{4}-\\d{6}");
        assertThat(r.get("status").asText()).isEqualTo("ISSUED");
        assertThat(r.get("actions").toString()).isEqualTo("[\"return\"]");
        assertThat(r.get("items")).hasSize(3);
        String lot = r.get("items").get(0).get("lot").asText();
        assertThat(lot).isEqualTo(number + "-1");
        // the same request again is the same requisition: nothing received twice
        Api.Reply again = manager.post("api/requisitions", body);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);

        // the water is in the warehouse, received from the school and owned by it
        JsonNode balance = manager.get("api/stock/balances?warehouse=" + WAREHOUSE + "&lot=" + lot).json().get("items");
        assertThat(balance).hasSize(1);
        assertThat(balance.get(0).get("quantity").asText()).isEqualTo("100");
        assertThat(balance.get(0).get("owner").asText()).isEqualTo("西湖区测试学校");
        assertThat(balance.get(0).get("source").asText()).isEqualTo("REQUISITION");
        assertThat(balance.get(0).get("unitCost").get("amount").asText()).isEqualTo("23.34");
        // the truck is in the fleet, requisitioned and available
        JsonNode truck = vehicle(manager, plate);
        assertThat(truck.get("ownerKind").asText()).isEqualTo("REQUISITIONED");
        assertThat(truck.get("status").asText()).isEqualTo("AVAILABLE");
        // the school is a payee of the registry now, as an organisation
        assertThat(r.get("payeeId").asLong()).isPositive();

        // 40 cases are handed out in the relief; the other 60 go back
        String lotIssue = "{\"type\":\"ISSUE\",\"warehouse\":\"" + WAREHOUSE + "\",\"material\":\"WATER-550ML-24\",\"lot\":\""
                + lot + "\",\"quantity\":\"40\",\"reason\":\"安置点发放\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}";
        // before that is recorded, the ledger and the requisition would disagree
        assertProblem(manager.post("api/requisitions/" + id + "/return",
                "{\"line\":1,\"outcome\":\"CONSUMED\",\"quantityConsumed\":\"40\"}"), 409, "requisition-stock-mismatch");
        assertThat(manager.post("api/stock/movements", lotIssue).status()).isEqualTo(201);
        Api.Reply consumed = manager.post("api/requisitions/" + id + "/return",
                "{\"line\":1,\"outcome\":\"CONSUMED\",\"quantityConsumed\":\"40\"}");
        assertThat(consumed.status()).as(consumed.text()).isEqualTo(200);
        assertThat(manager.get("api/stock/balances?warehouse=" + WAREHOUSE + "&lot=" + lot).json().get("items")
                .findValuesAsText("quantity")).allMatch(q -> q.equals("0"));
        // a truck is never consumed; the damaged truck needs its repair cost
        assertThat(manager.post("api/requisitions/" + id + "/return", "{\"line\":2,\"outcome\":\"CONSUMED\","
                + "\"quantityConsumed\":\"1\"}").status()).isEqualTo(400);
        Api.Reply noCost = manager.post("api/requisitions/" + id + "/return",
                "{\"line\":2,\"outcome\":\"RETURNED\",\"condition\":\"DAMAGED\"}");
        assertProblem(noCost, 400, "validation");
        assertThat(noCost.json().get("errors").findValuesAsText("field")).contains("repairCost");
        Api.Reply damaged = manager.post("api/requisitions/" + id + "/return", "{\"line\":2,\"outcome\":\"RETURNED\","
                + "\"condition\":\"DAMAGED\",\"repairCost\":\"3260.50\",\"on\":\"" + today() + "\"}");
        assertThat(damaged.status()).as(damaged.text()).isEqualTo(200);
        assertThat(vehicle(manager, plate).get("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertProblem(manager.post("api/requisitions/" + id + "/return", "{\"line\":2,\"outcome\":\"LOST\","
                + "\"residualValue\":\"1\"}"), 409, "requisition-item-settled");
        // finance computes nothing while something is held
        assertProblem(as("finance").post("api/requisitions/" + id + "/compensation", ""), 409, "requisition-status");
        JsonNode returned = manager.post("api/requisitions/" + id + "/return", "{\"line\":3,\"outcome\":\"RETURNED\","
                + "\"condition\":\"GOOD\",\"on\":\"" + today() + "\"}").json();
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");

        // warehouse managers do not compute; finance does, by the rule:
        // 40 x 23.34 = 933.60; 7 days x 850.00 + 3,260.50 = 9,210.50; 7 days x 1,200.00 = 8,400.00
        assertThat(manager.post("api/requisitions/" + id + "/compensation", "").status()).isEqualTo(403);
        Api finance = as("finance");
        JsonNode computed = finance.post("api/requisitions/" + id + "/compensation", "").json();
        assertThat(computed.get("status").asText()).isEqualTo("COMPUTED");
        assertThat(computed.get("items").findValuesAsText("compensation")).containsExactly("933.60", "9210.50", "8400.00");
        assertThat(computed.get("items").get(1).get("daysHeld").asInt()).isEqualTo(7);
        assertThat(computed.get("compensation").asText()).isEqualTo("18544.10");
        assertThat(computed.get("actions").toString()).doesNotContain("approve");
        assertProblem(finance.post("api/requisitions/" + id + "/approve", "{}"), 409, "same-approver");
        Api reviewer = as("finance.reviewer");
        JsonNode approved = reviewer.post("api/requisitions/" + id + "/approve", "{}").json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy").asText()).isEqualTo("finance.reviewer");

        String ref = "ZYPAY-" + UUID.randomUUID();
        String payment = "{\"reference\":\"" + ref + "\",\"paidOn\":\"" + today() + "\"}";
        JsonNode paid = finance.post("api/requisitions/" + id + "/pay", payment).json();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        Api.Reply paidAgain = finance.post("api/requisitions/" + id + "/pay", payment);
        assertThat(paidAgain.status()).isEqualTo(200);
        assertThat(paidAgain.json().get("version").asLong()).isEqualTo(paid.get("version").asLong());

        JsonNode journal = finance.get("api/finance/journal?document=" + number).json();
        assertThat(journal.get("total").asInt()).as("one approval and one payment, not two").isEqualTo(2);
        JsonNode payLine = journal.get("items").get(0).get("lines");
        assertThat(payLine.findValuesAsText("account")).containsExactly("PAYABLE", "BANK");
        JsonNode approveLine = journal.get("items").get(1).get("lines");
        assertThat(approveLine.findValuesAsText("account")).containsExactly("COMPENSATION_EXPENSE", "PAYABLE");
        assertThat(approveLine.findValuesAsText("debit")).containsExactly("18544.10", "0.00");
        assertThat(approveLine.get(1).get("enterpriseName").asText()).isEqualTo("西湖区测试学校");
        assertThat(as("auditor").get("api/finance/trial-balance").json().get("difference").asText()).isEqualTo("0.00");

        // the compensation list: itemised, each amount with its basis, CJK font embedded
        Api.Reply pdf = reviewer.get("api/reports/requisitions/" + id + ".pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("征用补偿清单", number, "西湖区测试学校", "已消耗", "损坏", "933.60", "9210.50",
                    "8400.00", "18544.10", "finance.reviewer", ref);
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertThat(font.getName()).contains("NotoSansCJK");
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
        }
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
                finance.get("api/reports/requisitions/" + id + ".pdf?lang=en").body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("Requisition compensation list", "Consumed", "damaged", "total 18544.10 CNY");
        }
        assertThat(sheets(finance.get("api/reports/requisitions/" + id + ".xlsx"))).contains("征用补偿清单", "933.60",
                "9210.50", "8400.00");
        assertThat(sheets(finance.get("api/reports/incidents/" + incident + "/compensation.xlsx")))
                .contains(number, "18544.10");
        Api.Reply incidentPdf = manager.get("api/reports/incidents/" + incident + "/compensation.pdf");
        assertThat(incidentPdf.status()).as(incidentPdf.text()).isEqualTo(200);

        // outside the requisitioning division's jurisdiction it does not exist
        assertProblem(as("yongjia.manager").get("api/requisitions/" + id), 404, "not-found");
        assertProblem(as("taizhou.finance").post("api/requisitions/" + id + "/compensation", ""), 404, "not-found");
        assertProblem(as("taizhou.finance").get("api/reports/requisitions/" + id + ".pdf"), 404, "not-found");
        assertThat(as("yongjia.manager").get("api/requisitions?size=100").json().get("items")
                .findValuesAsText("number")).doesNotContain(number);
        assertThat(manager.get("api/requisitions?incident=" + incident).json().get("items")
                .findValuesAsText("number")).contains(number);
    }

    @Test
    void only_a_warehouse_manager_requisitions_and_only_for_a_warehouse_of_their_jurisdiction() {
        long incident = incident();
        String party = "\"partyKind\":\"ORGANISATION\",\"partyName\":\"测试组织\",\"creditCode\":\"" + creditCode() + "\"";
        assertThat(as("dispatcher").post("api/requisitions", requisition(incident, party, plate(), "k-" + UUID.randomUUID(),
                today())).status()).isEqualTo(403);
        String outside = requisition(incident, party, plate(), "k-" + UUID.randomUUID(), today())
                .replace(WAREHOUSE, "ZJ-3303");
        assertProblem(as("hangzhou.manager").post("api/requisitions", outside), 403, "outside-jurisdiction");
        // an inactive warehouse of another county is refused as outside, not described as inactive
        String empty = "YJ-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(as("yongjia.manager").post("api/warehouses", "{\"code\":\"" + empty + "\",\"nameZh\":\"永嘉县停用储备点\","
                + "\"division\":\"330324\",\"kind\":\"SOCIAL\",\"address\":\"岩头镇\",\"lon\":120.72,\"lat\":28.35,"
                + "\"floorAreaM2\":60,\"volumeM3\":180,\"contactName\":\"张三\",\"contactPhone\":\"0577-88000000\"}")
                .status()).isEqualTo(201);
        assertThat(as("yongjia.manager").post("api/warehouses/" + empty + "/deactivate", "").status()).isEqualTo(200);
        assertProblem(as("hangzhou.manager").post("api/requisitions", outside.replace("ZJ-3303", empty)), 403,
                "outside-jurisdiction");
        JsonNode own = as("yongjia.manager").post("api/requisitions", outside.replace("ZJ-3303", empty)).json();
        assertThat(own.get("errors").findValuesAsText("field")).contains("warehouse");
        assertThat(own.get("errors").toString()).as("its own manager is told it is inactive").contains("inactive");
        // an incident the caller may not see is named as unknown
        Api.Reply hidden = as("yongjia.manager").post("api/requisitions", requisition(incident, party, plate(),
                "k-" + UUID.randomUUID(), today()).replace(WAREHOUSE, "ZJ-330324"));
        assertProblem(hidden, 400, "validation");
        assertThat(hidden.json().get("errors").findValuesAsText("field")).contains("incident");
    }

    @Test
    void a_person_is_known_by_a_checked_id_number_shown_whole_only_to_finance() {
        long incident = incident();
        Api manager = as("hangzhou.manager");
        Api.Reply wrong = manager.post("api/requisitions", requisition(incident, "\"partyKind\":\"PERSON\",\"partyName\":"
                + "\"张三\",\"idNumber\":\"110105194912310021\",\"partyPhone\":\"13900002222\"", plate(),
                "p-" + UUID.randomUUID(), today()));
        assertProblem(wrong, 400, "validation");
        assertThat(wrong.json().get("errors").findValuesAsText("field")).containsExactly("idNumber");
        assertThat(wrong.json().get("errors").findValuesAsText("code")).containsExactly("id-number-check");

        Api.Reply good = manager.post("api/requisitions", requisition(incident, "\"partyKind\":\"PERSON\",\"partyName\":"
                + "\"张三\",\"idNumber\":\"11010519491231002x\",\"partyPhone\":\"13900002222\"", plate(),
                "p-" + UUID.randomUUID(), today()));
        assertThat(good.status()).as(good.text()).isEqualTo(201);
        long id = good.json().get("id").asLong();
        assertThat(good.json().get("idNumber").asText()).isEqualTo("110105********002X");
        assertThat(as("finance").get("api/requisitions/" + id).json().get("idNumber").asText())
                .isEqualTo("11010519491231002X");
        // the person is one payee however often they are met, and not listed in the enterprise registry
        assertThat(as("finance").get("api/enterprises?text=" + URLEncoder.encode("张三", StandardCharsets.UTF_8))
                .json().get("items").findValuesAsText("name")).doesNotContain("张三");
    }

    private static JsonNode vehicle(Api who, String plate) {
        JsonNode found = who.get("api/vehicles?q=" + URLEncoder.encode(plate, StandardCharsets.UTF_8)).json().get("items");
        assertThat(found).as(found.toString()).hasSize(1);
        return found.get(0);
    }

    private static String sheets(Api.Reply xlsx) throws java.io.IOException {
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        StringBuilder sheets = new StringBuilder();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                sheets.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return sheets.toString();
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/" + type);
    }
}
