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
 * {@code java -jar reliefchain-launcher.jar [--instances N]}: database, then Payara Micro (or N of them as one
 * cluster behind HAProxy), then "ready". Stops all on Ctrl-C. Payara runs with phone-home off (its own and
 * Hazelcast's), alone without clustering, in a cluster with its data grid on loopback naming its members, so
 * the product opens no connection except to its database and, in a cluster, to its own instances.
 */
public final class Launcher {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.from(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("reliefchain: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (settings.clustered()) {
            String problem = portProblem(settings);
            if (problem != null) {
                log(problem + ": a cluster of " + settings.instances() + " uses PORT (" + settings.port() + "), the next "
                        + settings.instances() + " ports and CLUSTER_PORT (" + settings.clusterPort() + ") onwards");
                System.exit(2);
                return;
            }
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
        EmbeddedDatabase database = embedded;
        if (settings.clustered()) {
            runCluster(settings, dist, appEnv, database);
            return;
        }
        Process server = startPayara(settings, dist, appEnv, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(List.of(server), database)));
        waitUntilReady(settings.port(), server);
        int exit = server.waitFor();
        stop(List.of(server), database);
        System.exit(exit);
    }

    /**
     * {@code --instances N}: N Payara Micro instances on the ports after {@code PORT} (loopback), one data grid
     * on loopback, HAProxy on {@code PORT}. The instances start one after the other, each waited for (the first
     * migrates and seeds the database), then the balancer: "ready" means every instance serves. An instance that dies is not restarted: the balancer stops sending
     * to it and its sessions go on elsewhere; the launcher ends when the balancer or every instance has ended.
     */
    private static void runCluster(Settings settings, Path dist, Map<String, String> appEnv, EmbeddedDatabase database)
            throws Exception {
        ClusterFiles files = new ClusterFiles(settings);
        String haproxy = findOnPath("haproxy", "/usr/sbin/haproxy");
        if (haproxy == null) {
            log("--instances " + settings.instances() + " needs HAProxy as the balancer: apt-get install haproxy");
            stop(List.of(), database);
            System.exit(2);
        }
        List<Process> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(processes, database)));
        appEnv.put("RELIEFCHAIN_BEHIND_PROXY", "true");
        for (int i = 1; i <= settings.instances(); i++) {
            Map<String, String> env = new java.util.HashMap<>(appEnv);
            env.put("RELIEFCHAIN_INSTANCE", ClusterFiles.instanceName(i));
            // Each instance builds and loads its own copy of the road graph: two writers of one folder would
            // meet GraphHopper's lock when both plan for the first time.
            env.put("RELIEFCHAIN_ROADS_CACHE", Path.of(appEnv.get("RELIEFCHAIN_ROADS_CACHE"))
                    .resolve(ClusterFiles.instanceName(i)).toString());
            Process server = startPayara(settings, dist, env, i);
            processes.add(server);
            if (!waitUntilUp(settings.instancePort(i), server)) {
                log(ClusterFiles.instanceName(i) + " did not start; see the log above");
                stop(processes, database);
                System.exit(1);
            }
        }
        Process balancer = new ProcessBuilder(haproxy, "-db", "-f", files.haproxy().toString()).inheritIO().start();
        processes.add(0, balancer);
        log("starting HAProxy on port " + settings.port() + " in front of " + settings.instances() + " instances");
        waitUntilReady(settings.port(), balancer);
        boolean[] told = new boolean[processes.size()];
        while (balancer.isAlive() && processes.stream().skip(1).anyMatch(Process::isAlive)) {
            for (int i = 1; i < processes.size(); i++) {
                if (!processes.get(i).isAlive() && !told[i]) {
                    told[i] = true;
                    log(ClusterFiles.instanceName(i) + " has stopped (exit " + processes.get(i).exitValue()
                            + "); the others serve on");
                }
            }
            Thread.sleep(1000);
        }
        stop(processes, database);
        System.exit(balancer.isAlive() ? 1 : balancer.exitValue());
    }

    /**
     * Starts Payara Micro: instance 0 alone on {@code PORT} (clustering off, its data grid on loopback discovering
     * no one), or instance {@code i} of a cluster on its own port, with its own working folder and grid file.
     */
    private static Process startPayara(Settings settings, Path dist, Map<String, String> appEnv, int instance)
            throws IOException {
        // Payara's working folder is rebuilt on every start: reusing it would deploy the previous war
        // and then this one, starting the application twice.
        Path rootDir = settings.home().resolve(instance == 0 ? "payara" : "payara-" + instance);
        deleteRecursively(rootDir);
        Files.createDirectories(rootDir);
        ClusterFiles cluster = new ClusterFiles(settings);
        Path preBoot = dist.resolve("payara/pre-boot.asadmin");
        int port = instance == 0 ? settings.port() : settings.instancePort(instance);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(settings.javaOptions().trim().split("\\s+")));
        command.addAll(List.of(
                "-Dhazelcast.phone.home.enabled=false",
                // The data grid on loopback only: alone (see the file), or with the cluster's members named.
                "-Dhazelcast.config=" + (instance == 0 ? dist.resolve("payara/hazelcast.xml") : cluster.hazelcast(instance)),
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-jar", dist.resolve("payara-micro.jar").toString()));
        if (instance == 0) {
            command.add("--nocluster");
        } else {
            // Each instance caches entities (EclipseLink's shared cache): a change committed on one is sent to the
            // others through the data grid (Payara's cache coordination), or they would go on reading the old row.
            // EclipseLink reads these from system properties when persistence.xml does not set them; alone, there
            // is no one to tell.
            command.add(command.indexOf("-jar"), "-Declipselink.cache.coordination.protocol="
                    + "fish.payara.persistence.eclipselink.cache.coordination.HazelcastPublishingTransportManager");
            command.add(command.indexOf("-jar"), "-Declipselink.cache.coordination.channel=" + ClusterFiles.CLUSTER_NAME);
            command.addAll(List.of("--name", ClusterFiles.instanceName(instance)));
            preBoot = cluster.preBoot(instance, preBoot);
        }
        command.addAll(List.of(
                "--disablephonehome",
                "--port", String.valueOf(port),
                "--rootdir", rootDir.toString(),
                "--logproperties", dist.resolve("payara/logging.properties").toString(),
                "--prebootcommandfile", preBoot.toString(),
                "--contextroot", "/",
                "--deploy", dist.resolve("reliefchain.war").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(appEnv);
        log("starting Payara Micro" + (instance == 0 ? "" : " " + ClusterFiles.instanceName(instance)) + " on port " + port);
        return builder.start();
    }

    /** Why the cluster's ports will not do (one taken twice, beyond 65535, or in use), or null. */
    private static String portProblem(Settings settings) {
        List<Integer> ports = new ClusterFiles(settings).ports();
        for (int port : ports) {
            if (port > 65535) {
                return "port " + port + " is beyond 65535";
            }
            if (ports.indexOf(port) != ports.lastIndexOf(port)) {
                return "port " + port + " would be used twice";
            }
            // the balancer binds every interface, the instances loopback: probe where each will listen
            if (inUse(port == settings.port() ? "0.0.0.0" : "127.0.0.1", port)) {
                return "port " + port + " is in use";
            }
        }
        return null;
    }

    private static boolean inUse(String address, int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(address, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String findOnPath(String name, String fallback) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return Files.isExecutable(Path.of(fallback)) ? fallback : null;
    }

    /** Until an instance of a cluster is ready and serves the application (Payara answers without it when it failed). */
    private static boolean waitUntilUp(int port, Process server) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        URI app = URI.create("http://127.0.0.1:" + port + "/login.xhtml");
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            if (status(http, ready) == 200 && status(http, app) == 200) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
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

    private static synchronized void stop(List<Process> processes, EmbeddedDatabase database) {
        processes.forEach(Process::destroy);
        for (Process server : processes) {
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
