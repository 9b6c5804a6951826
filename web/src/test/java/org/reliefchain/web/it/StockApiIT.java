package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reserve network and the stock ledger through the API on a real Payara Micro and PostgreSQL,
 * with the demo network seeded: a county manager's working day, jurisdiction, idempotency,
 * first-expiry-first-out and concurrent issues that must not lose an update or go negative.
 */
@ExtendWith(ArquillianExtension.class)
class StockApiIT {

    private static final String YONGJIA = "ZJ-330324";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("stock");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    // ---- network and catalogue -------------------------------------------------------------------

    @Test
    void the_catalogue_holds_the_relief_items_by_class() {
        assertThat(as("dispatcher").get("api/materials?size=100").json().get("total").asInt()).isEqualTo(47);
        JsonNode water = as("dispatcher").get("api/materials/WATER-550ML-24").json();
        assertThat(water.get("nameZh").asText()).startsWith("瓶装饮用水");
        assertThat(water.get("materialClass").asText()).isEqualTo("BASIC_LIVING");
        assertThat(water.get("shelfLifeDays").asInt()).isEqualTo(540);
        assertThat(as("dispatcher").get("api/materials?class=RESCUE&size=100").json().get("items").findValuesAsText(
                "materialClass")).containsOnly("RESCUE");
    }

    @Test
    void the_demo_network_has_warehouses_at_all_five_levels() {
        assertThat(total("api/warehouses?level=PROVINCE")).isEqualTo(1);
        assertThat(total("api/warehouses?level=CITY")).isEqualTo(11);
        assertThat(total("api/warehouses?level=COUNTY")).isEqualTo(90);
        assertThat(total("api/warehouses?level=TOWNSHIP")).isEqualTo(1387);
        assertThat(total("api/warehouses?level=VILLAGE&division=331081")).as("温岭 villages").isEqualTo(661);
        assertThat(total("api/warehouses?level=VILLAGE&division=330106")).as("西湖区 was not hit").isZero();
        JsonNode township = as("dispatcher").get("api/warehouses?level=TOWNSHIP&division=330324&size=1").json()
                .get("items").get(0);
        assertThat(township.get("positionSynthetic").asBoolean()).isTrue();
        assertThat(as("dispatcher").get("api/warehouses/ZJ-3303").json().get("positionSynthetic").asBoolean()).isFalse();
        assertThat(as("dispatcher").get("api/warehouses?level=COUNTY&q=yjx").json().get("items").findValuesAsText("code"))
                .as("永嘉县's reserve by the pinyin initials of its name").containsExactly("ZJ-330324");
    }

    // ---- jurisdiction ------------------------------------------------------------------------------

    @Test
    void a_county_manager_cannot_see_the_stock_of_the_neighbouring_county_or_of_the_city() {
        Api yongjia = as("yongjia.manager");
        assertProblem(yongjia.get("api/stock/balances?warehouse=ZJ-330302"), 403, "outside-jurisdiction");
        assertProblem(yongjia.get("api/stock/balances?warehouse=ZJ-3303"), 403, "outside-jurisdiction");
        assertProblem(yongjia.get("api/stock/movements?warehouse=ZJ-330302"), 403, "outside-jurisdiction");
        assertProblem(yongjia.get("api/stock/balances?division=330302"), 403, "outside-jurisdiction");
        JsonNode mine = yongjia.get("api/stock/balances?division=3303&size=500").json();
        assertThat(mine.get("total").asInt()).isPositive();
        assertThat(mine.get("items").findValuesAsText("division")).allSatisfy(d -> assertThat(d).startsWith("330324"));
        // but the city warehouse is on the map, so that the county can ask it for help
        assertThat(yongjia.get("api/warehouses/ZJ-3303").status()).isEqualTo(200);
    }

    @Test
    void a_county_manager_cannot_move_stock_of_the_neighbouring_county_and_nothing_changes() {
        String before = onHand("province.manager", "ZJ-330302", "QUILT-COTTON");
        assertProblem(as("yongjia.manager").post("api/stock/movements",
                issue("ZJ-330302", "QUILT-COTTON", "1", key())), 403, "outside-jurisdiction");
        assertProblem(as("yongjia.manager").post("api/stock/movements",
                transfer(YONGJIA, "ZJ-330302", "QUILT-COTTON", "1", key())), 403, "outside-jurisdiction");
        assertThat(onHand("province.manager", "ZJ-330302", "QUILT-COTTON")).isEqualTo(before);
    }

    @Test
    void only_warehouse_managers_move_stock() {
        assertProblem(as("dispatcher").post("api/stock/movements", issue(YONGJIA, "QUILT-COTTON", "1", key())), 403,
                "forbidden");
    }

    // ---- input limits (issue 10) -------------------------------------------------------------------

