package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relief fleet and the reference places through the API on a real Payara Micro and PostgreSQL,
 * in demo mode: the seeded fleet and places, jurisdiction both ways, the base that must suit the kind,
 * optimistic locking, status changes, imports with a dry run, paging.
 */
@ExtendWith(ArquillianExtension.class)
class FleetApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "text/csv";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("fleet");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    // ---- the demo fleet and places -----------------------------------------------------------------

    @Test
    void the_demo_fleet_has_trucks_at_the_reserves_boats_at_ports_and_helicopters_at_air_bases() {
        Api dispatcher = as("dispatcher");
        assertThat(total(dispatcher, "api/vehicles?kind=VAN")).as("a van at each of the 90 county reserves").isEqualTo(90);
        assertThat(total(dispatcher, "api/vehicles?kind=TRUCK")).as("two or more at 102 reserves").isGreaterThan(204);
        JsonNode boats = dispatcher.get("api/vehicles?kind=BOAT&size=500").json();
        assertThat(boats.get("total").asInt()).isBetween(20, 60);
        assertThat(boats.get("items").findValuesAsText("baseKind")).containsOnly("PORT");
        assertThat(boats.get("items").findValuesAsText("base")).allSatisfy(b -> assertThat(b).startsWith("PT-"));
        JsonNode helicopters = dispatcher.get("api/vehicles?kind=HELICOPTER&size=500").json();
        assertThat(helicopters.get("total").asInt()).isBetween(20, 40);
        assertThat(helicopters.get("items").findValuesAsText("baseKind")).containsOnly("AIR_BASE");
        assertThat(helicopters.get("items").findValuesAsText("kind")).containsOnly("HELICOPTER");
        assertThat(helicopters.get("items").findValuesAsText("synthetic")).containsOnly("true");
        // the reserve at landfall holds more trucks than one far from it (the planner's rule)
        assertThat(total(dispatcher, "api/vehicles?kind=TRUCK&division=331081"))
                .isGreaterThan(total(dispatcher, "api/vehicles?kind=TRUCK&division=330522"));
    }

    @Test
    void ports_and_air_bases_come_from_the_public_files_with_approximate_positions_flagged() {
        Api dispatcher = as("dispatcher");
        JsonNode ports = dispatcher.get("api/ports?size=100").json();
        assertThat(ports.get("total").asInt()).isEqualTo(20);
        JsonNode songmen = find(ports, "nameZh", "温岭松门港");
        assertThat(songmen.get("nameEn").asText()).as("the source's mixed name split").isEqualTo("Wenling Songmen port");
        assertThat(songmen.get("positionOrigin").asText()).isEqualTo("COUNTY_SEAT");
        assertThat(songmen.get("approximate").asBoolean()).isTrue();
        assertThat(songmen.get("division").asText()).isEqualTo("331081");
        JsonNode wenzhou = find(ports, "nameZh", "温州港");
        assertThat(wenzhou.get("approximate").asBoolean()).isFalse();
        assertThat(wenzhou.get("lon").asDouble()).isEqualTo(120.65);
        assertThat(wenzhou.get("source").asText()).contains("World Port Index");

        JsonNode air = dispatcher.get("api/air-bases?size=100").json();
        assertThat(air.get("total").asInt()).isEqualTo(20);
        assertThat(air.get("items").findValuesAsText("airKind")).contains("CIVIL_AIRPORT", "GENERAL_AVIATION",
                "HELIPORT", "MILITARY");
        assertThat(total(dispatcher, "api/landing-points")).isEqualTo(300);
        assertThat(dispatcher.get("api/landing-points?size=500").json().get("items").findValuesAsText("synthetic"))
                .containsOnly("true");
        assertThat(total(dispatcher, "api/shelters")).as("one demo shelter per township").isEqualTo(1387);
        JsonNode shelter = dispatcher.get("api/shelters?division=330324&size=1").json().get("items").get(0);
        assertThat(shelter.get("capacityPeople").asInt()).isBetween(200, 2000);
        assertThat(shelter.get("nameZh").asText()).endsWith("避灾安置场所（演示）");
    }

    @Test
    void lists_are_paged_and_a_page_too_large_is_refused_naming_size() {
        JsonNode page = as("auditor").get("api/vehicles?kind=TRUCK&page=1&size=7").json();
        assertThat(page.get("items").size()).isEqualTo(7);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(7);
        assertThat(page.get("total").asInt()).isEqualTo(total(as("auditor"), "api/vehicles?kind=TRUCK"));
        JsonNode first = as("auditor").get("api/vehicles?kind=TRUCK&page=0&size=7").json();
        assertThat(first.get("items").get(0).get("registration").asText())
                .isLessThan(page.get("items").get(0).get("registration").asText());
        Api.Reply tooLarge = as("auditor").get("api/ports?size=501");
        assertProblem(tooLarge, 400, "validation");
        assertThat(tooLarge.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
        assertProblem(as("auditor").get("api/vehicles?status=BROKEN"), 400, "validation");
    }

    @Test
    void the_openapi_description_lists_the_fleet_and_the_places() {
        String openapi = as("dispatcher").getFromServerRoot("openapi").text();
        assertThat(openapi).contains("/vehicles/{registration}/status", "/vehicles/import", "/ports:", "/air-bases:",
                "/landing-points/import", "/shelters:", "Register a vehicle of a division inside your jurisdiction",
                "/vehicles/import/template", "/landing-points/import/template");
    }

    // ---- jurisdiction ------------------------------------------------------------------------------

    @Test
    void a_county_dispatcher_registers_vehicles_of_the_county_and_not_of_the_neighbouring_one() {
        String county = countyDispatcher();
        Api yongjia = Api.as(base, county, "secret-123");
        assertProblem(yongjia.post("api/vehicles", truck(plate(), "330302", "ZJ-330302")), 403, "outside-jurisdiction");
        String own = plate();
        Api.Reply created = yongjia.post("api/vehicles", truck(own, "330324", "ZJ-330324"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("kind").asText()).isEqualTo("TRUCK");
        assertThat(created.json().get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(created.json().get("baseName").asText()).isEqualTo("永嘉县县级应急物资储备库");
        // the county sees the city's trucks but may not touch them
        JsonNode cityTruck = yongjia.get("api/vehicles?kind=TRUCK&division=3303&size=500").json().get("items");
        JsonNode lucheng = stream(cityTruck).filter(v -> v.get("division").asText().equals("330302")).findFirst()
                .orElseThrow();
        assertThat(lucheng.get("editable").asBoolean()).isFalse();
        assertThat(lucheng.get("nextStatuses")).isEmpty();
        assertProblem(yongjia.post(path(lucheng.get("registration").asText()) + "/status",
                "{\"status\":\"OUT_OF_SERVICE\",\"reason\":\"试试\"}"), 403, "outside-jurisdiction");

        Api.Reply byProvince = as("dispatcher").post("api/vehicles", truck(plate(), "330302", "ZJ-330302"));
        assertThat(byProvince.status()).as(byProvince.text()).isEqualTo(201);
        assertProblem(as("auditor").post("api/vehicles", truck(plate(), "330302", "ZJ-330302")), 403, "forbidden");
    }

    @Test
    void landing_points_are_kept_by_the_province_and_shelters_by_their_county() {
        String town = as("dispatcher").get("api/divisions/330324/children?size=1").json().get("items").get(0)
                .get("code").asText();
        String code = "LP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String point = "{\"code\":\"" + code + "\",\"nameZh\":\"岩坦临时起降点\",\"division\":\"" + town
                + "\",\"lon\":120.62,\"lat\":28.36}";
        assertProblem(as("yongjia.manager").post("api/landing-points", point), 403, "province-only");
        Api.Reply added = as("dispatcher").post("api/landing-points", point);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.json().get("positionOrigin").asText()).isEqualTo("ENTERED");
        assertThat(added.json().get("synthetic").asBoolean()).isFalse();

        String shelter = "{\"code\":\"SH-YJ-" + code.substring(3) + "\",\"nameZh\":\"永嘉县第一中学安置点\",\"division\":\""
                + town + "\",\"lon\":120.69,\"lat\":28.15,\"capacityPeople\":800}";
        Api.Reply own = as("yongjia.manager").post("api/shelters", shelter);
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        assertThat(own.json().get("editable").asBoolean()).isTrue();
        assertProblem(as("yongjia.manager").post("api/shelters", "{\"code\":\"SH-LC-" + code.substring(3)
                + "\",\"nameZh\":\"鹿城安置点\",\"division\":\"330302\",\"lon\":120.65,\"lat\":28.01,\"capacityPeople\":500}"),
                403, "outside-jurisdiction");
        Api.Reply noCapacity = as("yongjia.manager").post("api/shelters", shelter.replace(",\"capacityPeople\":800", "")
                .replace("SH-YJ-", "SH-YK-"));
        assertProblem(noCapacity, 400, "validation");
        assertThat(noCapacity.json().get("errors").get(0).get("field").asText()).isEqualTo("capacityPeople");
    }

    // ---- the base suits the kind -------------------------------------------------------------------

    @Test
    void a_boat_based_at_a_warehouse_or_a_helicopter_at_a_port_is_refused_naming_the_base() {
        Api.Reply boatAtWarehouse = as("dispatcher").post("api/vehicles", boat(plate(), "3303", "ZJ-330324"));
        assertProblem(boatAtWarehouse, 400, "validation");
        JsonNode error = boatAtWarehouse.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("base");
        assertThat(error.get("reason").asText()).isEqualTo("ZJ-330324: a BOAT is based at a port; this base is a warehouse");

        String port = as("dispatcher").get("api/ports?division=330302").json().get("items").get(0).get("code").asText();
        ObjectNode heli = (ObjectNode) read(boat(plate(), "33", port));
        heli.put("kind", "HELICOPTER");
        heli.remove("speedKmh");
        heli.put("rangeKm", 500);
        heli.put("sortieMinutes", 15);
        Api.Reply heliAtPort = as("dispatcher").post("api/vehicles", heli.toString());
        assertProblem(heliAtPort, 400, "validation");
        assertThat(heliAtPort.json().get("errors").get(0).get("field").asText()).isEqualTo("base");

        Api.Reply boatWithHeight = as("dispatcher").post("api/vehicles", ((ObjectNode) read(boat(plate(), "3303", port)))
                .put("heightM", 3).toString());
        assertProblem(boatWithHeight, 400, "validation");
        assertThat(boatWithHeight.json().get("errors").get(0).get("field").asText()).isEqualTo("heightM");

        Api.Reply boatAtPort = as("dispatcher").post("api/vehicles", boat(plate(), "3303", port));
        assertThat(boatAtPort.status()).as(boatAtPort.text()).isEqualTo(201);
        assertThat(boatAtPort.json().get("baseKind").asText()).isEqualTo("PORT");
    }

    // ---- changes -----------------------------------------------------------------------------------

    @Test
    void a_change_with_a_stale_version_is_refused_and_changes_nothing() {
        String plate = plate();
        JsonNode created = as("dispatcher").post("api/vehicles", truck(plate, "330324", "ZJ-330324")).json();
        ObjectNode change = (ObjectNode) read(truck(plate, "330324", "ZJ-3303"));
        change.put("version", created.get("version").asLong());
        Api.Reply first = as("dispatcher").put(path(plate), change.toString());
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().get("base").asText()).isEqualTo("ZJ-3303");

        change.put("base", "ZJ-330302");
        assertProblem(as("yongjia.manager").put(path(plate), change.toString()), 409, "stale-version");
        assertThat(as("dispatcher").get(path(plate)).json().get("base").asText()).isEqualTo("ZJ-3303");
        JsonNode audit = as("auditor").get("api/audit?entityType=vehicle&entityId="
                + URLEncoder.encode(plate, StandardCharsets.UTF_8)).json();
        assertThat(audit.get("items").findValuesAsText("action")).containsExactly("VEHICLE_CHANGED", "VEHICLE_CREATED");
    }

    @Test
    void a_vehicle_out_of_service_comes_back_as_available_before_it_is_assigned_again_and_each_change_is_audited() {
        String plate = plate();
        as("dispatcher").post("api/vehicles", truck(plate, "330324", "ZJ-330324"));
        Api.Reply out = as("yongjia.manager").post(path(plate) + "/status",
                "{\"status\":\"OUT_OF_SERVICE\",\"reason\":\"刹车故障\"}");
        assertThat(out.status()).as(out.text()).isEqualTo(200);
        assertThat(out.json().get("nextStatuses").get(0).asText()).isEqualTo("AVAILABLE");
        assertProblem(as("yongjia.manager").post(path(plate) + "/status",
                "{\"status\":\"ASSIGNED\",\"reason\":\"派车\"}"), 409, "wrong-status");
        assertProblem(as("yongjia.manager").post(path(plate) + "/status", "{\"status\":\"AVAILABLE\"}"), 400,
                "validation");
        Api.Reply back = as("yongjia.manager").post(path(plate) + "/status",
                "{\"status\":\"AVAILABLE\",\"reason\":\"已修复\",\"availableFrom\":\"2026-08-10T02:00:00Z\","
                        + "\"availableUntil\":\"2026-08-11T02:00:00Z\"}");
        assertThat(back.json().get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(back.json().get("availableUntil").asText()).startsWith("2026-08-11T02:00");
        JsonNode audit = as("auditor").get("api/audit?entityType=vehicle&entityId="
                + URLEncoder.encode(plate, StandardCharsets.UTF_8)).json();
        assertThat(audit.get("items").findValuesAsText("summary")).anySatisfy(s -> assertThat(s)
                .isEqualTo(plate + " OUT_OF_SERVICE -> AVAILABLE: 已修复"));
    }

    // ---- imports -----------------------------------------------------------------------------------

    @Test
    void a_vehicle_import_dry_run_lists_every_bad_row_and_nothing_is_written_until_all_are_good() {
        String good = plate();
        String bad = plate();
        String header = "registration,kind,division,capacityKg,capacityM3,heightM,widthM,grossWeightT,speedKmh,base,"
                + "ownerKind,dutyHoursPerDay,crewName,crewPhone\n";
        String goodRow = good + ",TRUCK,330324,8000,30,3.6,2.5,16,,ZJ-330324,REQUISITIONED,12,王师傅,13905770001\n";
        String csv = header + goodRow
                + bad + ",BOAT,330324,3000,15,,,,22,ZJ-330324,OWNED,12,李船长,13905770002\n"
                + good + ",VAN,330302,1500,eight,2.5,2,3.5,,ZJ-330302,OWNED,12,张师傅,13905770003\n";
        Api.Reply dry = as("yongjia.manager").post("api/vehicles/import?dryRun=true", csv.getBytes(StandardCharsets.UTF_8), CSV);
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        JsonNode result = dry.json();
        assertThat(result.get("rows").asInt()).isEqualTo(3);
        assertThat(result.get("written").asBoolean()).isFalse();
        assertThat(result.get("errors").findValuesAsText("line")).containsExactly("3", "4");
        assertThat(result.get("errors").findValuesAsText("field")).containsExactly("base", "capacitym3");
        assertThat(as("dispatcher").get(path(good)).status()).isEqualTo(404);

        Api.Reply real = as("yongjia.manager").post("api/vehicles/import", csv.getBytes(StandardCharsets.UTF_8), CSV);
        assertProblem(real, 400, "validation");
        assertThat(real.json().get("errors").findValuesAsText("field")).containsExactly("line 3: base", "line 4: capacitym3");
        assertThat(as("dispatcher").get(path(good)).status()).isEqualTo(404);

        // the row outside first: the rows after it are still checked (a refusal must not doom the transaction)
        String outside = header + plate() + ",VAN,330302,1500,8,2.5,2,3.5,,ZJ-330302,OWNED,12,张师傅,13905770003\n" + goodRow;
        JsonNode refused = as("yongjia.manager").post("api/vehicles/import?dryRun=true",
                outside.getBytes(StandardCharsets.UTF_8), CSV).json();
        assertThat(refused.get("errors").findValuesAsText("reason")).singleElement()
                .satisfies(r -> assertThat(r).contains("outside your jurisdiction"));

        Api.Reply ok = as("yongjia.manager").post("api/vehicles/import", (header + goodRow).getBytes(StandardCharsets.UTF_8), CSV);
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.json().get("written").asBoolean()).isTrue();
        assertThat(as("dispatcher").get(path(good)).json().get("ownerKind").asText()).isEqualTo("REQUISITIONED");
        Api.Reply again = as("yongjia.manager").post("api/vehicles/import", (header + goodRow).getBytes(StandardCharsets.UTF_8), CSV);
        assertProblem(again, 400, "validation");
        assertThat(again.json().get("errors").get(0).get("reason").asText()).contains("already registered");
    }

    @Test
    void a_landing_point_import_dry_run_lists_bad_rows_and_a_good_file_adds_them_all() {
        String a = "LP-IMP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String b = "LP-IMP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String csv = "code,nameZh,division,lon,lat,note\n"
                + a + ",大若岩临时起降点,330324,120.71,28.35,操场\n"
                + b + ",重复,330324,120.72,28.36,\n"
                + b + ",重复二,330324,120.73,28.37,\n"
                + "LP-X1,坐标错,330324,200,28.37,\n";
        JsonNode dry = as("dispatcher").post("api/landing-points/import?dryRun=true", csv.getBytes(StandardCharsets.UTF_8),
                CSV).json();
        assertThat(dry.get("errors").findValuesAsText("line")).containsExactly("4", "5");
        assertThat(dry.get("errors").findValuesAsText("field")).containsExactly("code", "lon");
        assertThat(as("dispatcher").get("api/landing-points/" + a).status()).isEqualTo(404);
        // a county user's file is refused whole, as a single landing point would be, before any row is read
        assertProblem(as("yongjia.manager").post("api/landing-points/import?dryRun=true",
                good(a, b).getBytes(StandardCharsets.UTF_8), CSV), 403, "province-only");
        JsonNode done = as("dispatcher").post("api/landing-points/import", good(a, b).getBytes(StandardCharsets.UTF_8),
                CSV).json();
        assertThat(done.get("written").asBoolean()).isTrue();
        assertThat(as("dispatcher").get("api/landing-points/" + b).json().get("nameZh").asText()).isEqualTo("岩坦临时起降点");
        assertThat(total(as("dispatcher"), "api/landing-points")).isGreaterThanOrEqualTo(302);
    }

    @Test
    void a_vehicle_file_filled_in_from_the_chinese_template_is_registered_with_beijing_times() {
        Api.Reply template = as("yongjia.manager").get("api/vehicles/import/template?format=csv");
        assertThat(template.status()).as(template.text()).isEqualTo(200);
        assertThat(template.text()).startsWith("\uFEFF号牌,类型,区划代码,载重（千克）,容积（立方米）,");
        String plate = plate();
        // the template's columns in its order; the weight as typed into a text cell, a local time of day
        String row = plate + ",TRUCK,330324,\"8,000\",30,3.6,2.5,16,,,,ZJ-330324,OWNED,12,王师傅,13905770001,"
                + "2026-08-10 08:00,\r\n";
        Api.Reply done = as("yongjia.manager").post("api/vehicles/import",
                (template.text() + row).getBytes(StandardCharsets.UTF_8), CSV);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        JsonNode vehicle = as("dispatcher").get(path(plate)).json();
        assertThat(vehicle.get("capacityKg").decimalValue()).isEqualByComparingTo("8000");
        assertThat(vehicle.get("availableFrom").asText()).isEqualTo("2026-08-10T00:00:00Z");

        Api.Reply landing = as("dispatcher").get("api/landing-points/import/template?lang=en");
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.contentType()).contains("spreadsheetml");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static String good(String a, String b) {
        return "code,nameZh,division,lon,lat\n" + a + ",大若岩临时起降点,330324,120.71,28.35\n"
                + b + ",岩坦临时起降点,330324,120.72,28.36\n";
    }

    private String countyDispatcher() {
        String name = "yj.dispatch." + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply r = as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"永嘉县调度员\","
                + "\"role\":\"DISPATCHER\",\"jurisdiction\":\"330324\",\"password\":\"secret-123\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return name;
    }

    private static String plate() {
        return "浙C" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }

    private static String path(String registration) {
        return "api/vehicles/" + URLEncoder.encode(registration, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String truck(String registration, String division, String base) {
        return "{\"registration\":\"" + registration + "\",\"kind\":\"TRUCK\",\"division\":\"" + division
                + "\",\"capacityKg\":8000,\"capacityM3\":30,\"heightM\":3.6,\"widthM\":2.5,\"grossWeightT\":16,"
                + "\"base\":\"" + base + "\",\"ownerKind\":\"OWNED\",\"dutyHoursPerDay\":12,\"crewName\":\"王师傅\","
                + "\"crewPhone\":\"13905770001\"}";
    }

    private static String boat(String registration, String division, String base) {
        return "{\"registration\":\"" + registration + "\",\"kind\":\"BOAT\",\"division\":\"" + division
                + "\",\"capacityKg\":3000,\"capacityM3\":15,\"speedKmh\":22,\"base\":\"" + base
                + "\",\"ownerKind\":\"CONTRACTED\",\"dutyHoursPerDay\":12,\"crewName\":\"李船长\","
                + "\"crewPhone\":\"13905770002\"}";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode find(JsonNode page, String field, String value) {
        return stream(page.get("items")).filter(i -> value.equals(i.get(field).asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no item with " + field + " = " + value));
    }

    private static int total(Api api, String path) {
        Api.Reply r = api.get(path);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("total").asInt();
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/" + type);
    }
}
