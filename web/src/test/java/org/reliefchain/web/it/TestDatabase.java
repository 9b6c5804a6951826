package org.reliefchain.web.it;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the deployments under test use: an embedded PostgreSQL 17 started once per test JVM,
 * or the server named by {@code TEST_DB_URL} (with {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD}).
 * Each deployment gets a fresh database of its own, so test classes never see each other's data.
 */
final class TestDatabase {

    record Coordinates(String url, String user, String password) {
    }

    private static EmbeddedPostgres embedded;
    private static int created;

    private TestDatabase() {
    }

    static synchronized Coordinates freshDatabase(String name) throws Exception {
        String external = System.getenv("TEST_DB_URL");
        String database = name + "_" + (++created) + "_" + ProcessHandle.current().pid();
        if (external != null && !external.isBlank()) {
            String user = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");
            try (Connection c = java.sql.DriverManager.getConnection(external, user, password);
                 Statement s = c.createStatement()) {
                s.execute("create database " + database);
            }
            String base = external.substring(0, external.lastIndexOf('/') + 1);
            return new Coordinates(base + database, user, password);
        }
        if (embedded == null) {
            // Throwaway databases: zonky's defaults (fsync and synchronous commit off) are kept on purpose for
            // speed. The product's launcher turns both on (EmbeddedDatabase); the fault test checks that one.
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("reliefchain-test-pg").toFile())
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (Exception e) {
                    // the JVM is going away anyway
                }
            }));
        }
        try (Connection c = embedded.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        return new Coordinates("jdbc:postgresql://localhost:" + embedded.getPort() + "/" + database, "postgres", "");
    }
}
