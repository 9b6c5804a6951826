package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Relief planning through the API on a real Payara Micro and PostgreSQL, on the province road network:
 * a plan made from the database and solved in the background (by a fixed number of search steps, so the
 * verdict does not depend on the machine), approved into ISSUE movements equal to its loads lot by lot,
 * refused with nothing written when stock moved, limited to the planner's own jurisdiction, and its trips
 * reported from the field (a report sent twice counts once; what comes back is received back into stock).
 */
@ExtendWith(ArquillianExtension.class)
class DispatchApiIT {

    private static final String YONGJIA = "330324";
    private static final Duration PATIENCE = Duration.ofSeconds(600);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("dispatch");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    /** An incident in Yongjia, started an hour ago, with people reported at a few villages of one township. */
    private long incidentWithVillages(Api d, int villages) {
        return incidentWithVillages(d, villages, Instant.now().minus(Duration.ofHours(1)));
    }

    private long incidentWithVillages(Api d, int villages, Instant startedAt) {
        String started = startedAt.toString();
        Api.Reply declared = d.post("api/incidents", "{\"kind\":\"FLOOD\",\"name\":\"永嘉山洪调度\",\"responseLevel\":\"IV\","
                + "\"affectedDivisions\":[\"" + YONGJIA + "\"],\"startedAt\":\"" + started + "\"}");
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        long id = declared.json().get("id").asLong();
        String township = d.get("api/divisions?level=TOWNSHIP&parent=" + YONGJIA + "&size=1").json()
                .get("items").get(0).get("code").asText();
        List<String> reports = new ArrayList<>();
        d.get("api/divisions?level=VILLAGE&parent=" + township + "&size=" + villages).json().get("items")
                .forEach(v -> reports.add("{\"division\":\"" + v.get("code").asText() + "\",\"people\":"
                        + (40 + 10 * reports.size()) + ",\"relocated\":" + (5 + reports.size()) + "}"));
        Api.Reply reported = d.post("api/incidents/" + id + "/affected", "[" + String.join(",", reports) + "]");
        assertThat(reported.status()).as(reported.text()).isEqualTo(201);
        return id;
    }

