package org.reliefchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code --instances 2}: two Payara Micro instances as one cluster on one embedded PostgreSQL, behind HAProxy,
 * as README's command starts them. Both serve and say who answered; then one is killed (SIGKILL) while eight
 * clients write through the balancer to both: the browser signed in on it stays signed in on the other, its
 * plan that was solving there moves to the other, and the ledger keeps every acknowledged movement exactly once.
 *
 * <p>Bounded and on loopback only: each wait has a ceiling; one launcher at a time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Pattern NAME = Pattern.compile("\"name\":\"(reliefchain-\\d)\"");
    private static final Pattern ANSWERED_BY = Pattern.compile("\"answeredBy\":\\{[^}]*\"name\":\"(reliefchain-\\d)\"");

    private static Path home;
    private static LedgerDrill.Instance cluster;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("reliefchain-cluster");
        cluster = LedgerDrill.Instance.startCluster(home, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    @Order(1)
    void both_instances_serve_as_one_cluster_and_each_answer_names_its_instance() throws Exception {
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 6; i++) { // no cookie: the balancer takes turns
            HttpResponse<String> r = cluster.getAs("admin", "api/cluster");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(names(r.body())).containsExactly("reliefchain-1", "reliefchain-2");
            assertThat(r.body()).contains("\"clustered\":true");
            Matcher m = ANSWERED_BY.matcher(r.body());
            assertThat(m.find()).as(r.body()).isTrue();
            answered.add(m.group(1));
        }
        assertThat(answered).containsExactlyInAnyOrder("reliefchain-1", "reliefchain-2");
        assertThat(cluster.getAs("dispatcher", "api/cluster").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void the_balancer_listens_on_the_port_and_the_instances_on_loopback_only() throws Exception {
        for (String name : List.of("reliefchain-1", "reliefchain-2")) {
            List<InetSocketAddress> listening = ListeningSockets.of(cluster.applicationServer(name).pid());
            assertThat(listening).as(name).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).as(name + " " + a).isTrue());
        }
    }

    /**
     * Each instance caches entities: a warehouse read on the second instance, then renamed on the first, must read
     * renamed on the second (asked directly, past the balancer).
     */
    @Test
    @Order(3)
    void a_change_made_on_one_instance_is_read_on_the_other() throws Exception {
        String code = "CLUSTER-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        String position = cluster.getAs("admin", "api/divisions/330324").body();
        String lon = group("\"lon\":([0-9.]+)", position);
        String lat = group("\"lat\":([0-9.]+)", position);
        String body = "\"division\":\"330324\",\"kind\":\"GOVERNMENT\",\"lon\":" + lon + ",\"lat\":" + lat
                + ",\"floorAreaM2\":200,\"volumeM3\":600,\"address\":\"县政府院内\",\"contactName\":\"林主任\","
                + "\"contactPhone\":\"13905770004\"";
        HttpResponse<String> made = direct(1, "POST", "api/warehouses", "{\"code\":\"" + code + "\",\"nameZh\":\"集群测试库\","
                + body + "}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String read = direct(2, "GET", "api/warehouses/" + code, null).body(); // now cached there
        assertThat(read).contains("集群测试库");
        long version = Long.parseLong(group("\"version\":(\\d+)", read));
        HttpResponse<String> renamed = direct(1, "PUT", "api/warehouses/" + code, "{\"nameZh\":\"集群测试库改名\","
                + body + ",\"version\":" + version + "}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // the change travels asynchronously
        String seen = "";
        while (System.nanoTime() < until && !(seen = direct(2, "GET", "api/warehouses/" + code, null).body())
                .contains("集群测试库改名")) {
            Thread.sleep(200);
        }
        assertThat(seen).contains("集群测试库改名", "\"version\":" + (version + 1));
    }

    @Test
    @Order(4)
    void a_name_closed_by_wrong_passwords_is_closed_on_every_instance() throws Exception {
        // Basic without a cookie: the balancer takes turns, so each instance sees every other attempt.
        for (int i = 0; i < 6; i++) {
            assertThat(cluster.getAs("cluster.guess", "api/me", "wrong-" + i).statusCode()).as("attempt " + (i + 1))
                    .isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) { // once on each instance: both know the name is closed
            HttpResponse<String> r = cluster.getAs("cluster.guess", "api/me", "wrong-again");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
    }

    /**
     * Instances remember a right Basic sign-in for a minute: disabling the user on one instance must refuse them
     * on the other at once (asked directly), not a minute later.
     */
    @Test
    @Order(5)
    void a_user_disabled_on_one_instance_is_refused_on_the_other() throws Exception {
        String name = "cluster.user." + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> made = direct(1, "POST", "api/users", "{\"username\":\"" + name + "\",\"displayName\":"
                + "\"集群测试\",\"role\":\"AUDITOR\",\"jurisdiction\":\"33\",\"password\":\"cluster-pass-1\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(directAs(2, name, "cluster-pass-1", "api/me").statusCode()).isEqualTo(200); // remembered there
        HttpResponse<String> disabled = direct(1, "POST", "api/users/" + name + "/disable", "");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // the grid's message takes milliseconds
        int status = 0;
        while (System.nanoTime() < until && (status = directAs(2, name, "cluster-pass-1", "api/me").statusCode()) == 200) {
            Thread.sleep(100);
        }
        assertThat(status).as("a disabled user on the other instance").isEqualTo(401);
    }

    @Test
    @Order(6)
    void losing_an_instance_loses_no_sign_in_no_plan_and_no_acknowledged_movement() throws Exception {
        Browser browser = new Browser(cluster.port());
        browser.signIn("admin");
        String own = browser.answeredBy();
        String other = own.equals("reliefchain-1") ? "reliefchain-2" : "reliefchain-1";
        assertThat(browser.answeredBy()).as("the balancer keeps a browser with its instance").isEqualTo(own);
        long plan = browser.startLongPlan();
        assertThat(solverOf(plan)).as("the plan is queued where the browser's requests go").isEqualTo(own);

        LedgerDrill drill = new LedgerDrill(cluster, "cluster");
        drill.setUp();
        LedgerDrill.Load load = drill.loadThen(() -> {
            ProcessHandle server = cluster.applicationServer(own);
            server.destroyForcibly();
            server.onExit().join();
        });

        // The browser goes on where it is sent now, signed in, without signing in again.
        assertThat(browser.answeredBy()).isEqualTo(other);
        HttpResponse<String> me = browser.get("api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"");
        assertThat(names(browser.get("api/cluster").body())).containsExactly(other);

        // The plan its server was solving moves to the survivor: queued there again, searched from the situation now.
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String solver = own;
        while (System.nanoTime() < until && !(solver = solverOf(plan)).equals(other)) {
            Thread.sleep(500);
        }
        assertThat(solver).as("the server of plan %d after %s died", plan, own).isEqualTo(other);
        assertThat(statusOf(plan)).isIn("QUEUED", "SOLVING");
        assertThat(column(plan, "(select string_agg(e.detail, ' | ') from incident_event e where e.incident_id ="
                + " relief_plan.incident_id and e.action = 'PLAN_MOVED')")).contains("its server " + own + " left the cluster",
                "planned again on " + other);
        // and it is the survivor's now: a dispatcher stops it there, its best result kept
        HttpResponse<String> stop = browser.send("POST", "api/plans/" + plan + "/stop", "");
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
        until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String status = "";
        while (System.nanoTime() < until && !(status = statusOf(plan)).equals("STOPPED")) {
            Thread.sleep(500);
        }
        assertThat(status).as("plan %d stopped on %s", plan, other).isEqualTo("STOPPED");

        LedgerDrill.Verdict verdict = drill.check(load, cluster);
        System.out.println("instance " + own + " killed under load: " + verdict);
        assertThat(load.acknowledged()).isPositive();
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.duplicated()).isZero();
        assertThat(verdict.balancesOff()).isZero();
        assertThat(verdict.present()).isEqualTo(load.acknowledged());
    }

    /** A request to instance i itself (its own port, loopback), as the administrator. */
    private static HttpResponse<String> direct(int i, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (cluster.port() + i) + "/" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:demo123".getBytes(StandardCharsets.UTF_8)));
        b = json == null ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return DIRECT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> directAs(int i, String user, String password, String path) throws Exception {
        return DIRECT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (cluster.port() + i) + "/" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient DIRECT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String group(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }

    private static List<String> names(String clusterJson) {
        String members = clusterJson.substring(clusterJson.indexOf("\"members\""));
        Matcher m = NAME.matcher(members);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String solverOf(long plan) throws Exception {
        return column(plan, "solver");
    }

    private static String statusOf(long plan) throws Exception {
        return column(plan, "status");
    }

    private static String column(long plan, String column) throws Exception {
        try (Connection c = cluster.connect();
             PreparedStatement p = c.prepareStatement("select " + column + " from relief_plan where id = ?")) {
            p.setLong(1, plan);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** A browser: cookies kept (the session's and the balancer's), the sign-in form, the header the pages send. */
    private static final class Browser {
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Browser(int port) {
            this.base = URI.create("http://localhost:" + port + "/");
        }

        void signIn(String user) throws Exception {
            String form = get("login.xhtml").body();
            Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form);
            assertThat(state.find()).as(form).isTrue();
            String body = "login=login&" + field("login:username", user) + "&" + field("login:password", "demo123")
                    + "&" + field("login:submit", "") + "&" + field("jakarta.faces.ViewState", state.group(1));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("sign-in answered " + r.body()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).contains("/app/");
        }

        String answeredBy() throws Exception {
            HttpResponse<String> r = get("api/cluster");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Matcher m = ANSWERED_BY.matcher(r.body());
            assertThat(m.find()).as(r.body()).isTrue();
            return m.group(1);
        }

        /** The demo typhoon's deadline moved ten hours ahead, then a plan asked to search for ten minutes. */
        long startLongPlan() throws Exception {
            long[] incident = incident("INC-DEMO-0001");
            Instant deadline = Instant.now().plus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> moved = send("PATCH", "api/incidents/" + incident[0], "{\"deadline\":\"" + deadline
                    + "\",\"reason\":\"集群测试\",\"version\":" + incident[1] + "}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            HttpResponse<String> plan = send("POST", "api/incidents/" + incident[0] + "/plans", "{\"seconds\":600}");
            assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
            try (Connection c = cluster.connect(); PreparedStatement p = c.prepareStatement(
                    "select max(id) from relief_plan where incident_id = ?")) {
                p.setLong(1, incident[0]);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }

        /** Id and version of the incident of that number. */
        private static long[] incident(String number) throws Exception {
            try (Connection c = cluster.connect();
                 PreparedStatement p = c.prepareStatement("select id, version from incident where number = ?")) {
                p.setString(1, number);
                try (ResultSet r = p.executeQuery()) {
                    assertThat(r.next()).as("incident " + number).isTrue();
                    return new long[] {r.getLong(1), r.getLong(2)};
                }
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String field(String name, String value) {
            return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
