package org.reliefchain.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar reliefchain-launcher.jar}: database, then Payara Micro, then "ready". Stops both on
 * Ctrl-C. Payara runs with phone-home off (its own and Hazelcast's) and without clustering, so the
 * product opens no connection except to its database.
 */
public final class Launcher {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("reliefchain: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path dist = distributionFolder();
        EmbeddedDatabase embedded = null;
        Map<String, String> appEnv = new java.util.HashMap<>();
        // The province road graph is built once (minutes) and kept with the data, not in Payara's folder.
        appEnv.put("RELIEFCHAIN_ROADS_CACHE", System.getenv().getOrDefault("RELIEFCHAIN_ROADS_CACHE",
                settings.home().resolve("roads").toString()));
        if (settings.embeddedDatabase()) {
            log("starting embedded PostgreSQL with data in " + settings.home().resolve("pgdata"));
            embedded = EmbeddedDatabase.start(settings.home().resolve("pgdata"), settings.embeddedPgPort());
            appEnv.put("DB_URL", embedded.jdbcUrl());
            appEnv.put("DB_USER", embedded.user());
            appEnv.put("DB_PASSWORD", "");
            appEnv.put("RELIEFCHAIN_DEMO", "true");
        } else {
            log("using the database at " + settings.dbUrl());
            appEnv.put("DB_URL", settings.dbUrl());
            appEnv.put("DB_USER", settings.dbUser());
            appEnv.put("DB_PASSWORD", settings.dbPassword());
            appEnv.put("RELIEFCHAIN_DEMO", "false");
            if (settings.adminPassword() != null) {
                appEnv.put("RELIEFCHAIN_ADMIN_PASSWORD", settings.adminPassword());
            }
        }
        Process server = startPayara(settings, dist, appEnv);
        EmbeddedDatabase database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, database)));
        waitUntilReady(settings.port(), server);
        int exit = server.waitFor();
        stop(server, database);
        System.exit(exit);
    }

    private static Process startPayara(Settings settings, Path dist, Map<String, String> appEnv) throws IOException {
        // Payara's working folder is rebuilt on every start: reusing it would deploy the previous war
        // and then this one, starting the application twice.
        Path rootDir = settings.home().resolve("payara");
        deleteRecursively(rootDir);
        Files.createDirectories(rootDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(settings.javaOptions().trim().split("\\s+")));
        command.addAll(List.of(
                "-Dhazelcast.phone.home.enabled=false",
                // Its embedded Hazelcast on loopback only, discovering no one (see the file).
                "-Dhazelcast.config=" + dist.resolve("payara/hazelcast.xml"),
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-jar", dist.resolve("payara-micro.jar").toString(),
                "--nocluster",
                "--disablephonehome",
                "--port", String.valueOf(settings.port()),
                "--rootdir", rootDir.toString(),
                "--logproperties", dist.resolve("payara/logging.properties").toString(),
                "--prebootcommandfile", dist.resolve("payara/pre-boot.asadmin").toString(),
                "--contextroot", "/",
                "--deploy", dist.resolve("reliefchain.war").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(appEnv);
        log("starting Payara Micro on port " + settings.port());
        return builder.start();
    }

    private static void waitUntilReady(int port, Process server) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + port + "/health/ready");
        // Payara Micro keeps running when the deployment fails; the login page tells whether the app is there.
        URI app = URI.create("http://localhost:" + port + "/login.xhtml");
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        int serverUpAppMissing = 0;
        while (System.nanoTime() < deadline && server.isAlive()) {
            int health = status(http, ready);
            int login = health == 200 ? status(http, app) : -1;
            if (health == 200 && login == 200) {
                log("reliefchain is ready at http://localhost:" + port + "/  (demo logins in README.md)");
                return;
            }
            if (health == 200 && login == 404 && ++serverUpAppMissing >= 5) {
                log("Payara Micro is up but the application did not deploy; see the log above");
                server.destroy();
                return;
            }
            Thread.sleep(1000);
        }
        log(server.isAlive() ? "not ready after " + STARTUP_LIMIT.toMinutes() + " minutes; see the log above"
                : "the application server stopped during start-up; see the log above");
    }

    private static int status(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        }
    }

    private static synchronized void stop(Process server, EmbeddedDatabase database) {
        if (server.isAlive()) {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("reliefchain: could not stop PostgreSQL cleanly: " + e.getMessage());
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The folder holding this jar, payara-micro.jar, reliefchain.war and payara/. */
    private static Path distributionFolder() throws Exception {
        return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    private static void log(String message) {
        System.out.println("[reliefchain] " + message);
    }
}
