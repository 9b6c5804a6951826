package org.reliefchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;

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