    @Test
    void a_recorded_movement_answers_where_its_location_points() {
        String lot = "L-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply reply = as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "QUILT-COTTON", lot, "3",
                null, key()));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        String location = reply.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("api/stock/movements/"));
        Api.Reply movement = as("yongjia.manager").get(path);
        assertThat(movement.status()).as(movement.text()).isEqualTo(200);
        assertThat(movement.json().get("id").asLong()).isEqualTo(reply.json().get("movement").get("id").asLong());
        assertThat(movement.json().get("lot").asText()).isEqualTo(lot);
        assertThat(as("hangzhou.manager").get(path).status()).isEqualTo(403);
    }

    @Test
    void digits_other_than_ascii_an_unknown_currency_and_an_overflowing_balance_are_refused() {
        String lot = "L-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply arabic = as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "QUILT-COTTON", lot,
                "١٢", null, key()));
        assertProblem(arabic, 400, "validation");
        assertThat(arabic.json().get("errors").get(0).get("code").asText()).isEqualTo("number");
        Api.Reply currency = as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "QUILT-COTTON", lot,
                "1", null, key()).replace("\"CNY\"", "\"XYZ\""));
        assertProblem(currency, 400, "validation");
        assertThat(currency.json().get("errors").get(0).get("field").asText()).isEqualTo("unitCost.currency");
        // Quilts are counted whole: the largest whole quantity, then one more than the ledger can hold.
        assertThat(as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "QUILT-COTTON", lot,
                "99999999999", null, key())).status()).isEqualTo(201);
        Api.Reply overflow = as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "QUILT-COTTON", lot,
                "1", null, key()));
        assertProblem(overflow, 400, "validation");
        assertThat(overflow.json().get("errors").get(0).get("code").asText()).isEqualTo("too-large");
    }

    @Test
    void nul_characters_far_dates_nulls_in_lists_and_words_for_numbers_are_400_naming_the_field() {
        Api manager = as("yongjia.manager");
        Api.Reply nul = manager.post("api/stock/movements", receipt(YONGJIA, "QUILT-COTTON", "a\\u0000b", "1", null,
                key()));
        assertProblem(nul, 400, "validation");
        assertThat(nul.json().get("errors").get(0).get("field").asText()).isEqualTo("lot");
        assertThat(nul.json().get("errors").get(0).get("code").asText()).isEqualTo("control-characters");
        Api.Reply far = manager.post("api/stock/movements", receipt(YONGJIA, "QUILT-COTTON", "L-far", "1",
                LocalDate.MAX, key()));
        assertThat(far.json().get("errors").get(0).get("code").asText()).as(far.text()).isEqualTo("date-range");
        Api.Reply nullLine = manager.post("api/allocations", "{\"fromWarehouse\":\"ZJ-3303\",\"toWarehouse\":\""
                + YONGJIA + "\",\"purpose\":\"p\",\"lines\":[null]}");
        assertProblem(nullLine, 400, "validation");
        assertThat(nullLine.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0]");
        Api.Reply page = manager.get("api/stock/balances?page=abc");
        assertProblem(page, 400, "validation");
        assertThat(page.json().get("errors").get(0).get("field").asText()).isEqualTo("page");
        assertProblem(manager.get("api/stock/balances?page=2147483647"), 400, "validation");
        assertProblem(manager.get("api/stock/balances?lot=a%00b"), 400, "validation");
        assertProblem(manager.get("api/stock/balances?expiringWithinDays=2147483647"), 400, "validation");
        assertProblem(manager.get("api/allocations/%D9%A3"), 400, "validation");
    }

    // ---- the ledger --------------------------------------------------------------------------------

    @Test
    void a_receipt_answers_201_with_the_movement_and_the_new_balance_and_is_audited() {
        String lot = "Q-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply reply = as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "QUILT-COTTON", lot, "12",
                null, key()));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode movement = reply.json().get("movement");
        assertThat(movement.get("type").asText()).isEqualTo("RECEIPT");
        assertThat(movement.get("quantity").asText()).isEqualTo("12");
        assertThat(movement.get("actor").asText()).isEqualTo("yongjia.manager");
        assertThat(reply.json().get("balance").asText()).isEqualTo("12");
        JsonNode audit = as("auditor").get("api/audit?entityType=stock-movement&entityId=" + movement.get("id").asText())
                .json();
        assertThat(audit.get("items").get(0).get("summary").asText()).contains("RECEIPT", "12", lot);
    }

    @Test
    void a_retried_request_is_applied_once_and_a_reused_key_with_another_request_is_refused() {
        String lot = "R-" + UUID.randomUUID().toString().substring(0, 8);
        String key = key();
        String body = receipt(YONGJIA, "BLANKET", lot, "40", null, key);
        Api.Reply first = as("yongjia.manager").post("api/stock/movements", body);
        Api.Reply again = as("yongjia.manager").post("api/stock/movements", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json().get("movement").get("id").asLong()).isEqualTo(first.json().get("movement").get("id").asLong());
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "BLANKET", lot)).isEqualTo("40");

        assertProblem(as("yongjia.manager").post("api/stock/movements",
                receipt(YONGJIA, "BLANKET", lot, "41", null, key)), 409, "idempotency-key-reused");
    }

    @Test
    void another_users_key_replays_nothing_and_tells_nothing() {
        String lot = "K-" + UUID.randomUUID().toString().substring(0, 8);
        String key = key();
        String body = receipt(YONGJIA, "BLANKET", lot, "5", null, key);
        assertThat(as("yongjia.manager").post("api/stock/movements", body).status()).isEqualTo(201);
        // The same request under the same key, sent by a province manager who may see the warehouse: still not theirs.
        Api.Reply other = as("province.manager").post("api/stock/movements", body);
        assertProblem(other, 409, "idempotency-key-reused");
        assertThat(other.text()).doesNotContain("yongjia.manager", lot);
        assertProblem(as("hangzhou.manager").post("api/stock/movements", body), 403, "outside-jurisdiction");
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "BLANKET", lot)).isEqualTo("5");
    }

    @Test
    void a_lot_number_names_a_lot_at_its_warehouse_so_another_county_receives_its_own_and_learns_nothing() {
        String lot = "T-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate expiry = LocalDate.now().plusYears(2);
        assertThat(as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "BLANKET", lot, "5", expiry,
                key())).status()).isEqualTo(201);
        // Hangzhou's manager receives the same number with other dates: a lot of Hangzhou's, nothing of Yongjia's
        // shown; a second receipt without dates joins Hangzhou's lot, not Yongjia's
        Api.Reply own = as("hangzhou.manager").post("api/stock/movements", receipt("ZJ-3301", "BLANKET", lot, "3",
                expiry.plusDays(1), key()));
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        assertThat(own.text()).doesNotContain(expiry.toString(), "330324", "yongjia");
        assertThat(as("hangzhou.manager").post("api/stock/movements", receipt("ZJ-3301", "BLANKET", lot, "2", null,
                key())).status()).isEqualTo(201);
        JsonNode hangzhou = as("hangzhou.manager").get("api/stock/balances?warehouse=ZJ-3301&material=BLANKET&lot="
                + lot).json().get("items");
        assertThat(hangzhou).hasSize(1);
        assertThat(hangzhou.get(0).get("quantity").asText()).isEqualTo("5");
        assertThat(hangzhou.get(0).get("expiryDate").asText()).isEqualTo(expiry.plusDays(1).toString());
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "BLANKET", lot)).isEqualTo("5");
        // at Yongjia the number still names Yongjia's lot: other dates are a mismatch
        assertProblem(as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "BLANKET", lot, "1",
                expiry.plusDays(1), key())), 409, "lot-mismatch");
        // a transfer carries the lot, dates and all; a receipt of the number where it went joins it
        String township = firstTownshipPoint("330324");
        assertThat(as("yongjia.manager").post("api/stock/movements", transfer(YONGJIA, township, "BLANKET", lot, "2",
                key())).status()).isEqualTo(201);
        assertThat(as("yongjia.manager").post("api/stock/movements", receipt(township, "BLANKET", lot, "1", null,
                key())).status()).isEqualTo(201);
        JsonNode there = as("yongjia.manager").get("api/stock/balances?warehouse=" + township + "&material=BLANKET&lot="
                + lot).json().get("items");
        assertThat(there).hasSize(1);
        assertThat(there.get(0).get("quantity").asText()).isEqualTo("3");
        assertThat(there.get(0).get("expiryDate").asText()).isEqualTo(expiry.toString());
        // the province sees two lots of the number, one per county
        assertThat(as("province.manager").get("api/stock/balances?material=BLANKET&lot=" + lot).json().get("items")
                .findValuesAsText("warehouse")).containsExactlyInAnyOrder(YONGJIA, township, "ZJ-3301");
    }

    @Test
    void an_issue_beyond_stock_is_refused_naming_material_and_available_quantity() {
        String lot = "S-" + UUID.randomUUID().toString().substring(0, 8);
        as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "SLEEPING-BAG", lot, "7", null, key()));
        Api.Reply refused = as("yongjia.manager").post("api/stock/movements",
                "{\"type\":\"ISSUE\",\"warehouse\":\"" + YONGJIA + "\",\"material\":\"SLEEPING-BAG\",\"lot\":\"" + lot
                        + "\",\"quantity\":\"8\",\"reason\":\"发放\",\"idempotencyKey\":\"" + key() + "\"}");
        assertProblem(refused, 409, "insufficient-stock");
        assertThat(refused.json().get("detail").asText()).contains("SLEEPING-BAG", lot, "requested 8", "available 7");
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "SLEEPING-BAG", lot)).isEqualTo("7");
    }

    @Test
    void an_issue_without_a_lot_takes_the_lot_that_expires_first() {
        String material = "OIL-5L";
        String late = "OIL-L-" + UUID.randomUUID().toString().substring(0, 6);
        String early = "OIL-E-" + UUID.randomUUID().toString().substring(0, 6);
        String township = firstTownshipPoint("330324");
        Api manager = as("yongjia.manager");
        manager.post("api/stock/movements", receipt(township, material, late, "10", LocalDate.now().plusDays(400), key()));
        manager.post("api/stock/movements", receipt(township, material, early, "4", LocalDate.now().plusDays(60), key()));

        JsonNode issued = manager.post("api/stock/movements", issue(township, material, "6", key())).json();
        List<String> lots = issued.get("movements").findValuesAsText("lot");
        assertThat(lots).containsExactly(early, late);
        assertThat(issued.get("movements").findValuesAsText("quantity")).containsExactly("-4", "-2");
        assertThat(onHandOfLot("yongjia.manager", township, material, late)).isEqualTo("8");
    }

    @Test
    void an_expired_lot_cannot_be_issued_but_can_be_written_off() {
        JsonNode expired = null;
        for (JsonNode b : as("province.manager").get("api/stock/balances?expiringWithinDays=0&size=500").json()
                .get("items")) {
            if (b.get("expired").asBoolean()) {
                expired = b;
                break;
            }
        }
        assertThat(expired).as("the demo network has expired lots").isNotNull();
        String warehouse = expired.get("warehouse").asText();
        String material = expired.get("material").asText();
        String lot = expired.get("lot").asText();
        assertProblem(as("province.manager").post("api/stock/movements", "{\"type\":\"ISSUE\",\"warehouse\":\""
                + warehouse + "\",\"material\":\"" + material + "\",\"lot\":\"" + lot
                + "\",\"quantity\":\"1\",\"reason\":\"发放\",\"idempotencyKey\":\"" + key() + "\"}"), 409, "lot-expired");
        Api.Reply writeOff = as("province.manager").post("api/stock/movements", "{\"type\":\"WRITE_OFF\",\"warehouse\":\""
                + warehouse + "\",\"material\":\"" + material + "\",\"lot\":\"" + lot + "\",\"quantity\":\""
                + expired.get("quantity").asText() + "\",\"reason\":\"过期报损\",\"idempotencyKey\":\"" + key() + "\"}");
        assertThat(writeOff.status()).as(writeOff.text()).isEqualTo(201);
        assertThat(writeOff.json().get("balance").asText()).isEqualTo("0");
    }

    @Test
    void a_reversal_cancels_a_movement_once_and_never_below_zero() {
        String lot = "V-" + UUID.randomUUID().toString().substring(0, 8);
        Api manager = as("yongjia.manager");
        long receipt = manager.post("api/stock/movements", receipt(YONGJIA, "RAINCOAT", lot, "20", null, key())).json()
                .get("movement").get("id").asLong();
        manager.post("api/stock/movements", "{\"type\":\"ISSUE\",\"warehouse\":\"" + YONGJIA
                + "\",\"material\":\"RAINCOAT\",\"lot\":\"" + lot + "\",\"quantity\":\"15\",\"reason\":\"发放\","
                + "\"idempotencyKey\":\"" + key() + "\"}");
        assertProblem(manager.post("api/stock/movements", reversal(receipt)), 409, "insufficient-stock");

        String lot2 = "V2-" + UUID.randomUUID().toString().substring(0, 8);
        long wrong = manager.post("api/stock/movements", receipt(YONGJIA, "RAINCOAT", lot2, "30", null, key())).json()
                .get("movement").get("id").asLong();
        JsonNode reversed = manager.post("api/stock/movements", reversal(wrong)).json().get("movement");
        assertThat(reversed.get("type").asText()).isEqualTo("REVERSAL");
        assertThat(reversed.get("reverses").asLong()).isEqualTo(wrong);
        assertThat(reversed.get("quantity").asText()).isEqualTo("-30");
        assertProblem(manager.post("api/stock/movements", reversal(wrong)), 409, "already-reversed");
    }

    @Test
    void a_transfer_inside_the_county_moves_stock_in_one_step() {
        String township = firstTownshipPoint("330324");
        String lot = "T-" + UUID.randomUUID().toString().substring(0, 8);
        Api manager = as("yongjia.manager");
        manager.post("api/stock/movements", receipt(YONGJIA, "LIFE-JACKET", lot, "50", null, key()));
        JsonNode moved = manager.post("api/stock/movements", "{\"type\":\"TRANSFER\",\"warehouse\":\"" + YONGJIA
                + "\",\"toWarehouse\":\"" + township + "\",\"material\":\"LIFE-JACKET\",\"lot\":\"" + lot
                + "\",\"quantity\":\"20\",\"reason\":\"前置到乡镇\",\"idempotencyKey\":\"" + key() + "\"}").json();
        assertThat(moved.get("movements").findValuesAsText("type")).containsExactly("TRANSFER_OUT", "TRANSFER_IN");
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "LIFE-JACKET", lot)).isEqualTo("30");
        assertThat(onHandOfLot("yongjia.manager", township, "LIFE-JACKET", lot)).isEqualTo("20");
    }

    @Test
    void bad_movements_are_400_problems_naming_the_field() {
        Api manager = as("yongjia.manager");
        Api.Reply noKey = manager.post("api/stock/movements", "{\"type\":\"ISSUE\",\"warehouse\":\"" + YONGJIA
                + "\",\"material\":\"QUILT-COTTON\",\"quantity\":\"1\",\"reason\":\"x\"}");
        assertProblem(noKey, 400, "validation");
        assertThat(noKey.json().get("errors").findValuesAsText("field")).contains("idempotencyKey");
        assertThat(manager.post("api/stock/movements", issue(YONGJIA, "QUILT-COTTON", "-3", key())).json()
                .get("errors").findValuesAsText("field")).containsExactly("quantity");
        assertThat(manager.post("api/stock/movements", "{\"type\":\"RECEIPT\",\"warehouse\":\"" + YONGJIA
                + "\",\"material\":\"WATER-550ML-24\",\"lot\":\"X\",\"quantity\":\"1\",\"reason\":\"x\","
                + "\"idempotencyKey\":\"" + key() + "\"}").json().get("errors").findValuesAsText("field"))
                .as("water ages: an expiry date is needed").containsExactly("expiryDate");
        assertProblem(manager.post("api/stock/movements", issue(YONGJIA, "NO-SUCH-THING", "1", key())), 404, "not-found");
    }

    // ---- nothing is lost under concurrent use ------------------------------------------------------

    @Test
    void concurrent_issues_neither_lose_an_update_nor_go_below_zero() throws Exception {
        String lot = "C-" + UUID.randomUUID().toString().substring(0, 8);
        as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "FLASHLIGHT", lot, "10", null, key()));
        String issueOne = "{\"type\":\"ISSUE\",\"warehouse\":\"" + YONGJIA + "\",\"material\":\"FLASHLIGHT\",\"lot\":\""
                + lot + "\",\"quantity\":\"1\",\"reason\":\"并发测试\",\"idempotencyKey\":\"";
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(() -> as("yongjia.manager").post("api/stock/movements", issueOne + key() + "\"}").status());
        }
        // the same request sent eight times at once must be applied once
        String sameKey = key();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> as("yongjia.manager").post("api/stock/movements",
                    receipt(YONGJIA, "FLASHLIGHT", lot + "-K", "5", null, sameKey)).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses.subList(0, 24).stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(statuses.subList(0, 24).stream().filter(s -> s == 409).count()).isEqualTo(14);
        assertThat(statuses.subList(24, 32)).containsOnly(201);
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "FLASHLIGHT", lot)).isEqualTo("0");
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "FLASHLIGHT", lot + "-K")).isEqualTo("5");

        // the ledger adds up to the balance
        JsonNode ledger = as("yongjia.manager").get("api/stock/movements?warehouse=" + YONGJIA + "&lot=" + lot
                + "&size=500").json();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode m : ledger.get("items")) {
            sum = sum.add(new BigDecimal(m.get("quantity").asText()));
        }
        assertThat(sum).isEqualByComparingTo("0");
        assertThat(ledger.get("total").asInt()).isEqualTo(11);
    }

    @Test
    void countable_materials_take_whole_numbers_and_the_material_filter_reads_names() {
        Api.Reply half = as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "TENT-COTTON-12",
                "HALF-" + key().substring(0, 6), "1.5", null, key()));
        assertProblem(half, 400, "validation");
        JsonNode error = half.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("quantity");
        assertThat(error.get("code").asText()).isEqualTo("whole");
        assertThat(as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "TENT-COTTON-12",
                "WHOLE-" + key().substring(0, 6), "2.000", null, key())).status()).isEqualTo(201);

        for (String text : List.of("棉被", "quilt", "QUILT")) {
            JsonNode items = as("province.manager").get("api/stock/balances?material=" + text + "&size=100").json()
                    .get("items");
            assertThat(items.size()).as(text).isPositive();
            assertThat(items.findValuesAsText("material")).as(text).allMatch(m -> m.startsWith("QUILT"));
        }
        JsonNode tents = as("province.manager").get("api/stock/balances?material=tent&size=100").json().get("items");
        assertThat(tents.findValuesAsText("material")).isNotEmpty().allMatch(m -> m.contains("TENT"));
        assertThat(as("province.manager").get("api/stock/balances?material=blanket&size=100").json().get("items")
                .findValuesAsText("material")).as("a code in any case is that material").containsOnly("BLANKET");
    }

    @Test
    void totals_per_material_add_up_to_the_lots_and_carry_their_value_at_cost() {
        JsonNode totals = as("yongjia.manager").get("api/stock/totals?warehouse=" + YONGJIA).json();
        assertThat(totals.size()).isPositive();
        for (JsonNode t : totals) {
            BigDecimal lots = BigDecimal.ZERO;
            BigDecimal value = BigDecimal.ZERO;
            for (JsonNode b : as("yongjia.manager").get("api/stock/balances?warehouse=" + YONGJIA + "&material="
                    + t.get("material").asText() + "&size=500").json().get("items")) {
                lots = lots.add(new BigDecimal(b.get("quantity").asText()));
                if (b.hasNonNull("unitCost")) {
                    value = value.add(new BigDecimal(b.get("quantity").asText())
                            .multiply(new BigDecimal(b.get("unitCost").get("amount").asText())));
                }
            }
            assertThat(new BigDecimal(t.get("usable").asText()).add(new BigDecimal(t.get("expired").asText())))
                    .as(t.get("material").asText()).isEqualByComparingTo(lots);
            assertThat(new BigDecimal(t.get("valueCny").asText())).as(t.get("material").asText())
                    .isEqualByComparingTo(value.setScale(2, java.math.RoundingMode.HALF_UP));
        }
        assertThat(as("yongjia.manager").get("api/stock/totals?class=RESCUE").json().findValuesAsText("materialClass"))
                .containsOnly("RESCUE");
        assertProblem(as("yongjia.manager").get("api/stock/totals?warehouse=ZJ-330302"), 403, "outside-jurisdiction");
    }

    @Test
    void the_alerts_list_puts_the_soonest_expiry_first() {
        JsonNode items = as("province.manager").get("api/stock/balances?expiringWithinDays=90&sort=expiry&size=100")
                .json().get("items");
        assertThat(items.size()).isPositive();
        List<String> dates = items.findValuesAsText("expiryDate");
        assertThat(dates).isSorted();
        assertProblem(as("province.manager").get("api/stock/balances?sort=name"), 400, "validation");
        JsonNode shortfalls = as("province.manager").get("api/reserve-plans?shortOnly=true&size=50").json()
                .get("items");
        double previous = -1;
        for (JsonNode l : shortfalls) {
            assertThat(l.get("completion").asDouble()).isGreaterThanOrEqualTo(previous);
            assertThat(new BigDecimal(l.get("shortfall").asText())).isPositive();
            previous = l.get("completion").asDouble();
        }
    }

    // ---- stock counts ----------------------------------------------------------------------------------

    @Test
    void a_count_with_a_variance_is_approved_by_a_second_person_and_becomes_an_adjustment() {
        String village = as("yongjia.manager").get("api/warehouses?level=VILLAGE&division=330324&size=1").json()
                .get("items").get(0).get("code").asText();
        JsonNode count = as("yongjia.manager").post("api/stock/counts", "{\"warehouse\":\"" + village + "\"}").json();
        long id = count.get("id").asLong();
        assertThat(count.get("status").asText()).isEqualTo("OPEN");
        JsonNode lines = count.get("lines");
        assertThat(lines.size()).isPositive();
        assertProblem(as("yongjia.manager").post("api/stock/counts", "{\"warehouse\":\"" + village + "\"}"), 409,
                "count-in-progress");
        // While it is counted, the warehouse's stock stands still; the refusal names the count.
        Api.Reply moved = as("yongjia.manager").post("api/stock/movements", receipt(village, "BLANKET",
                "C-" + id, "1", null, key()));
        assertProblem(moved, 409, "count-open");
        assertThat(moved.json().get("detail").asText()).contains(count.get("number").asText());
        assertProblem(as("yongjia.manager").post("api/stock/counts/" + id + "/submit", ""), 409, "count-incomplete");

        StringBuilder entry = new StringBuilder("{\"lines\":[");
        JsonNode short1 = lines.get(0);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            BigDecimal counted = new BigDecimal(l.get("expected").asText());
            if (i == 0) {
                counted = counted.subtract(BigDecimal.ONE); // one missing on the shelf
            }
            entry.append(i == 0 ? "" : ",").append("{\"material\":\"").append(l.get("material").asText())
                    .append("\",\"lot\":\"").append(l.get("lot").asText()).append("\",\"counted\":\"")
                    .append(counted.toPlainString()).append("\"}");
        }
        entry.append("]}");
        JsonNode recorded = as("yongjia.manager").put("api/stock/counts/" + id + "/lines", entry.toString()).json();
        assertThat(recorded.get("lines").get(0).get("variance").asText()).isEqualTo("-1");
        as("yongjia.manager").post("api/stock/counts/" + id + "/submit", "");
        assertProblem(as("yongjia.manager").post("api/stock/counts/" + id + "/approve", ""), 409,
                "second-person-required");
        String before = onHandOfLot("province.manager", village, short1.get("material").asText(),
                short1.get("lot").asText());
        JsonNode approved = as("province.manager").post("api/stock/counts/" + id + "/approve", "").json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(new BigDecimal(onHandOfLot("province.manager", village, short1.get("material").asText(),
                short1.get("lot").asText()))).isEqualByComparingTo(new BigDecimal(before).subtract(BigDecimal.ONE));
        JsonNode adjustment = as("province.manager").get("api/stock/movements?warehouse=" + village + "&lot="
                + short1.get("lot").asText() + "&size=1").json().get("items").get(0);
        assertThat(adjustment.get("type").asText()).isEqualTo("COUNT_ADJUSTMENT");
        assertThat(adjustment.get("quantity").asText()).isEqualTo("-1");
        assertThat(adjustment.get("reference").asText()).isEqualTo(approved.get("number").asText());
    }

    @Test
    void two_lots_of_one_number_in_a_count_are_told_apart_by_their_id() {
        String village = as("yongjia.manager").get("api/warehouses?level=VILLAGE&division=330324&size=2").json()
                .get("items").get(1).get("code").asText();
        String lot = "K-" + UUID.randomUUID().toString().substring(0, 8);
        Api manager = as("yongjia.manager");
        // the village receives a lot; the county's lot of the same number (other dates) is then transferred in
        assertThat(manager.post("api/stock/movements", receipt(village, "BLANKET", lot, "4",
                LocalDate.now().plusYears(3), key())).status()).isEqualTo(201);
        assertThat(manager.post("api/stock/movements", receipt(YONGJIA, "BLANKET", lot, "6",
                LocalDate.now().plusYears(2), key())).status()).isEqualTo(201);
        assertThat(manager.post("api/stock/movements", transfer(YONGJIA, village, "BLANKET", lot, "1", key()))
                .status()).isEqualTo(201);
        JsonNode count = manager.post("api/stock/counts", "{\"warehouse\":\"" + village + "\"}").json();
        long id = count.get("id").asLong();
        List<JsonNode> twins = new java.util.ArrayList<>();
        count.get("lines").forEach(l -> {
            if (l.get("lot").asText().equals(lot)) {
                twins.add(l);
            }
        });
        assertThat(twins).hasSize(2);
        assertThat(twins.get(0).get("lotId").asLong()).isNotEqualTo(twins.get(1).get("lotId").asLong());
        Api.Reply ambiguous = manager.put("api/stock/counts/" + id + "/lines", "{\"lines\":[{\"material\":\"BLANKET\","
                + "\"lot\":\"" + lot + "\",\"counted\":\"1\"}]}");
        assertProblem(ambiguous, 400, "validation");
        assertThat(ambiguous.text()).contains("lines[0].lotId", "two lots");
        // a lot of another warehouse, named by id, is not in the count: the same answer as a number never used
        assertProblem(manager.put("api/stock/counts/" + id + "/lines", "{\"lines\":[{\"lotId\":1,\"counted\":\"1\"}]}"),
                409, "lot-not-in-count");
        assertProblem(manager.put("api/stock/counts/" + id + "/lines", "{\"lines\":[{\"material\":\"BLANKET\","
                + "\"lot\":\"NEVER-" + lot + "\",\"counted\":\"1\"}]}"), 409, "lot-not-in-count");
        StringBuilder entry = new StringBuilder("{\"lines\":[");
        JsonNode lines = count.get("lines");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            entry.append(i == 0 ? "" : ",").append("{\"lotId\":").append(l.get("lotId").asLong())
                    .append(",\"counted\":\"").append(l.get("expected").asText()).append("\"}");
        }
        JsonNode recorded = manager.put("api/stock/counts/" + id + "/lines", entry.append("]}").toString()).json();
        assertThat(recorded.get("lines").findValuesAsText("variance")).isNotEmpty().allMatch("0"::equals);
        manager.post("api/stock/counts/" + id + "/submit", "");
        assertThat(as("province.manager").post("api/stock/counts/" + id + "/approve", "").json().get("status").asText())
                .isEqualTo("APPROVED");
    }

    // ---- reserve plans -----------------------------------------------------------------------------------

    @Test
    void plan_completion_is_reported_by_level_and_by_division_with_a_shortfall_list() {
        JsonNode byLevel = as("province.manager").get("api/reserve-plans/completion?by=level").json();
        assertThat(byLevel.findValuesAsText("group")).containsExactly("PROVINCE", "CITY", "COUNTY", "TOWNSHIP",
                "VILLAGE");
        for (JsonNode level : byLevel) {
            assertThat(level.get("planLines").asLong()).isPositive();
            assertThat(level.get("completion").asDouble()).isBetween(0.0, 100.0);
        }
        JsonNode wenzhou = as("province.manager").get("api/reserve-plans/completion?by=division&division=3303").json();
        // the city's own warehouse, then one group per county
        assertThat(wenzhou.findValuesAsText("group")).contains("3303", "330324")
                .allSatisfy(g -> assertThat(g.equals("3303") || g.length() == 6 && g.startsWith("3303")).isTrue());

        JsonNode shortfalls = as("yongjia.manager").get("api/reserve-plans?shortOnly=true&size=500").json();
        for (JsonNode line : shortfalls.get("items")) {
            assertThat(line.get("division").asText()).startsWith("330324");
            assertThat(new BigDecimal(line.get("onHand").asText())).isLessThan(new BigDecimal(line.get("target").asText()));
            assertThat(new BigDecimal(line.get("shortfall").asText())).isPositive();
        }
        assertProblem(as("yongjia.manager").get("api/reserve-plans?division=330302"), 403, "outside-jurisdiction");

        Api.Reply report = as("province.manager").get("api/reports/plan-completion.pdf?by=division&division=3303");
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(report.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("储备计划完成情况", "温州市",
                    "永嘉县", "按下级区划");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_hand_edited_target_survives_recomputation() {
        JsonNode line = as("yongjia.manager").get("api/reserve-plans?warehouse=" + YONGJIA + "&material=QUILT-COTTON").json()
                .get("items").get(0);
        JsonNode edited = as("yongjia.manager").put("api/reserve-plans/" + line.get("id").asText(),
                "{\"target\":\"999\",\"version\":" + line.get("version").asLong() + "}").json();
        assertThat(edited.get("target").asText()).isEqualTo("999");
        assertThat(edited.get("source").asText()).isEqualTo("EDITED");
        assertThat(as("yongjia.manager").post("api/reserve-plans/" + line.get("year").asInt() + "/compute", "").json()
                .get("planLines").asInt()).isPositive();
        assertThat(as("yongjia.manager").get("api/reserve-plans?warehouse=" + YONGJIA + "&material=QUILT-COTTON").json()
                .get("items").get(0).get("target").asText()).isEqualTo("999");
        assertProblem(as("yongjia.manager").put("api/reserve-plans/" + line.get("id").asText(),
                "{\"target\":\"5\",\"version\":" + line.get("version").asLong() + "}"), 409, "stale-version");
    }

    // ---- bulk import ---------------------------------------------------------------------------------------

    @Test
    void a_csv_import_is_checked_row_by_row_and_written_all_or_nothing_and_only_once() {
        String lot = "IMP-" + UUID.randomUUID().toString().substring(0, 6);
        String good = "warehouse,material,lot,quantity,expiryDate,unitCost\n"
                + YONGJIA + ",QUILT-COTTON," + lot + "-A,40,,150\n"
                + YONGJIA + ",WATER-550ML-24," + lot + "-B,12," + LocalDate.now().plusDays(300) + ",36.5\n";
        String bad = good + "ZJ-330302,BLANKET," + lot + "-C,5,,\n" + YONGJIA + ",BLANKET," + lot + "-D,-3,,\n";
        Api manager = as("yongjia.manager");

        JsonNode dry = manager.post("api/stock/imports?dryRun=true", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/csv").json();
        assertThat(dry.get("rows").asInt()).isEqualTo(4);
        assertThat(dry.get("written").asBoolean()).isFalse();
        assertThat(dry.get("errors").findValuesAsText("line")).containsExactly("4", "5");
        assertThat(dry.get("errors").get(0).get("reason").asText()).contains("outside your jurisdiction");
        assertThat(dry.get("errors").get(1).get("field").asText()).isEqualTo("quantity");

        Api.Reply refused = manager.post("api/stock/imports", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/csv");
        assertProblem(refused, 400, "validation");
        assertThat(refused.json().get("errors").findValuesAsText("field")).contains("line 5: quantity");
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "QUILT-COTTON", lot + "-A")).as("nothing written").isEqualTo("0");

        byte[] file = good.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(manager.post("api/stock/imports", file, "text/csv").json().get("written").asBoolean()).isTrue();
        assertThat(manager.post("api/stock/imports", file, "text/csv").json().get("written").asBoolean()).isTrue();
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "QUILT-COTTON", lot + "-A")).as("once").isEqualTo("40");
        assertThat(onHandOfLot("yongjia.manager", YONGJIA, "WATER-550ML-24", lot + "-B")).isEqualTo("12");
    }

    @Test
    void an_xlsx_import_reads_the_first_sheet_as_the_user_sees_it_with_chinese_headers() throws Exception {
        String lot = "XL-" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate expiry = LocalDate.now().plusDays(400);
        byte[] xlsx;
        // a workbook as Excel writes one: a date cell with a Chinese date format, a number with a thousands format
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = book.createSheet("入库");
            String[] header = {"仓库", "物资", "批次号", "数量", "有效期至"};
            org.apache.poi.xssf.usermodel.XSSFRow head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            org.apache.poi.xssf.usermodel.XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue(YONGJIA);
            row.createCell(1).setCellValue("WATER-550ML-24");
            row.createCell(2).setCellValue(lot);
            row.createCell(3).setCellValue(1250);
            org.apache.poi.ss.usermodel.CellStyle grouped = book.createCellStyle();
            grouped.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            row.getCell(3).setCellStyle(grouped);
            row.createCell(4).setCellValue(expiry);
            org.apache.poi.ss.usermodel.CellStyle dated = book.createCellStyle();
            dated.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            row.getCell(4).setCellStyle(dated);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            xlsx = out.toByteArray();
        }
        Api.Reply reply = as("yongjia.manager").post("api/stock/imports", xlsx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode balance = as("yongjia.manager").get("api/stock/balances?warehouse=" + YONGJIA
                + "&material=WATER-550ML-24&lot=" + lot).json().get("items").get(0);
        assertThat(balance.get("quantity").asText()).isEqualTo("1250");
        assertThat(balance.get("expiryDate").asText()).isEqualTo(expiry.toString());
    }

    @Test
    void a_broken_workbook_is_a_400_naming_the_file_not_a_server_error() {
        byte[] notAWorkbook = "PK\u0003\u0004 but nothing after".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Api.Reply reply = as("yongjia.manager").post("api/stock/imports?dryRun=true", notAWorkbook,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertProblem(reply, 400, "validation");
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(reply.json().get("errors").get(0).get("reason").asText()).contains("not a readable XLSX workbook");
    }

    @Test
    void the_stock_import_template_downloads_as_xlsx_or_csv_in_either_language() throws Exception {
        Api manager = as("yongjia.manager");
        Api.Reply xlsx = manager.get("api/stock/imports/template");
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("filename=\"stock-receipts-template.xlsx\"", "filename*=UTF-8''"));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("仓库");
        }
        Api.Reply csv = manager.get("api/stock/imports/template?format=csv&lang=en");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).startsWith("\uFEFFwarehouse,material,lot,quantity,");
        assertProblem(manager.get("api/stock/imports/template?format=pdf"), 400, "validation");
        assertThat(manager.getFromServerRoot("openapi").text()).contains("/stock/imports/template");
    }

    // ---- reports ---------------------------------------------------------------------------------------

    @Test
    void the_near_expiry_list_prints_the_county_lots_in_chinese() throws Exception {
        Api.Reply pdf = as("yongjia.manager").get("api/reports/near-expiry.pdf?days=365");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("临期物资清单", "永嘉县", "OB-330324").doesNotContain("ZJ-330302");
        }
        Api.Reply xlsx = as("yongjia.manager").get("api/reports/near-expiry.xlsx?days=365&lang=en");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertProblem(as("yongjia.manager").get("api/reports/near-expiry.pdf?division=330302"), 403,
                "outside-jurisdiction");
    }

    @Test
    void stock_on_hand_is_summed_by_level_and_by_division() throws Exception {
        Api.Reply pdf = as("province.manager").get("api/reports/stock-on-hand.pdf?by=division&division=3303");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("库存汇总", "永嘉县", "棉被");
        }
        assertThat(as("yongjia.manager").get("api/reports/stock-on-hand.xlsx?by=level").status()).isEqualTo(200);
        assertProblem(as("yongjia.manager").get("api/reports/stock-on-hand.pdf?division=330302"), 403,
                "outside-jurisdiction");
        // a division above the jurisdiction is refused too: the county's figures must not go out titled 浙江省
        for (String report : List.of("stock-on-hand.pdf", "near-expiry.pdf", "plan-completion.pdf")) {
            assertProblem(as("yongjia.manager").get("api/reports/" + report + "?division=33"), 403,
                    "outside-jurisdiction");
        }
    }

    @Test
    void the_stock_ledger_of_a_warehouse_prints_its_movements_of_the_period() throws Exception {
        String lot = "L-" + UUID.randomUUID().toString().substring(0, 8);
        long id = as("yongjia.manager").post("api/stock/movements", receipt(YONGJIA, "BLANKET", lot, "9", null, key()))
                .json().get("movement").get("id").asLong();
        as("yongjia.manager").post("api/stock/movements", issue(YONGJIA, "BLANKET", "4", key()).replace("\"quantity\"",
                "\"lot\":\"" + lot + "\",\"reference\":\"FF-2026-17\",\"quantity\""));
        Api.Reply pdf = as("yongjia.manager").get("api/reports/stock-ledger.pdf?warehouse=" + YONGJIA);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("库存台账", "永嘉县", lot, "入库",
                    "毛毯", "期初结存", "期末结存", String.valueOf(id), "FF-2026-17");
        }
        // One lot over a period given by dates: opens at 0, 9 in, 4 out, closes at 5.
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Api.Reply ofLot = as("yongjia.manager").get("api/reports/stock-ledger.pdf?warehouse=" + YONGJIA
                + "&material=BLANKET&lot=" + lot + "&from=" + today + "&to=" + today);
        assertThat(ofLot.status()).as(ofLot.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(ofLot.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("期初结存 毛毯 0 条", "期末结存（本期收入 9，发出 4） 毛毯 5 条");
        }
        assertProblem(as("yongjia.manager").get("api/reports/stock-ledger.pdf?warehouse=" + YONGJIA
                + "&from=2026-02-30"), 400, "validation");
        assertProblem(as("yongjia.manager").get("api/reports/stock-ledger.pdf?warehouse=ZJ-330302"), 403,
                "outside-jurisdiction");
    }

    // ---- warehouses ----------------------------------------------------------------------------------

    @Test
    void warehouses_are_created_inside_the_jurisdiction_and_not_deactivated_while_they_hold_stock() {
        String code = "YJ-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String form = "{\"code\":\"" + code + "\",\"nameZh\":\"永嘉县岩头镇临时储备点\",\"division\":\"330324\","
                + "\"kind\":\"SOCIAL\",\"address\":\"岩头镇\",\"lon\":120.72,\"lat\":28.35,\"floorAreaM2\":60,"
                + "\"volumeM3\":180,\"contactName\":\"张三\",\"contactPhone\":\"0577-88000000\"}";
        Api.Reply created = as("yongjia.manager").post("api/warehouses", form);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("level").asText()).isEqualTo("COUNTY");
        assertProblem(as("yongjia.manager").post("api/warehouses", form.replace(code, code + "X")
                .replace("\"330324\"", "\"330302\"")), 403, "outside-jurisdiction");
        assertProblem(as("yongjia.manager").post("api/warehouses/" + YONGJIA + "/deactivate", ""), 409,
                "warehouse-has-stock");
        assertThat(as("yongjia.manager").post("api/warehouses/" + code + "/deactivate", "").json().get("status")
                .asText()).isEqualTo("INACTIVE");
        assertProblem(as("yongjia.manager").post("api/stock/movements",
                receipt(code, "QUILT-COTTON", "Z-" + code, "1", null, key())), 409, "warehouse-inactive");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private int total(String path) {
        return as("dispatcher").get(path + (path.contains("?") ? "&" : "?") + "size=1").json().get("total").asInt();
    }

    private String firstTownshipPoint(String county) {
        return as("yongjia.manager").get("api/warehouses?level=TOWNSHIP&division=" + county + "&size=1").json()
                .get("items").get(0).get("code").asText();
    }

    private String onHand(String user, String warehouse, String material) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode b : as(user).get("api/stock/balances?warehouse=" + warehouse + "&material=" + material
                + "&size=500").json().get("items")) {
            sum = sum.add(new BigDecimal(b.get("quantity").asText()));
        }
        return sum.toPlainString();
    }

    private String onHandOfLot(String user, String warehouse, String material, String lot) {
        JsonNode items = as(user).get("api/stock/balances?warehouse=" + warehouse + "&material=" + material + "&lot="
                + lot).json().get("items");
        return items.isEmpty() ? "0" : items.get(0).get("quantity").asText();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String receipt(String warehouse, String material, String lot, String quantity, LocalDate expiry,
                                  String key) {
        return "{\"type\":\"RECEIPT\",\"warehouse\":\"" + warehouse + "\",\"material\":\"" + material + "\",\"lot\":\""
                + lot + "\",\"quantity\":\"" + quantity + "\",\"reason\":\"采购入库\",\"idempotencyKey\":\"" + key
                + "\",\"source\":\"PURCHASE\",\"unitCost\":{\"amount\":\"35.80\",\"currency\":\"CNY\"}"
                + (expiry == null ? "" : ",\"expiryDate\":\"" + expiry + "\"") + "}";
    }

    private static String issue(String warehouse, String material, String quantity, String key) {
        return "{\"type\":\"ISSUE\",\"warehouse\":\"" + warehouse + "\",\"material\":\"" + material
                + "\",\"quantity\":\"" + quantity + "\",\"reason\":\"发放\",\"idempotencyKey\":\"" + key + "\"}";
    }

    private static String transfer(String from, String to, String material, String lot, String quantity, String key) {
        return "{\"type\":\"TRANSFER\",\"warehouse\":\"" + from + "\",\"toWarehouse\":\"" + to + "\",\"material\":\""
                + material + "\",\"lot\":\"" + lot + "\",\"quantity\":\"" + quantity + "\",\"reason\":\"调拨\","
                + "\"idempotencyKey\":\"" + key + "\"}";
    }

    private static String transfer(String from, String to, String material, String quantity, String key) {
        return "{\"type\":\"TRANSFER\",\"warehouse\":\"" + from + "\",\"toWarehouse\":\"" + to + "\",\"material\":\""
                + material + "\",\"quantity\":\"" + quantity + "\",\"reason\":\"调拨\",\"idempotencyKey\":\"" + key + "\"}";
    }

    private static String reversal(long movement) {
        return "{\"type\":\"REVERSAL\",\"reverses\":" + movement + ",\"reason\":\"录入错误冲销\",\"idempotencyKey\":\""
                + key() + "\"}";
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/" + type);
    }
}
