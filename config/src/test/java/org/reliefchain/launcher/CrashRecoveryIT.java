package org.reliefchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost when the database or the application server dies under load. The
 * product as a user runs it (the launcher with its embedded PostgreSQL, from {@code target/dist}, on
 * loopback), eight clients recording movements; then PostgreSQL is stopped the hard way (SIGQUIT to
 * the postmaster: {@code pg_ctl stop -m immediate}) and, separately, Payara Micro is killed with
 * SIGKILL. After each restart every movement answered 201 must be there exactly once, re-sending every
 * key must apply nothing twice, and every balance must equal the sum of its movements.
 *
 * <p>Bounded: each load lasts a few seconds and every wait has a ceiling; one launcher at a time.
 */
class CrashRecoveryIT {

    private static Path home;
    private static LedgerDrill.Instance instance;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("reliefchain-crash");
        instance = LedgerDrill.Instance.start(home);
    }

    @AfterAll
    static void stop() throws Exception {
        if (instance != null) {
            instance.stop();
        }
    }

    @Test
    void a_database_crash_loses_no_acknowledged_movement() throws Exception {
        LedgerDrill drill = new LedgerDrill(instance, "db");
        drill.setUp();
        LedgerDrill.Load load = drill.loadThen(instance::crashDatabase);
        instance = instance.restart();
        LedgerDrill.Verdict verdict = drill.check(load, instance);
        System.out.println("database crash: " + verdict);
        assertThat(load.acknowledged()).as("movements answered 201 before the crash").isPositive();
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.duplicated()).isZero();
        assertThat(verdict.balancesOff()).isZero();
        assertThat(verdict.present()).isEqualTo(load.acknowledged());
    }

    @Test
    void killing_the_application_server_loses_no_acknowledged_movement() throws Exception {
        LedgerDrill drill = new LedgerDrill(instance, "app");
        drill.setUp();
        LedgerDrill.Load load = drill.loadThen(instance::killServer);
        instance = instance.restart();
        LedgerDrill.Verdict verdict = drill.check(load, instance);
        System.out.println("application server killed: " + verdict);
        assertThat(load.acknowledged()).isPositive();
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.duplicated()).isZero();
        assertThat(verdict.balancesOff()).isZero();
        assertThat(verdict.present()).isEqualTo(load.acknowledged());
    }

    /**
     * With PostgreSQL gone the application answers at once and says why: 503 with Retry-After to an API client
     * (whether its sign-in is remembered or must read the database), a page that retries by itself to a
     * browser, health DOWN with the driver's reason; when PostgreSQL is started again (outside the launcher,
     * as an operator would) everything works again without touching the application server.
     */
    @Test
    void a_database_outage_is_503_at_once_and_the_application_recovers_by_itself() throws Exception {
        assertThat(instance.getAs("province.manager", "api/me").statusCode()).isEqualTo(200); // sign-in remembered
        ProcessHandle postmaster = instance.postmaster();
        List<String> commandLine = new java.util.ArrayList<>();
        commandLine.add(postmaster.info().command().orElseThrow());
        commandLine.addAll(List.of(postmaster.info().arguments().orElseThrow()));
        instance.crashDatabase();
        Process postgres = null;
        try {
            for (String[] call : new String[][]{{"province.manager", "api/stock/balances?size=1"},
                    {"hangzhou.manager", "api/me"}}) {
                long started = System.nanoTime();
                HttpResponse<String> down = instance.getAs(call[0], call[1]);
                System.out.printf("database down: %s as %s answered %d in %d ms%n", call[1], call[0], down.statusCode(),
                        (System.nanoTime() - started) / 1_000_000);
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(down.body()).contains("database-unavailable").doesNotContain("Exception");
                assertThat(down.headers().firstValue("Retry-After")).isPresent();
            }
            HttpResponse<String> page = instance.getAs("province.manager", "app/stock.xhtml");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("数据库暂时无法连接", "http-equiv=\"refresh\"").doesNotContain("Exception");
            HttpResponse<String> health = instance.getAs("province.manager", "health/ready");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN", "reason");
        } finally {
            postgres = instance.startDatabase(commandLine);
        }
        try {
            long until = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
            int status = 0;
            while (System.nanoTime() < until && (status = instance.getAs("hangzhou.manager", "api/me").statusCode()) != 200) {
                Thread.sleep(500);
            }
            assertThat(status).as("the application found the database again by itself").isEqualTo(200);
            assertThat(instance.getAs("province.manager", "health/ready").statusCode()).isEqualTo(200);
            assertThat(instance.getAs("province.manager", "app/stock.xhtml").statusCode()).isEqualTo(200);
        } finally {
            // hand the data folder back to the launcher: a fast shutdown of our postmaster, then a clean restart
            new ProcessBuilder("kill", "-INT", String.valueOf(postgres.pid())).inheritIO().start().waitFor();
            if (!postgres.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)) {
                postgres.destroyForcibly().waitFor();
            }
            instance = instance.restart();
        }
    }

    @Test
    void the_application_server_listens_on_its_http_port_and_otherwise_on_loopback_only() throws Exception {
        List<InetSocketAddress> listening = ListeningSockets.of(instance.applicationServer().pid());
        assertThat(listening).as("the HTTP port").anySatisfy(a -> assertThat(a.getPort()).isEqualTo(instance.port()));
        // Payara Micro's embedded Hazelcast keeps a member port even without a cluster: loopback only.
        assertThat(listening).filteredOn(a -> a.getPort() != instance.port())
                .allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).as(a.toString()).isTrue());
    }

    @Test
    void the_embedded_database_runs_with_fsync_and_synchronous_commit_on() throws Exception {
        try (Connection c = DriverManager.getConnection(instance.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet r = s.executeQuery("show " + setting)) {
                    r.next();
                    assertThat(r.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }
}
