package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call-ups through the API on a real Payara Micro and PostgreSQL, in demo mode: a call-up at each price
 * rule, received in parts and in full, each receipt a ledger RECEIPT with source AGREEMENT at the call-up's
 * unit price and a payable in the journal; the payables by enterprise equal to the fen with the journal and
 * the trial balance; a capacity production order received in batches against its promise; jurisdiction
 * both ways; retries with the same idempotency key answered once.
 */
@ExtendWith(ArquillianExtension.class)
class CallUpApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("callup");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    private static String creditCode(String county) {
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
        return b.append(alphabet.charAt(c == 31 ? 0 : c)).toString();
    }

    private long enterprise(String name) {
        Api.Reply r = as("finance").post("api/enterprises", "{\"name\":\"" + name + "\",\"creditCode\":\""
                + creditCode("330324") + "\",\"division\":\"330324\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** An active agreement of Yongjia county for 100 tents at 1,200 yuan (the price or the ceiling). */
    private long agreement(long enterprise, String kind, String rule, String percent, String lineExtra) {
        Api finance = as("finance");
        String body = "{\"enterprise\":" + enterprise + ",\"division\":\"330324\",\"kind\":\"" + kind + "\","
                + "\"startsOn\":\"2026-07-01\",\"endsOn\":\"2027-06-30\",\"priceRule\":\"" + rule + "\","
                + (percent == null ? "" : "\"pricePercent\":\"" + percent + "\",")
                + "\"feeBasis\":\"PER_UNIT\",\"managementFee\":\"0\",\"paymentDays\":30,\"penaltyPerUnitDay\":\"0\","
                + "\"lines\":[{\"material\":\"TENT-COTTON-12\",\"quantity\":\"" + ("CAPACITY".equals(kind) ? "500" : "100")
                + "\",\"feeRate\":\"10\",\"unitValue\":\"1200\",\"qualityStandard\":\"GB/T 19000\"" + lineExtra + "}]}";
        Api.Reply r = finance.post("api/agreements", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(finance.post("api/agreements/" + id + "/activate", "").status()).isEqualTo(200);
        return id;
    }

    private static String callUp(int quantity, String priceBasis, String key) {
        return "{\"line\":1,\"quantity\":\"" + quantity + "\",\"warehouse\":\"ZJ-330324\","
                + (priceBasis == null ? "" : "\"priceBasis\":\"" + priceBasis + "\",") + "\"idempotencyKey\":\"" + key + "\"}";
    }

    private static String receipt(int quantity, String lot, String key) {
        return "{\"quantity\":\"" + quantity + "\",\"lot\":\"" + lot + "\",\"productionDate\":\"2026-06-01\","
                + "\"expiryDate\":\"2031-05-31\",\"idempotencyKey\":\"" + key + "\"}";
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode order(long agreement, int quantity, String basis) {
        Api.Reply r = as("finance").post("api/agreements/" + agreement + "/call-ups", callUp(quantity, basis, "k-" + unique()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private JsonNode receive(long callUp, int quantity) {
        Api.Reply r = as("yongjia.manager").post("api/call-ups/" + callUp + "/receipts",
                receipt(quantity, "DY-" + unique(), "r-" + unique()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    @Test
    void each_price_rule_prices_the_receipts_that_become_ledger_receipts_and_payables_equal_to_the_journal()
            throws Exception {
        long company = enterprise("永嘉测试调用物资有限公司");
        long fixed = agreement(company, "ENTERPRISE_STOCK", "FIXED", null, "");
        long market = agreement(company, "ENTERPRISE_STOCK", "MARKET_CAPPED", null, "");
        long costPlus = agreement(company, "ENTERPRISE_STOCK", "COST_PLUS", "8.5", "");

        // FIXED: the line's unit value; 30 tents received as 10 then 20
        JsonNode a = order(fixed, 30, null);
        assertThat(a.get("number").asText()).matches("DY\\d{4}-\\d{6}");
        assertThat(a.get("unitPrice").asText()).isEqualTo("1200.00");
        assertThat(a.get("orderedAmount").asText()).isEqualTo("36000.00");
        assertThat(a.get("status").asText()).isEqualTo("ORDERED");
        long aId = a.get("id").asLong();
        JsonNode part = receive(aId, 10);
        assertThat(part.get("status").asText()).isEqualTo("PARTLY_RECEIVED");
        assertThat(part.get("outstanding").asText()).isEqualTo("20");
        JsonNode full = receive(aId, 20);
        assertThat(full.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(full.get("receivedAmount").asText()).isEqualTo("36000.00");
        assertThat(full.get("receipts")).hasSize(2);
        assertThat(full.get("actions")).isEmpty();
        // nothing more than was called up, and nothing after it is received
        assertProblem(as("yongjia.manager").post("api/call-ups/" + aId + "/receipts", receipt(1, "X-" + unique(), unique())),
                409, "call-up-status");

        // MARKET_CAPPED: the market price below the ceiling, the ceiling above it
        JsonNode b = order(market, 7, "1080.50");
        assertThat(b.get("unitPrice").asText()).isEqualTo("1080.50");
        assertThat(order(market, 1, "1350").get("unitPrice").asText()).isEqualTo("1200.00");
        assertProblem(as("finance").post("api/agreements/" + market + "/call-ups", callUp(1, null, unique())), 400, "validation");
        Api.Reply tooMuch = as("yongjia.manager").post("api/call-ups/" + b.get("id").asLong() + "/receipts",
                receipt(8, "X-" + unique(), unique()));
        assertProblem(tooMuch, 400, "validation");
        assertThat(tooMuch.text()).contains("quantity");
        JsonNode bDone = receive(b.get("id").asLong(), 7);
        assertThat(bDone.get("receivedAmount").asText()).isEqualTo("7563.50");

        // COST_PLUS 8.5 %: 37.13 x 1.085 = 40.28605 -> 40.29
        JsonNode c = order(costPlus, 3, "37.13");
        assertThat(c.get("unitPrice").asText()).isEqualTo("40.29");
        JsonNode cDone = receive(c.get("id").asLong(), 3);
        assertThat(cDone.get("receivedAmount").asText()).isEqualTo("120.87");

        // the line holds 100: 30 were called up, 71 more is refused, 70 is not
        assertProblem(as("finance").post("api/agreements/" + fixed + "/call-ups", callUp(71, null, unique())), 409,
                "call-up-exceeds-line");

        // each receipt is a ledger RECEIPT with source AGREEMENT, the unit price as cost, the call-up as reference
        TestDatabase.Coordinates db = Deployments.database("callup");
        try (Connection conn = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement s = conn.prepareStatement("select m.type, l.source, l.unit_cost_amount, m.reference,"
                     + " m.quantity_delta from stock_movement m join stock_lot l on l.id = m.lot_id where m.id = ?")) {
            for (JsonNode r : cDone.get("receipts")) {
                s.setLong(1, r.get("movementId").asLong());
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("RECEIPT");
                    assertThat(rs.getString(2)).isEqualTo("AGREEMENT");
                    assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("40.29");
                    assertThat(rs.getString(4)).isEqualTo(c.get("number").asText());
                    assertThat(rs.getBigDecimal(5)).isEqualByComparingTo("3");
                }
            }
        }

        // each receipt posted PURCHASE_EXPENSE against the enterprise's PAYABLE
        JsonNode entries = as("finance").get("api/finance/journal?document=" + a.get("number").asText()).json().get("items");
        assertThat(entries).hasSize(2);
        BigDecimal booked = BigDecimal.ZERO;
        for (JsonNode e : entries) {
            assertThat(e.get("documentType").asText()).isEqualTo("CALL_UP");
            for (JsonNode l : e.get("lines")) {
                if (l.get("account").asText().equals("PAYABLE")) {
                    assertThat(l.get("enterpriseId").asLong()).isEqualTo(company);
                    booked = booked.add(new BigDecimal(l.get("credit").asText()));
                } else {
                    assertThat(l.get("account").asText()).isEqualTo("PURCHASE_EXPENSE");
                }
            }
        }
        assertThat(booked).isEqualByComparingTo("36000.00");

        // payables by enterprise: 36000.00 + 7563.50 + 120.87 owed for purchases, nothing paid
        JsonNode payables = as("finance").get("api/finance/payables").json();
        JsonNode row = null;
        for (JsonNode r : payables.get("rows")) {
            if (r.get("enterpriseId").asLong() == company) {
                row = r;
            }
        }
        assertThat(row).as(payables.toString()).isNotNull();
        assertThat(row.get("purchases").asText()).isEqualTo("43684.37");
        assertThat(row.get("owed").asText()).isEqualTo("43684.37");
        assertThat(row.get("paid").asText()).isEqualTo("0.00");
        assertThat(row.get("balance").asText()).isEqualTo("43684.37");
        assertPayablesEqualTheJournal();

        // the same as a document to print (PDF) and to work with (XLSX)
        Api.Reply pdf = as("finance").get("api/reports/payables.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Api.Reply xlsx = as("finance").get("api/reports/payables.xlsx?lang=en");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.body()[0]).isEqualTo((byte) 'P');
        assertThat(as("yongjia.manager").get("api/reports/payables.pdf").status()).isEqualTo(403);
    }

    @Test
    void a_capacity_call_up_is_a_production_order_received_in_batches_against_its_promise() {
        long company = enterprise("永嘉测试产能帐篷厂");
        long capacity = agreement(company, "CAPACITY", "FIXED", null, ",\"capacityHours\":48,\"capacityPerDay\":\"300\"");
        JsonNode order = order(capacity, 1200, null);
        assertThat(order.get("kind").asText()).isEqualTo("CAPACITY");
        JsonNode schedule = order.get("schedule");
        assertThat(schedule).hasSize(4);
        assertThat(schedule.findValuesAsText("quantity")).containsExactly("500", "300", "300", "100");
        assertThat(schedule.findValuesAsText("state")).containsOnly("DUE");
        assertThat(java.time.Duration.between(java.time.Instant.parse(order.get("orderedAt").asText()),
                java.time.Instant.parse(schedule.get(0).get("dueAt").asText())).toHours()).isEqualTo(48);

        JsonNode first = receive(order.get("id").asLong(), 500);
        assertThat(first.get("status").asText()).isEqualTo("PARTLY_RECEIVED");
        assertThat(first.get("schedule").get(0).get("state").asText()).isEqualTo("ON_TIME");
        assertThat(first.get("schedule").get(1).get("state").asText()).isEqualTo("DUE");
        assertThat(first.get("lateBatches").asInt()).isZero();
        JsonNode second = receive(order.get("id").asLong(), 150);
        assertThat(second.get("schedule").get(1).get("received").asText()).isEqualTo("150");
        assertThat(second.get("receivedAmount").asText()).isEqualTo("780000.00");

        // the rest is cancelled: what came stays received and owed, nothing more can come
        Api.Reply stale = as("finance").post("api/call-ups/" + order.get("id").asLong() + "/cancel",
                "{\"reason\":\"灾情缓解，余量不再需要\",\"version\":0}");
        assertProblem(stale, 409, "stale-version");
        Api.Reply cancelled = as("finance").post("api/call-ups/" + order.get("id").asLong() + "/cancel",
                "{\"reason\":\"灾情缓解，余量不再需要\",\"version\":" + second.get("version").asLong() + "}");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("outstanding").asText()).isEqualTo("0");
        assertThat(cancelled.json().get("received").asText()).isEqualTo("650");
        assertProblem(as("yongjia.manager").post("api/call-ups/" + order.get("id").asLong() + "/receipts",
                receipt(1, "X-" + unique(), unique())), 409, "call-up-status");
        assertPayablesEqualTheJournal();
    }

    @Test
    void custody_goods_are_not_called_up_and_the_warehouse_must_be_the_contracting_divisions() {
        long company = enterprise("永嘉测试代储企业");
        long custody = agreement(company, "CUSTODY", "FIXED", null, ",\"warehouse\":\"ZJ-330324\"");
        assertProblem(as("finance").post("api/agreements/" + custody + "/call-ups", callUp(1, null, unique())), 409,
                "call-up-custody");
        long own = agreement(company, "ENTERPRISE_STOCK", "FIXED", null, "");
        Api.Reply elsewhere = as("finance").post("api/agreements/" + own + "/call-ups",
                callUp(1, null, unique()).replace("ZJ-330324", "ZJ-3301"));
        assertProblem(elsewhere, 400, "validation");
        assertThat(elsewhere.text()).contains("warehouse");
    }

    @Test
    void jurisdiction_both_ways_and_roles() {
        long company = enterprise("永嘉测试辖区企业");
        long own = agreement(company, "ENTERPRISE_STOCK", "FIXED", null, "");
        // the county's manager orders; another city's finance does not see the agreement
        Api.Reply ordered = as("yongjia.manager").post("api/agreements/" + own + "/call-ups", callUp(2, null, "j-" + unique()));
        assertThat(ordered.status()).as(ordered.text()).isEqualTo(201);
        long id = ordered.json().get("id").asLong();
        assertThat(ordered.json().get("actions").toString()).contains("receive", "cancel");
        assertProblem(as("taizhou.finance").post("api/agreements/" + own + "/call-ups", callUp(1, null, unique())), 404,
                "not-found");
        assertProblem(as("hangzhou.manager").get("api/call-ups/" + id), 404, "not-found");
        assertProblem(as("hangzhou.manager").post("api/call-ups/" + id + "/receipts", receipt(1, "X-" + unique(), unique())),
                404, "not-found");
        assertThat(as("hangzhou.manager").get("api/call-ups?toReceive=true&size=500").json().get("items")
                .findValuesAsText("number")).doesNotContain(ordered.json().get("number").asText());
        assertThat(as("yongjia.manager").get("api/call-ups?toReceive=true&size=500").json().get("items")
                .findValuesAsText("number")).contains(ordered.json().get("number").asText());
        assertThat(as("yongjia.manager").get("api/agreements/" + own + "/call-ups").json().findValuesAsText("number"))
                .contains(ordered.json().get("number").asText());
        // finance sees it, may cancel, but does not receive goods
        JsonNode seen = as("finance").get("api/call-ups/" + id).json();
        assertThat(seen.get("actions").toString()).doesNotContain("receive").contains("cancel");
        assertThat(as("finance").post("api/call-ups/" + id + "/receipts", receipt(1, "X-" + unique(), unique())).status())
                .isEqualTo(403);
        // the auditor reads payables but orders nothing
        assertThat(as("auditor").post("api/agreements/" + own + "/call-ups", callUp(1, null, unique())).status())
                .isEqualTo(403);
        assertThat(as("yongjia.manager").get("api/finance/payables").status()).isEqualTo(403);
    }

    @Test
    void a_retry_with_the_same_key_is_answered_once() {
        long company = enterprise("永嘉测试重试企业");
        long own = agreement(company, "ENTERPRISE_STOCK", "FIXED", null, "");
        String key = "retry-" + unique();
        Api finance = as("finance");
        Api.Reply first = finance.post("api/agreements/" + own + "/call-ups", callUp(4, null, key));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        Api.Reply again = finance.post("api/agreements/" + own + "/call-ups", callUp(4, null, key));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertProblem(finance.post("api/agreements/" + own + "/call-ups", callUp(5, null, key)), 409, "idempotency-key-reused");

        long id = first.json().get("id").asLong();
        String body = receipt(4, "RT-" + unique(), "rk-" + unique());
        Api manager = as("yongjia.manager");
        assertThat(manager.post("api/call-ups/" + id + "/receipts", body).status()).isEqualTo(201);
        Api.Reply replay = manager.post("api/call-ups/" + id + "/receipts", body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("receipts")).hasSize(1);
        assertThat(replay.json().get("received").asText()).isEqualTo("4");
        assertThat(finance.get("api/finance/journal?document=" + first.json().get("number").asText()).json()
                .get("items")).hasSize(1);
        assertPayablesEqualTheJournal();
    }

    /** The payables' total balance is the journal's PAYABLE balance and the trial balance's, to the fen. */
    private void assertPayablesEqualTheJournal() {
        JsonNode payables = as("finance").get("api/finance/payables").json();
        assertThat(payables.get("difference").asText()).isEqualTo("0.00");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode r : payables.get("rows")) {
            sum = sum.add(new BigDecimal(r.get("balance").asText()));
            assertThat(new BigDecimal(r.get("owed").asText()).subtract(new BigDecimal(r.get("paid").asText())))
                    .isEqualByComparingTo(r.get("balance").asText());
        }
        assertThat(sum).isEqualByComparingTo(payables.get("totals").get("balance").asText());
        assertThat(payables.get("totals").get("balance").asText()).isEqualTo(payables.get("journalBalance").asText());
        JsonNode trial = as("finance").get("api/finance/trial-balance").json();
        assertThat(trial.get("difference").asText()).isEqualTo("0.00");
        for (JsonNode acc : trial.get("accounts")) {
            if (acc.get("account").asText().equals("PAYABLE")) {
                assertThat(new BigDecimal(acc.get("balance").asText()).negate())
                        .isEqualByComparingTo(payables.get("journalBalance").asText());
            }
        }
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/" + type);
    }
}