    private JsonNode planAndWait(Api d, long incident) throws InterruptedException {
        // 300 steps: the same search on any machine; 180 s: however the search goes, it ends well within the patience.
        Api.Reply started = d.post("api/incidents/" + incident + "/plans", "{\"seconds\":180,\"steps\":300}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        assertThat(started.json().get("status").asText()).isIn("QUEUED", "SOLVING");
        // Not known before the first plan: written as null, as the API description says, not left out.
        assertThat(started.json().has("fleetBound")).as(started.text()).isTrue();
        assertThat(started.json().get("fleetBound").isNull()).isTrue();
        assertThat(started.json().get("scarcityBound").isNull()).isTrue();
        return waitFor(d, started.json().get("id").asLong());
    }

    private JsonNode waitFor(Api d, long id) throws InterruptedException {
        long until = System.nanoTime() + PATIENCE.toNanos();
        JsonNode plan = d.get("api/plans/" + id).json();
        while (System.nanoTime() < until) {
            plan = d.get("api/plans/" + id).json();
            if (!List.of("QUEUED", "SOLVING").contains(plan.get("status").asText())) {
                return plan;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("plan " + id + " still " + plan.get("status").asText() + " after " + PATIENCE);
    }

    @Test
    void a_plan_from_the_database_is_approved_into_issue_movements_equal_to_its_loads_lot_by_lot() throws Exception {
        Api d = as("wenzhou.dispatcher");
        long incident = incidentWithVillages(d, 4);
        JsonNode plan = planAndWait(d, incident);
        assertThat(plan.get("status").asText()).as(plan.toString()).isEqualTo("DONE");
        long affected = plan.get("affectedPeople").asLong();
        assertThat(affected).isEqualTo(40 + 50 + 60 + 70);
        assertThat(plan.get("peopleInTime").asLong()).isBetween(0L, plan.get("bound").asLong());
        assertThat(plan.get("bound").asLong()).isBetween(1L, affected);
        // The scarcity bound counts stock and fleet together: no plan above it, never above the fleet bound.
        assertThat(plan.get("fleetBound").isNumber() && plan.get("scarcityBound").isNumber()).as("both bounds known once done: "
                + plan).isTrue();
        assertThat(plan.get("scarcityBound").asLong()).isBetween(plan.get("peopleInTime").asLong(),
                plan.get("fleetBound").asLong());
        assertThat(plan.get("progress")).isNotEmpty();
        assertThat(plan.get("summary").asText()).contains("4 points", "synthetic province road network");

        JsonNode solution = d.get("api/plans/" + plan.get("id").asLong() + "/solution").json();
        assertThat(solution.get("trips")).isNotEmpty();
        assertThat(solution.get("points")).hasSize(4);
        JsonNode routes = d.get("api/plans/" + plan.get("id").asLong() + "/routes").json();
        assertThat(routes.get("features").findValuesAsText("kind")).filteredOn("trip"::equals).hasSize(solution.get("trips").size());
        assertThat(routes.get("features").findValuesAsText("kind")).filteredOn("point"::equals).hasSize(4);
        assertThat(d.get("api/plans/" + plan.get("id").asLong() + "/deliveries?size=2").json().get("total").asInt()).isEqualTo(4);

        // What the plan loads, per warehouse and material.
        Map<String, BigDecimal> planned = new HashMap<>();
        for (JsonNode t : solution.get("trips")) {
            for (JsonNode s : t.get("stops")) {
                for (JsonNode l : s.get("lines")) {
                    planned.merge(t.get("warehouseId").asText() + "/" + l.get("material").asText(),
                            new BigDecimal(l.get("quantity").asText()), BigDecimal::add);
                }
            }
        }

        Api.Reply approved = d.post("api/plans/" + plan.get("id").asLong() + "/approve",
                "{\"version\":" + d.get("api/plans/" + plan.get("id").asLong()).json().get("version").asLong() + "}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("trips").asInt()).isEqualTo(solution.get("trips").size());
        assertThat(d.get("api/plans/" + plan.get("id").asLong()).json().get("status").asText()).isEqualTo("APPROVED");

        // The trips' loads, lot by lot, are exactly the ISSUE movements of the ledger, and add up to the plan.
        JsonNode trips = d.get("api/trips?incident=" + incident).json();
        assertThat(trips).hasSize(solution.get("trips").size());
        Map<String, BigDecimal> loadedByLot = new HashMap<>();
        Map<String, BigDecimal> loadedByMaterial = new HashMap<>();
        Set<String> warehouses = new HashSet<>();
        for (JsonNode t : trips) {
            assertThat(t.get("vehicle").asText()).as("a Wenzhou dispatcher plans with Wenzhou vehicles").startsWith("浙C");
            assertThat(t.get("status").asText()).isEqualTo("PLANNED");
            for (JsonNode l : t.get("loads")) {
                warehouses.add(l.get("warehouseCode").asText());
                loadedByLot.merge(l.get("warehouseCode").asText() + "/" + l.get("lot").asText(),
                        new BigDecimal(l.get("quantity").asText()), BigDecimal::add);
                loadedByMaterial.merge(l.get("warehouseCode").asText() + "/" + l.get("material").asText(),
                        new BigDecimal(l.get("quantity").asText()), BigDecimal::add);
            }
        }
        // One ISSUE per warehouse, material and lot for the whole plan, referring to plan and incident.
        Map<String, BigDecimal> issuedByLot = new HashMap<>();
        for (String w : warehouses) {
            assertThat(w).as("only warehouses of Wenzhou").startsWith("ZJ-3303");
            for (JsonNode m : issuesOf(plan, w)) {
                issuedByLot.merge(w + "/" + m.get("lot").asText(), new BigDecimal(m.get("quantity").asText()).negate(),
                        BigDecimal::add);
            }
        }
        assertThat(normalized(issuedByLot)).isEqualTo(normalized(loadedByLot));
        assertThat(loadedByMaterial.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(planned.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));

        // One approved plan per incident; a second approval is refused.
        assertProblem(d.post("api/plans/" + plan.get("id").asLong() + "/approve", "{}"), 409);

        // A trip that never leaves (a breakdown at the warehouse) returns everything it was issued, lot by lot.
        JsonNode last = trips.get(trips.size() - 1);
        JsonNode load = last.get("loads").get(0);
        BigDecimal before = onHand(load.get("warehouseCode").asText(), load.get("material").asText());
        BigDecimal issued = BigDecimal.ZERO;
        for (JsonNode l : last.get("loads")) {
            if (l.get("material").asText().equals(load.get("material").asText())
                    && l.get("warehouseCode").asText().equals(load.get("warehouseCode").asText())) {
                issued = issued.add(new BigDecimal(l.get("quantity").asText()));
            }
        }
        JsonNode back = report(d, last.get("id").asLong(), "{\"key\":\"breakdown\",\"type\":\"RETURNED\",\"note\":\"车辆故障\"}");
        assertThat(back.get("status").asText()).isEqualTo("RETURNED");
        assertThat(onHand(load.get("warehouseCode").asText(), load.get("material").asText()))
                .isEqualByComparingTo(before.add(issued));
    }

    @Test
    void approval_after_stock_moved_writes_nothing_and_names_warehouse_material_and_quantity() throws Exception {
        Api d = as("wenzhou.dispatcher");
        long incident = incidentWithVillages(d, 3);
        JsonNode plan = planAndWait(d, incident);
        JsonNode solution = d.get("api/plans/" + plan.get("id").asLong() + "/solution").json();
        JsonNode trip = solution.get("trips").get(0);
        String material = trip.get("stops").get(0).get("lines").get(0).get("material").asText();
        String warehouse = trip.get("warehouseCode").asText();

        // Someone issues every usable unit of that material from that warehouse meanwhile.
        JsonNode balances = as("province.manager").get("api/stock/balances?warehouse=" + warehouse + "&material=" + material
                + "&size=500").json().get("items");
        BigDecimal all = BigDecimal.ZERO;
        for (JsonNode b : balances) {
            if (!b.get("expired").asBoolean()) {
                all = all.add(new BigDecimal(b.get("quantity").asText()));
            }
        }
        Api.Reply issued = as("province.manager").post("api/stock/movements", "{\"type\":\"ISSUE\",\"warehouse\":\""
                + warehouse + "\",\"material\":\"" + material + "\",\"quantity\":\"" + all.toPlainString()
                + "\",\"reason\":\"另行发放\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        int movementsBefore = as("province.manager").get("api/stock/movements?warehouse=" + warehouse + "&size=1").json()
                .get("total").asInt();

        Api.Reply refused = d.post("api/plans/" + plan.get("id").asLong() + "/approve", "{}");
        assertProblem(refused, 409);
        assertThat(refused.json().get("type").asText()).endsWith("/stock-moved");
        assertThat(refused.json().get("detail").asText()).contains(warehouse, material, "usable now 0");
        assertThat(d.get("api/trips?incident=" + incident).json()).as("no dispatch order written").isEmpty();
        assertThat(as("province.manager").get("api/stock/movements?warehouse=" + warehouse + "&size=1").json()
                .get("total").asInt()).as("no movement written").isEqualTo(movementsBefore);
        assertThat(d.get("api/plans/" + plan.get("id").asLong()).json().get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void approval_while_a_loading_warehouse_is_counted_writes_nothing_and_goes_through_once_the_count_is_approved()
            throws Exception {
        Api d = as("wenzhou.dispatcher");
        long incident = incidentWithVillages(d, 3);
        JsonNode plan = planAndWait(d, incident);
        long planId = plan.get("id").asLong();
        // The last trip's warehouse: a check that looked at the first line of the approval only would miss it.
        JsonNode planned = d.get("api/plans/" + planId + "/solution").json().get("trips");
        String warehouse = planned.get(planned.size() - 1).get("warehouseCode").asText();

        // The province's manager starts counting a warehouse the plan loads from: its stock stands still.
        Api manager = as("province.manager");
        JsonNode count = manager.post("api/stock/counts", "{\"warehouse\":\"" + warehouse + "\"}").json();
        int movementsBefore = manager.get("api/stock/movements?warehouse=" + warehouse + "&size=1").json().get("total").asInt();
        Api.Reply refused = d.post("api/plans/" + planId + "/approve", "{}");
        assertProblem(refused, 409);
        assertThat(refused.json().get("type").asText()).endsWith("/count-open");
        assertThat(refused.json().get("detail").asText()).contains(warehouse, count.get("number").asText());
        assertThat(d.get("api/trips?incident=" + incident).json()).as("no dispatch order written").isEmpty();
        assertThat(manager.get("api/stock/movements?warehouse=" + warehouse + "&size=1").json().get("total").asInt())
                .as("no movement written").isEqualTo(movementsBefore);
        assertThat(d.get("api/plans/" + planId).json().get("status").asText()).isEqualTo("DONE");

        // Counted as expected, submitted, approved by a second manager: the plan is approved and issues.
        StringBuilder entry = new StringBuilder("{\"lines\":[");
        JsonNode lines = count.get("lines");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            entry.append(i == 0 ? "" : ",").append("{\"material\":\"").append(l.get("material").asText())
                    .append("\",\"lot\":\"").append(l.get("lot").asText()).append("\",\"counted\":\"")
                    .append(l.get("expected").asText()).append("\"}");
        }
        assertThat(manager.put("api/stock/counts/" + count.get("id").asLong() + "/lines", entry.append("]}").toString())
                .status()).isEqualTo(200);
        assertThat(manager.post("api/stock/counts/" + count.get("id").asLong() + "/submit", "").status()).isEqualTo(200);
        String second = "it." + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = as("admin").post("api/users", "{\"username\":\"" + second + "\",\"displayName\":\"盘点复核\","
                + "\"role\":\"WAREHOUSE_MANAGER\",\"jurisdiction\":\"33\",\"password\":\"secret-123\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Api.Reply closed = Api.as(base, second, "secret-123").post("api/stock/counts/" + count.get("id").asLong() + "/approve", "");
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        Api.Reply approved = d.post("api/plans/" + planId + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(manager.get("api/stock/movements?warehouse=" + warehouse + "&size=1").json().get("total").asInt())
                .as("issued from the counted warehouse").isGreaterThan(movementsBefore);

        // Each ISSUE of the approval (written in one statement for all lines) leaves its lot at what was counted
        // less what it issued.
        Map<String, BigDecimal> counted = new HashMap<>();
        lines.forEach(l -> counted.put(l.get("material").asText() + "/" + l.get("lot").asText(),
                new BigDecimal(l.get("expected").asText())));
        List<JsonNode> issues = issuesOf(plan, warehouse);
        assertThat(issues).isNotEmpty();
        for (JsonNode m : issues) {
            BigDecimal before = counted.get(m.get("material").asText() + "/" + m.get("lot").asText());
            assertThat(before).as("an issued lot was counted: " + m).isNotNull();
            assertThat(new BigDecimal(m.get("balanceAfter").asText()))
                    .as(m.toString()).isEqualByComparingTo(before.add(new BigDecimal(m.get("quantity").asText())));
        }
    }

    /** The ISSUE movements an approved plan wrote at one warehouse (its reference names plan and incident). */
    private List<JsonNode> issuesOf(JsonNode plan, String warehouse) {
        String reference = "relief plan " + plan.get("number").asInt() + " of " + plan.get("incidentNumber").asText();
        List<JsonNode> issues = new ArrayList<>();
        for (JsonNode m : as("province.manager").get("api/stock/movements?warehouse=" + warehouse + "&size=500").json()
                .get("items")) {
            if (m.get("type").asText().equals("ISSUE") && m.get("reference").asText().equals(reference)) {
                issues.add(m);
            }
        }
        return issues;
    }

    @Test
    void a_county_dispatcher_plans_only_with_the_county_s_warehouses_and_vehicles_and_others_cannot_plan() throws Exception {
        String name = "it." + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"永嘉调度\","
                + "\"role\":\"DISPATCHER\",\"jurisdiction\":\"" + YONGJIA + "\",\"password\":\"secret-123\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Api county = Api.as(base, name, "secret-123");
        long incident = incidentWithVillages(county, 3);
        JsonNode plan = planAndWait(county, incident);
        JsonNode solution = county.get("api/plans/" + plan.get("id").asLong() + "/solution").json();
        for (JsonNode t : solution.get("trips")) {
            assertThat(t.get("warehouseCode").asText()).startsWith("ZJ-" + YONGJIA);
        }
        // Others may look (the city sees its county's incident) but not plan or approve; a warehouse manager neither.
        assertProblem(as("yongjia.manager").post("api/incidents/" + incident + "/plans", "{}"), 403);
        assertProblem(as("yongjia.manager").post("api/plans/" + plan.get("id").asLong() + "/approve", "{}"), 403);
        assertProblem(county.post("api/incidents/" + incident + "/plans", "{\"seconds\":1}"), 400);
        assertProblem(county.get("api/plans/987654321"), 404);

        // An incident whose relief deadline has passed is not planned against it: the dispatcher sets the next one.
        long old = incidentWithVillages(county, 1, Instant.now().minus(Duration.ofHours(11)));
        Api.Reply late = county.post("api/incidents/" + old + "/plans", "{}");
        assertProblem(late, 409);
        assertThat(late.json().get("type").asText()).endsWith("/deadline-passed");
    }

    @Test
    void field_reports_move_a_trip_along_a_report_sent_twice_counts_once_and_unused_relief_returns_to_stock() throws Exception {
        Api d = as("wenzhou.dispatcher");
        long incident = incidentWithVillages(d, 2);
        JsonNode plan = planAndWait(d, incident);
        Api.Reply approved = d.post("api/plans/" + plan.get("id").asLong() + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        JsonNode trip = d.get("api/trips?incident=" + incident).json().get(0);
        long id = trip.get("id").asLong();
        JsonNode firstStop = trip.get("stops").get(0);
        JsonNode line = firstStop.get("lines").get(0);
        String material = line.get("material").asText();
        BigDecimal planned = new BigDecimal(line.get("planned").asText());
        String lotWarehouse = trip.get("loads").get(0).get("warehouseCode").asText();
        BigDecimal before = onHand(lotWarehouse, material);

        report(d, id, "{\"key\":\"k1\",\"type\":\"LOADED\"}");
        report(d, id, "{\"key\":\"k2\",\"type\":\"DEPARTED\"}");
        report(d, id, "{\"key\":\"k3\",\"type\":\"ARRIVED\",\"stop\":1}");
        String delivery = "{\"key\":\"k4\",\"type\":\"DELIVERED\",\"stop\":1,\"receiver\":\"村支书 王某\",\"lines\":[{\"material\":\""
                + material + "\",\"received\":0,\"damaged\":0}]}";
        report(d, id, delivery);
        JsonNode again = report(d, id, delivery); // the same report from a bad connection
        assertThat(again.get("events")).as("counted once").hasSize(4);
        Api.Reply reused = d.post("api/trips/" + id + "/events", "{\"key\":\"k4\",\"type\":\"RETURNED\"}");
        assertProblem(reused, 409);
        assertThat(reused.json().get("type").asText()).endsWith("/key-reused");
        assertProblem(d.post("api/trips/" + id + "/events", "{\"key\":\"k9\",\"type\":\"DELIVERED\",\"stop\":2,"
                + "\"receiver\":\"x\",\"lines\":[null]}"), 400);
        assertProblem(d.post("api/trips/" + id + "/events", "{\"key\":\"k5\",\"type\":\"DELIVERED\",\"stop\":1,"
                + "\"receiver\":\"x\"}"), 409);
        assertProblem(d.post("api/trips/" + id + "/events", "{\"type\":\"RETURNED\"}"), 400);

        JsonNode back = report(d, id, "{\"key\":\"k6\",\"type\":\"RETURNED\"}");
        assertThat(back.get("status").asText()).isEqualTo("RETURNED");
        // Nothing of that material was received at stop 1: it comes back, with whatever later stops did not get.
        BigDecimal returned = BigDecimal.ZERO;
        for (JsonNode l : back.get("loads")) {
            if (l.get("material").asText().equals(material)) {
                returned = returned.add(new BigDecimal(l.get("returned").asText()));
            }
        }
        assertThat(returned).isGreaterThanOrEqualTo(planned);
        assertThat(onHand(lotWarehouse, material)).isEqualByComparingTo(before.add(returned));
        assertThat(as("wenzhou.dispatcher").get("api/trips?incident=" + incident + "&status=RETURNED").json()).hasSize(1);
    }


    /**
     * A plan being carried out is revised: one trip is on the road, people at the villages the other orders
     * serve turn out fewer, two new villages report people. The revision leaves the trip on the road as it
     * is, replaces the orders not yet loaded, and its approval issues, per warehouse and material, only what
     * it needs beyond what those orders held, and returns only what they held beyond its need.
     */
    @Test
    void a_revision_keeps_what_is_on_board_and_issues_and_returns_only_the_difference() throws Exception {
        Api d = as("wenzhou.dispatcher");
        long incident = incidentWithVillages(d, 6);
        JsonNode plan = planAndWait(d, incident);
        long first = plan.get("id").asLong();
        assertThat(d.post("api/plans/" + first + "/revise", "{\"steps\":300}").status())
                .as("only the approved plan is revised").isEqualTo(409);
        Api.Reply approved = d.post("api/plans/" + first + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        JsonNode trips = d.get("api/trips?incident=" + incident).json();
        JsonNode onRoad = trips.get(0);
        report(d, onRoad.get("id").asLong(), "{\"key\":\"r1\",\"type\":\"LOADED\"}");
        onRoad = report(d, onRoad.get("id").asLong(), "{\"key\":\"r2\",\"type\":\"DEPARTED\"}");
        Set<String> onRoadVillages = new HashSet<>();
        onRoad.get("stops").forEach(s -> onRoadVillages.add(s.get("division").asText()));

        // What the orders not yet loaded hold, per warehouse and material.
        Map<String, BigDecimal> held = new HashMap<>();
        Set<String> others = new HashSet<>();
        for (JsonNode t : trips) {
            if (t.get("id").asLong() != onRoad.get("id").asLong()) {
                t.get("loads").forEach(l -> held.merge(l.get("warehouseCode").asText() + "/" + l.get("material").asText(),
                        new BigDecimal(l.get("quantity").asText()), BigDecimal::add));
                t.get("stops").forEach(s -> others.add(s.get("division").asText()));
            }
        }
        others.removeAll(onRoadVillages);
        List<String> reports = new ArrayList<>();
        others.forEach(v -> reports.add("{\"division\":\"" + v + "\",\"people\":12,\"relocated\":2}"));
        String township = d.get("api/divisions?level=TOWNSHIP&parent=" + YONGJIA + "&size=2").json()
                .get("items").get(1).get("code").asText();
        d.get("api/divisions?level=VILLAGE&parent=" + township + "&size=2").json().get("items")
                .forEach(v -> reports.add("{\"division\":\"" + v.get("code").asText() + "\",\"people\":90,\"relocated\":30}"));
        Api.Reply more = d.post("api/incidents/" + incident + "/affected", "[" + String.join(",", reports) + "]");
        assertThat(more.status()).as(more.text()).isEqualTo(201);

        Api.Reply started = d.post("api/plans/" + first + "/revise", "{\"steps\":300}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        assertThat(started.json().get("revisesId").asLong()).isEqualTo(first);
        JsonNode revision = waitFor(d, started.json().get("id").asLong());
        assertThat(revision.get("status").asText()).as(revision.toString()).isEqualTo("DONE");
        JsonNode solution = d.get("api/plans/" + revision.get("id").asLong() + "/solution").json();
        Map<String, BigDecimal> needed = new HashMap<>();
        for (JsonNode t : solution.get("trips")) {
            for (JsonNode s : t.get("stops")) {
                for (JsonNode l : s.get("lines")) {
                    needed.merge(t.get("warehouseCode").asText() + "/" + l.get("material").asText(),
                            new BigDecimal(l.get("quantity").asText()), BigDecimal::add);
                }
            }
        }

        // Before approval the revision says what approving it would issue and return.
        JsonNode preview = d.get("api/plans/" + revision.get("id").asLong() + "/revision").json();
        assertThat(preview.get("ordersReplaced").asInt()).isEqualTo(trips.size() - 1);
        assertThat(preview.get("ordersUnderWay").asInt()).isEqualTo(1);
        Map<String, String> previewIssue = new HashMap<>();
        Map<String, String> previewReturn = new HashMap<>();
        for (JsonNode c : preview.get("stock")) {
            String k = c.get("warehouseCode").asText() + "/" + c.get("material").asText();
            if (c.get("toIssue").asLong() > 0) {
                previewIssue.put(k, c.get("toIssue").asText());
            }
            if (c.get("toReturn").asLong() > 0) {
                previewReturn.put(k, c.get("toReturn").asText());
            }
        }

        Api.Reply approval = d.post("api/plans/" + revision.get("id").asLong() + "/approve", "{}");
        assertThat(approval.status()).as(approval.text()).isEqualTo(200);
        assertThat(d.get("api/plans/" + first).json().get("status").asText()).isEqualTo("REVISED");
        assertThat(d.get("api/plans/" + revision.get("id").asLong()).json().get("status").asText()).isEqualTo("APPROVED");
        Set<String> newNumbers = new HashSet<>();
        approval.json().get("tripNumbers").forEach(n -> newNumbers.add(n.asText()));

        // The trip on the road is as it was; the orders not yet loaded are replaced.
        for (JsonNode t : d.get("api/trips?incident=" + incident).json()) {
            if (t.get("id").asLong() == onRoad.get("id").asLong()) {
                assertThat(t.get("status").asText()).isEqualTo("DEPARTED");
                assertThat(t.get("loads").toString()).isEqualTo(onRoad.get("loads").toString());
            } else if (!newNumbers.contains(t.get("number").asText())) {
                assertThat(t.get("status").asText()).as(t.get("number").asText()).isEqualTo("CANCELLED");
            }
        }

        // Per warehouse and material: issued = need beyond what was held, returned = held beyond need, never both.
        Set<String> keys = new HashSet<>(held.keySet());
        keys.addAll(needed.keySet());
        Map<String, String> expectedIssued = new HashMap<>();
        Map<String, String> expectedReturned = new HashMap<>();
        Map<String, String> issued = new HashMap<>();
        Map<String, String> returned = new HashMap<>();
        String reference = "relief plan " + revision.get("number").asInt() + " of "
                + revision.get("incidentNumber").asText();
        for (String k : keys) {
            BigDecimal diff = needed.getOrDefault(k, BigDecimal.ZERO).subtract(held.getOrDefault(k, BigDecimal.ZERO));
            if (diff.signum() > 0) {
                expectedIssued.put(k, diff.stripTrailingZeros().toPlainString());
            } else if (diff.signum() < 0) {
                expectedReturned.put(k, diff.negate().stripTrailingZeros().toPlainString());
            }
            String[] wm = k.split("/");
            BigDecimal out = BigDecimal.ZERO;
            BigDecimal in = BigDecimal.ZERO;
            for (JsonNode m : as("province.manager").get("api/stock/movements?warehouse=" + wm[0] + "&material=" + wm[1]
                    + "&size=500").json().get("items")) {
                if (m.get("reference").asText().equals(reference)) {
                    BigDecimal q = new BigDecimal(m.get("quantity").asText());
                    if (m.get("type").asText().equals("ISSUE")) {
                        out = out.subtract(q);
                    } else if (m.get("type").asText().equals("RECEIPT")) {
                        in = in.add(q);
                    }
                }
            }
            if (out.signum() != 0) {
                issued.put(k, out.stripTrailingZeros().toPlainString());
            }
            if (in.signum() != 0) {
                returned.put(k, in.stripTrailingZeros().toPlainString());
            }
        }
        assertThat(issued).isEqualTo(expectedIssued).isEqualTo(previewIssue);
        assertThat(returned).isEqualTo(expectedReturned).isEqualTo(previewReturn);
        assertThat(d.get("api/plans/" + revision.get("id").asLong() + "/revision").status()).isEqualTo(404);
        assertThat(approval.json().get("returns").asInt() > 0).as("returns counted").isEqualTo(!expectedReturned.isEmpty());
        assertThat(expectedIssued.size() + expectedReturned.size()).as("the revision changed something").isPositive();

        // The new orders load exactly their planned lines; vehicles of replaced orders not used again are free.
        Set<String> stillBusy = new HashSet<>();
        for (JsonNode t : d.get("api/trips?incident=" + incident).json()) {
            if (!t.get("status").asText().equals("CANCELLED")) {
                stillBusy.add(t.get("vehicle").asText());
            }
            if (newNumbers.contains(t.get("number").asText())) {
                Map<String, BigDecimal> lines = new HashMap<>();
                t.get("stops").forEach(st -> st.get("lines").forEach(l -> lines.merge(l.get("material").asText(),
                        new BigDecimal(l.get("planned").asText()), BigDecimal::add)));
                Map<String, BigDecimal> loads = new HashMap<>();
                t.get("loads").forEach(l -> loads.merge(l.get("material").asText(),
                        new BigDecimal(l.get("quantity").asText()), BigDecimal::add));
                assertThat(normalized(loads)).as(t.get("number").asText()).isEqualTo(normalized(lines));
            }
        }
        for (JsonNode t : trips) {
            String vehicle = t.get("vehicle").asText();
            if (!stillBusy.contains(vehicle)) {
                assertThat(d.get("api/vehicles/" + java.net.URLEncoder.encode(vehicle, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20")).json().get("status").asText()).as(vehicle).isEqualTo("AVAILABLE");
            }
        }

        // A second revision made before one of its orders is loaded is refused once the order is loaded.
        Api.Reply again = d.post("api/plans/" + revision.get("id").asLong() + "/revise", "{\"steps\":100}");
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        JsonNode second = waitFor(d, again.json().get("id").asLong());
        JsonNode open = null;
        for (JsonNode t : d.get("api/trips?incident=" + incident + "&status=PLANNED").json()) {
            open = t;
        }
        assertThat(open).as("the revision's own orders wait to be loaded").isNotNull();
        report(d, open.get("id").asLong(), "{\"key\":\"r3\",\"type\":\"LOADED\"}");
        Api.Reply refused = d.post("api/plans/" + second.get("id").asLong() + "/approve", "{}");
        assertProblem(refused, 409);
        assertThat(refused.json().get("type").asText()).endsWith("/orders-moved-on");
        assertThat(d.get("api/plans/" + revision.get("id").asLong()).json().get("status").asText()).isEqualTo("APPROVED");
    }

    /**
     * A township of Yongjia with no vehicles (so no truck base with stock): its dispatcher registers a truck at a
     * new, empty warehouse there. Without fast-track the plan has nothing to carry; with it, the truck is
     * supplied from the nearest warehouse outside the township through an emergency allocation order,
     * written on approval; the truck loads only once that order has been shipped and received.
     */
    @Test
    void stock_outside_the_jurisdiction_is_used_only_through_emergency_fast_track_orders() throws Exception {
        JsonNode township = null;
        for (JsonNode t : as("province.manager").get("api/divisions?level=TOWNSHIP&parent=" + YONGJIA + "&size=100").json()
                .get("items")) {
            boolean noVehicles = as("dispatcher").get("api/vehicles?division=" + t.get("code").asText() + "&size=1").json()
                    .get("total").asInt() == 0;
            if (noVehicles) {
                township = t;
                break;
            }
        }
        assertThat(township).as("a Yongjia township without vehicles (its stock, if any, no truck of its own loads)").isNotNull();
        String code = township.get("code").asText();
        String name = "it." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"乡镇调度\","
                + "\"role\":\"DISPATCHER\",\"jurisdiction\":\"" + code + "\",\"password\":\"secret-123\"}").status()).isEqualTo(201);
        Api d = Api.as(base, name, "secret-123");
        String warehouse = "IT-FT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.Reply created = as("province.manager").post("api/warehouses", "{\"code\":\"" + warehouse + "\",\"nameZh\":\"乡镇应急集结点\","
                + "\"division\":\"" + code + "\",\"kind\":\"GOVERNMENT\",\"lon\":" + township.get("position").get("lon")
                + ",\"lat\":" + township.get("position").get("lat") + ",\"floorAreaM2\":200,\"volumeM3\":600,"
                + "\"address\":\"乡政府院内\",\"contactName\":\"林主任\",\"contactPhone\":\"13905770004\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String plate = "浙C" + UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase() + "F";
        Api.Reply truck = d.post("api/vehicles", "{\"registration\":\"" + plate + "\",\"kind\":\"TRUCK\",\"division\":\""
                + code + "\",\"capacityKg\":8000,\"capacityM3\":30,\"heightM\":3.6,\"widthM\":2.5,\"grossWeightT\":16,"
                + "\"base\":\"" + warehouse + "\",\"ownerKind\":\"OWNED\",\"dutyHoursPerDay\":12,\"crewName\":\"陈师傅\","
                + "\"crewPhone\":\"13905770003\"}");
        assertThat(truck.status()).as(truck.text()).isEqualTo(201);

        Api.Reply declared = d.post("api/incidents", "{\"kind\":\"LANDSLIDE\",\"name\":\"乡镇山体滑坡\",\"responseLevel\":\"IV\","
                + "\"affectedDivisions\":[\"" + code + "\"],\"startedAt\":\"" + Instant.now().minus(Duration.ofMinutes(30)) + "\"}");
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        long incident = declared.json().get("id").asLong();
        List<String> reports = new ArrayList<>();
        d.get("api/divisions?level=VILLAGE&parent=" + code + "&size=2").json().get("items")
                .forEach(v -> reports.add("{\"division\":\"" + v.get("code").asText() + "\",\"people\":30,\"relocated\":10}"));
        assertThat(d.post("api/incidents/" + incident + "/affected", "[" + String.join(",", reports) + "]").status()).isEqualTo(201);

        // Without fast-track: nothing of the township's own to carry.
        Api.Reply alone = d.post("api/incidents/" + incident + "/plans", "{\"steps\":100}");
        assertThat(alone.status()).as(alone.text()).isEqualTo(201);
        JsonNode own = waitFor(d, alone.json().get("id").asLong());
        assertThat(d.get("api/plans/" + own.get("id").asLong() + "/solution").json().get("trips")).isEmpty();

        // With fast-track: the truck carries stock of a warehouse outside the township, through an emergency order.
        Api.Reply started = d.post("api/incidents/" + incident + "/plans", "{\"steps\":300,\"fastTrack\":true}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        JsonNode plan = waitFor(d, started.json().get("id").asLong());
        assertThat(plan.get("summary").asText()).contains("fed by emergency fast-track");
        JsonNode trips = d.get("api/plans/" + plan.get("id").asLong() + "/solution").json().get("trips");
        assertThat(trips).isNotEmpty();
        Map<String, BigDecimal> carried = new HashMap<>();
        String source = null;
        for (JsonNode t : trips) {
            assertThat(t.get("registration").asText()).isEqualTo(plate);
            assertThat(t.get("viaWarehouseId").isNull()).as("carried through fast-track").isFalse();
            assertThat(t.get("warehouseCode").asText()).isNotEqualTo(warehouse);
            source = t.get("warehouseCode").asText();
            t.get("stops").forEach(s -> s.get("lines").forEach(l -> carried.merge(l.get("material").asText(),
                    new BigDecimal(l.get("quantity").asText()), BigDecimal::add)));
        }
        Api.Reply approved = d.post("api/plans/" + plan.get("id").asLong() + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("movements").asInt()).as("nothing issued before the goods arrive").isZero();
        assertThat(approved.json().get("fastTrackOrders")).hasSize(1);
        String number = approved.json().get("fastTrackOrders").get(0).asText();
        JsonNode order = null;
        for (JsonNode o : as("province.manager").get("api/allocations?size=50").json().get("items")) {
            if (o.get("number").asText().equals(number)) {
                order = o;
            }
        }
        assertThat(order).as(number).isNotNull();
        assertThat(order.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(order.get("fromWarehouse").asText()).isEqualTo(source);
        assertThat(order.get("toWarehouse").asText()).isEqualTo(warehouse);
        assertThat(order.get("emergencyReference").asText()).isEqualTo(declared.json().get("number").asText());

        // The truck cannot load before the goods arrive; once shipped and received, loading issues them there.
        JsonNode trip = d.get("api/trips?incident=" + incident).json().get(0);
        assertThat(trip.get("fastTrackOrder").asText()).isEqualTo(number);
        Api.Reply early = d.post("api/trips/" + trip.get("id").asLong() + "/events", "{\"key\":\"f1\",\"type\":\"LOADED\"}");
        assertProblem(early, 409);
        assertThat(early.json().get("type").asText()).endsWith("/fast-track-not-arrived");
        assertThat(early.json().get("detail").asText()).contains(number, warehouse);
        long orderId = order.get("id").asLong();
        Api.Reply shipped = as("province.manager").post("api/allocations/" + orderId + "/ship", "{}");
        assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);
        // The receiving side confirms the receipt (whoever shipped may not): the county's manager.
        Api.Reply received = as("yongjia.manager").post("api/allocations/" + orderId + "/receive", "{}");
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        JsonNode loaded = report(d, trip.get("id").asLong(), "{\"key\":\"f1\",\"type\":\"LOADED\"}");
        assertThat(loaded.get("status").asText()).isEqualTo("LOADED");
        Map<String, String> planned = new HashMap<>();
        Map<String, BigDecimal> sum = new HashMap<>();
        loaded.get("stops").forEach(st -> st.get("lines").forEach(l -> sum.merge(l.get("material").asText(),
                new BigDecimal(l.get("planned").asText()), BigDecimal::add)));
        sum.forEach((k, v) -> planned.put(k, v.stripTrailingZeros().toPlainString()));
        Map<String, BigDecimal> onTruck = new HashMap<>();
        loaded.get("loads").forEach(l -> {
            assertThat(l.get("warehouseCode").asText()).isEqualTo(warehouse);
            onTruck.merge(l.get("material").asText(), new BigDecimal(l.get("quantity").asText()), BigDecimal::add);
        });
        assertThat(normalized(onTruck)).isEqualTo(planned);
        Map<String, BigDecimal> issuedThere = new HashMap<>();
        for (JsonNode m : as("province.manager").get("api/stock/movements?warehouse=" + warehouse + "&size=500").json().get("items")) {
            if (m.get("type").asText().equals("ISSUE")) {
                issuedThere.merge(m.get("material").asText(), new BigDecimal(m.get("quantity").asText()).negate(), BigDecimal::add);
            }
        }
        assertThat(normalized(issuedThere)).as("issued from the fast-track base on loading").isEqualTo(planned);
    }

    private JsonNode report(Api d, long trip, String body) {
        Api.Reply r = d.post("api/trips/" + trip + "/events", body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private BigDecimal onHand(String warehouse, String material) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode b : as("province.manager").get("api/stock/balances?warehouse=" + warehouse + "&material=" + material
                + "&size=500").json().get("items")) {
            sum = sum.add(new BigDecimal(b.get("quantity").asText()));
        }
        return sum;
    }

    private static Map<String, String> normalized(Map<String, BigDecimal> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text()).doesNotContain("Exception", "\tat ");
    }
}
