package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform through its API, deployed to a real Payara Micro on a real PostgreSQL: the division
 * tree, authentication, roles and jurisdictions, problem+json errors, the audit trail, reports and
 * the server endpoints.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformApiIT {

    private static final String PASSWORD = "demo123";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("api");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, PASSWORD);
    }

    // ---- the division tree ------------------------------------------------------------------

    @Test
    void the_whole_zhejiang_tree_is_loaded_with_its_five_levels() {
        Map<String, Integer> expected = Map.of("PROVINCE", 1, "CITY", 11, "COUNTY", 90, "TOWNSHIP", 1387,
                "VILLAGE", 25547);
        expected.forEach((level, count) -> {
            Api.Reply reply = as("dispatcher").get("api/divisions?level=" + level + "&size=1");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("total").asInt()).as(level).isEqualTo(count);
        });
    }

    @Test
    void a_county_has_its_census_population_and_official_centre() {
        JsonNode chunan = as("yongjia.manager").get("api/divisions/330127").json();
        assertThat(chunan.get("nameZh").asText()).isEqualTo("淳安县");
        assertThat(chunan.get("nameEn").asText()).isEqualTo("Chun'an County");
        assertThat(chunan.get("level").asText()).isEqualTo("COUNTY");
        assertThat(chunan.get("parent").asText()).isEqualTo("3301");
        assertThat(chunan.get("population").asLong()).isEqualTo(328_957L);
        assertThat(chunan.get("synthetic").asBoolean()).isFalse();
        assertThat(chunan.get("childCount").asInt()).isEqualTo(23);
        assertThat(chunan.get("position").get("lon").asDouble()).isBetween(118.5, 119.5);
    }

    @Test
    void villages_say_that_their_position_is_synthetic_and_have_no_population() {
        JsonNode village = as("dispatcher").get("api/divisions?level=VILLAGE&parent=330127100&size=1").json()
                .get("items").get(0);
        assertThat(village.get("synthetic").asBoolean()).isTrue();
        assertThat(village.get("positionSource").asText()).isEqualTo("SYNTHETIC");
        assertThat(village.has("population") && !village.get("population").isNull()).isFalse();
    }

    @Test
    void children_are_paged_in_code_order() {
        JsonNode page = as("dispatcher").get("api/divisions/3301/children?page=1&size=5").json();
        assertThat(page.get("total").asInt()).isEqualTo(13);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(5);
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(i -> codes.add(i.get("code").asText()));
        assertThat(codes).hasSize(5).isSorted().allSatisfy(c -> assertThat(c).startsWith("3301").hasSize(6));
    }

    @Test
    void search_finds_by_chinese_name_english_name_pinyin_initials_or_code_prefix() {
        assertThat(codes(as("dispatcher").get("api/divisions?q=淳安县").json())).containsExactly("330127");
        assertThat(codes(as("dispatcher").get("api/divisions?q=CAX&level=COUNTY").json())).as("淳安县 by initials")
                .containsExactly("330127");
        assertThat(codes(as("dispatcher").get("api/divisions?q=chun'an&level=COUNTY").json()))
                .containsExactly("330127");
        assertThat(as("dispatcher").get("api/divisions?q=330127&level=TOWNSHIP").json().get("total").asInt())
                .isEqualTo(23);
    }

    // ---- errors ---------------------------------------------------------------------------------

    @Test
    void an_unknown_division_is_a_404_problem() {
        Api.Reply reply = as("dispatcher").get("api/divisions/339999");
        assertProblem(reply, 404, "not-found");
        assertThat(reply.json().get("detail").asText()).isEqualTo("division 339999 does not exist");
    }

    @Test
    void bad_parameters_are_400_problems_naming_the_field() {
        Api.Reply tooBig = as("dispatcher").get("api/divisions?size=501");
        assertProblem(tooBig, 400, "validation");
        assertThat(tooBig.json().get("errors").get(0).get("field").asText()).isEqualTo("size");

        Api.Reply badLevel = as("dispatcher").get("api/divisions?level=STREET");
        assertProblem(badLevel, 400, "validation");
        assertThat(badLevel.json().get("errors").get(0).get("field").asText()).isEqualTo("level");

        assertProblem(as("dispatcher").get("api/divisions/33x"), 400, "validation");
    }

    @Test
    void unknown_routes_and_methods_get_problems_not_html() {
        assertProblem(as("dispatcher").get("api/no/such/thing"), 404, "not-found");
        assertProblem(as("admin").delete("api/users/admin"), 405, "method-not-allowed");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        assertProblem(as("admin").post("api/users", "{\"username\": "), 400, "malformed-json");
    }

    // ---- authentication and roles ------------------------------------------------------------

    @Test
    void no_credentials_get_a_401_problem_with_a_basic_challenge() {
        Api.Reply reply = Api.anonymous(base).get("api/divisions");
        assertProblem(reply, 401, "unauthorized");
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertProblem(Api.as(base, "admin", "wrong-password").get("api/divisions"), 401, "unauthorized");
    }

    @Test
    void a_browser_without_a_session_is_sent_to_the_login_page_even_from_an_ajax_request() {
        Api.Reply page = Api.anonymous(base).get("app/index.xhtml");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));

        Api.Reply ajax = Api.anonymous(base).get("app/divisions.xhtml", "Faces-Request", "partial/ajax");
        assertThat(ajax.status()).isEqualTo(200);
        assertThat(ajax.text()).contains("<partial-response><redirect url=\"").contains("/login.xhtml\"");
    }

    @Test
    void a_warehouse_manager_may_not_administer_users_or_read_the_audit_trail() {
        assertProblem(as("hangzhou.manager").get("api/users"), 403, "forbidden");
        assertProblem(as("hangzhou.manager").get("api/audit"), 403, "forbidden");
        assertThat(as("auditor").get("api/audit").status()).isEqualTo(200);
        assertProblem(as("auditor").get("api/users"), 403, "forbidden");
    }

    @Test
    void me_tells_role_and_jurisdiction() {
        JsonNode me = as("yongjia.manager").get("api/me").json();
        assertThat(me.get("role").asText()).isEqualTo("WAREHOUSE_MANAGER");
        assertThat(me.get("jurisdiction").asText()).isEqualTo("330324");
        assertThat(me.get("jurisdictionName").asText()).isEqualTo("永嘉县");
        assertThat(me.get("jurisdictionNameEn").asText()).isEqualTo("Yongjia County");
        assertThat(me.has("passwordHash")).isFalse();
    }

    // ---- users, jurisdictions, audit -----------------------------------------------------------

    @Test
    void an_admin_creates_a_user_who_can_then_sign_in_and_the_audit_trail_says_so() {
        String name = unique("lucheng");
        Api.Reply created = as("admin").post("api/users", newUser(name, "WAREHOUSE_MANAGER", "330302"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("jurisdictionName").asText()).isEqualTo("鹿城区");

        JsonNode me = Api.as(base, name, "secret-123").get("api/me").json();
        assertThat(me.get("username").asText()).isEqualTo(name);

        JsonNode audit = as("auditor").get("api/audit?entityType=user&entityId=" + name).json();
        assertThat(audit.get("total").asInt()).isEqualTo(1);
        JsonNode event = audit.get("items").get(0);
        assertThat(event.get("actor").asText()).isEqualTo("admin");
        assertThat(event.get("action").asText()).isEqualTo("USER_CREATED");
        assertThat(event.get("summary").asText()).contains(name, "330302");
    }

    @Test
    void invalid_users_are_refused_field_by_field_and_nothing_is_written() {
        Api.Reply reply = as("admin").post("api/users",
                "{\"username\":\"A B\",\"displayName\":\"\",\"role\":\"ADMIN\",\"jurisdiction\":\"33\",\"password\":\"short\"}");
        assertProblem(reply, 400, "validation");
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("displayName", "password", "username");

        assertProblem(as("admin").post("api/users", newUser(unique("nowhere"), "DISPATCHER", "339999")), 400,
                "validation");
    }

    @Test
    void a_taken_user_name_is_a_409_and_leaves_no_audit_record() {
        String name = unique("twice");
        assertThat(as("admin").post("api/users", newUser(name, "FINANCE", "3301")).status()).isEqualTo(201);
        assertProblem(as("admin").post("api/users", newUser(name, "FINANCE", "3301")), 409, "duplicate-username");
        assertThat(as("admin").get("api/audit?entityId=" + name).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void a_city_admin_acts_only_inside_the_city() {
        String cityAdmin = unique("hz.admin");
        as("admin").post("api/users", newUser(cityAdmin, "ADMIN", "3301"));
        Api hangzhou = Api.as(base, cityAdmin, "secret-123");

        assertThat(hangzhou.post("api/users", newUser(unique("chunan"), "WAREHOUSE_MANAGER", "330127")).status())
                .isEqualTo(201);
        Api.Reply outside = hangzhou.post("api/users", newUser(unique("yj"), "WAREHOUSE_MANAGER", "330324"));
        assertProblem(outside, 403, "outside-jurisdiction");
        assertThat(outside.json().get("detail").asText()).contains("330324", "3301");
        assertProblem(hangzhou.post("api/users", newUser(unique("prov"), "ADMIN", "33")), 403, "outside-jurisdiction");

        // users outside the city are invisible to it, and cannot be changed
        assertThat(hangzhou.get("api/users?size=500").json().get("items").findValuesAsText("jurisdiction"))
                .allSatisfy(j -> assertThat(j).startsWith("3301"));
        assertProblem(hangzhou.post("api/users/yongjia.manager/disable", ""), 403, "outside-jurisdiction");
    }

    @Test
    void a_stale_version_is_a_409_conflict() {
        String name = unique("stale");
        long version = as("admin").post("api/users", newUser(name, "DISPATCHER", "3303")).json().get("version").asLong();
        String change = "{\"displayName\":\"调度员\",\"role\":\"DISPATCHER\",\"jurisdiction\":\"330324\",\"version\":"
                + version + "}";
        assertThat(as("admin").put("api/users/" + name, change).status()).isEqualTo(200);
        assertProblem(as("admin").put("api/users/" + name, change), 409, "stale-version");
    }

    @Test
    void a_disabled_user_can_no_longer_sign_in() {
        String name = unique("gone");
        as("admin").post("api/users", newUser(name, "AUDITOR", "3305"));
        assertThat(Api.as(base, name, "secret-123").get("api/me").status()).isEqualTo(200);
        JsonNode disabled = as("admin").post("api/users/" + name + "/disable", "").json();
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertProblem(Api.as(base, name, "secret-123").get("api/me"), 401, "unauthorized");
        assertProblem(as("admin").post("api/users/admin/disable", ""), 409, "self-disable");
    }

    // ---- reports and server endpoints ----------------------------------------------------------

    @Test
    void the_division_list_of_hangzhou_prints_as_a_pdf_with_an_embedded_cjk_font() throws Exception {
        Api.Reply reply = as("dispatcher").get("api/reports/divisions.pdf?root=3301&depth=COUNTY");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(reply.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("行政区划清单", "杭州市", "淳安县", "11,912,247");
            for (PDPage page : pdf.getPages()) {
                for (var fontName : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(fontName);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void the_division_list_exports_to_xlsx_in_english_too() throws Exception {
        Api.Reply reply = as("dispatcher").get("api/reports/divisions.xlsx?root=330127&lang=en");
        assertThat(reply.status()).isEqualTo(200);
        StringBuilder xml = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(reply.body()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                xml.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(xml.toString()).contains("Chun&apos;an County", "Administrative divisions", "330127100");
        assertProblem(as("dispatcher").get("api/reports/divisions.pdf"), 400, "validation");
    }

    @Test
    void a_forged_faces_view_state_is_a_page_asking_to_open_it_again_not_a_server_error() {
        Api.Reply forged = Api.anonymous(base).post("login.xhtml", ("login=login&login%3Ausername=x&login%3Apassword=y"
                + "&login%3Asubmit=&jakarta.faces.ViewState=-1234567890%3A987654321").getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(forged.status()).as(forged.text()).isEqualTo(400);
        assertThat(forged.contentType()).startsWith("text/html");
        assertThat(forged.text()).contains("该页面已过期", "login.xhtml").doesNotContain("incident");
    }

    @Test
    void trace_is_refused_with_a_body_and_never_echoes_the_request() {
        for (String path : List.of("api/me", "login.xhtml")) {
            Api.Reply trace = as("admin").send("TRACE", path);
            assertThat(trace.status()).as(path).isEqualTo(405);
            assertThat(trace.text()).as(path).isNotEmpty().doesNotContain("Authorization", "Basic ");
        }
        assertThat(as("admin").send("TRACE", "api/me").contentType()).startsWith("application/problem+json");
    }

    @Test
    void health_openapi_and_metrics_answer() {
        Api.Reply ready = Api.anonymous(base).getFromServerRoot("health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text()).contains("\"database\"", "\"UP\"");
        assertThat(Api.anonymous(base).getFromServerRoot("health/live").status()).isEqualTo(200);
        Api.Reply openapi = Api.anonymous(base).getFromServerRoot("openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.text()).contains("/divisions", "/users", "/reports/divisions.pdf");
        assertThat(Api.anonymous(base).getFromServerRoot("metrics").status()).isEqualTo(200);
    }

    @Test
    void every_response_carries_the_browser_protections_and_does_not_name_the_server() {
        for (Api.Reply r : List.of(as("auditor").get("api/me"), as("auditor").get("api/divisions/339999"),
                Api.anonymous(base).get("login.xhtml"))) {
            var h = r.headers();
            assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(h.firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'",
                    "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'");
            assertThat(h.firstValue("Server")).isEmpty();
            assertThat(h.firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Test
    void wrong_passwords_in_a_row_close_the_user_name_for_a_while_and_an_unknown_name_answers_the_same() {
        String name = "guess." + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"猜测测试\","
                + "\"password\":\"right-password-1\",\"role\":\"AUDITOR\",\"jurisdiction\":\"330324\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        for (int i = 1; i <= 5; i++) {
            assertProblem(Api.as(base, name, "wrong-" + i).get("api/me"), 401, "unauthorized");
        }
        // the sixth wrong one closes the name: then even the right password waits, told how long
        assertProblem(Api.as(base, name, "wrong-6").get("api/me"), 401, "unauthorized");
        Api.Reply closed = Api.as(base, name, "right-password-1").get("api/me");
        assertProblem(closed, 429, "too-many-attempts");
        assertThat(Long.parseLong(closed.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        // other users are not affected, and a name that does not exist is refused like a wrong password
        assertThat(as("auditor").get("api/me").status()).isEqualTo(200);
        assertProblem(Api.as(base, "nobody." + name, "whatever").get("api/me"), 401, "unauthorized");
    }

    @Test
    void wrong_passwords_close_the_name_until_an_administrator_unlocks_it_and_the_trail_shows_every_attempt() {
        String name = "locked." + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = as("admin").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"锁定测试\","
                + "\"password\":\"right-password-1\",\"role\":\"AUDITOR\",\"jurisdiction\":\"330324\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        // six wrong passwords close the name (the lock of the tenth is proven in SignInThrottleTest: it takes
        // minutes of waiting to reach); closed is closed, until the pause ends or an administrator unlocks it
        for (int i = 1; i <= 6; i++) {
            assertProblem(Api.as(base, name, "wrong-" + i).get("api/me"), 401, "unauthorized");
        }
        JsonNode trail = as("auditor").get("api/audit?entityType=user&entityId=" + name + "&size=50").json();
        assertThat(trail.get("items").findValuesAsText("action")).contains("SIGN_IN_FAILED");
        assertThat(trail.get("items").findValuesAsText("summary")).anySatisfy(s -> assertThat(s)
                .contains("'" + name + "'", "6 in a row", "closed for 30 s"));
        assertProblem(Api.as(base, name, "right-password-1").get("api/me"), 429, "too-many-attempts");

        assertProblem(as("yongjia.manager").post("api/users/" + name + "/unlock", ""), 403, "forbidden");
        assertThat(as("admin").post("api/users/" + name + "/unlock", "").status()).isEqualTo(200);
        assertThat(Api.as(base, name, "right-password-1").get("api/me").status()).as("unlocked").isEqualTo(200);
        assertThat(as("auditor").get("api/audit?entityType=user&entityId=" + name).json().get("items")
                .findValuesAsText("action")).contains("USER_SIGN_IN_UNLOCKED");
    }

    @Test
    void a_refused_attempt_outside_the_jurisdiction_is_in_the_audit_trail() {
        assertProblem(as("yongjia.manager").get("api/reports/stock-on-hand.pdf?division=3310"), 403,
                "outside-jurisdiction");
        JsonNode trail = as("auditor").get("api/audit?actor=yongjia.manager&entityType=division&entityId=3310").json();
        assertThat(trail.get("items").findValuesAsText("action")).contains("ACCESS_REFUSED");
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).endsWith("/" + type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(reply.text()).doesNotContain("Exception", "\tat ");
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(i -> codes.add(i.get("code").asText()));
        return codes;
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newUser(String username, String role, String jurisdiction) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"测试用户\",\"role\":\"" + role
                + "\",\"jurisdiction\":\"" + jurisdiction + "\",\"password\":\"secret-123\"}";
    }
}
