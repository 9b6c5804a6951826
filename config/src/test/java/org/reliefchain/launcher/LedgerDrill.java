package org.reliefchain.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives stock movements at a running launcher with {@value #CLIENTS} clients, lets a fault happen,
 * and after a restart counts what the ledger kept of what it acknowledged.
 */
final class LedgerDrill {

    static final int CLIENTS = 8;
    /** Acknowledged movements to see before the fault: the fault strikes a ledger under load. */
    private static final int BEFORE_FAULT = 60;
    private static final Duration CEILING = Duration.ofMinutes(6);
    /** The first movement's id; JSON-B writes properties in alphabetical order, so "id" is not first. */
    private static final Pattern MOVEMENT_ID = Pattern.compile("\"movement\":\\{[^{}]*?\"id\":(\\d+)");
    private static final String MATERIAL = "BLANKET"; // no shelf life: receipts need no dates

    private final Instance instance;
    private final String run;
    private final List<String[]> lots = new ArrayList<>(); // {warehouse, lot}

    LedgerDrill(Instance instance, String tag) {
        this.instance = instance;
        this.run = tag + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** What the clients sent, and which keys were answered 201 with which movement. */
    record Load(Map<String, String> sent, Map<String, Long> acks) {
        long acknowledged() {
            return acks.size();
        }
    }

    /** What the ledger kept after the restart. */
    record Verdict(long acknowledged, long present, long lost, long duplicated, long resent, long balancesOff) {
        @Override
        public String toString() {
            return "acknowledged " + acknowledged + " / present " + present + " / lost " + lost + " / duplicated "
                    + duplicated + " (" + resent + " keys re-sent; " + balancesOff + " balances differ from their ledger)";
        }
    }

    void setUp() throws Exception {
        String page = instance.get("api/warehouses?level=COUNTY&size=" + CLIENTS);
        Matcher m = Pattern.compile("\"code\":\"(ZJ-[0-9]+)\"").matcher(page);
        while (m.find() && lots.size() < CLIENTS) {
            String lot = "DRILL-" + run + "-" + lots.size();
            String[] where = {m.group(1), lot};
            HttpResponse<String> r = instance.post("api/stock/movements", body("RECEIPT", where, 1000, "setup-" + lot));
            if (r.statusCode() != 201) {
                throw new IllegalStateException("set-up receipt answered " + r.statusCode() + ": " + r.body());
            }
            lots.add(where);
        }
        if (lots.isEmpty()) {
            throw new IllegalStateException("no county warehouses in the demo database: " + page);
        }
    }

    /** Runs the clients until {@value #BEFORE_FAULT} movements are acknowledged, then the fault, then stops them. */
    Load loadThen(Fault fault) throws Exception {
        Map<String, String> sent = new ConcurrentHashMap<>();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sequence = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> lastRefusal = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread t = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    String key = "drill-" + run + "-" + sequence.incrementAndGet();
                    String[] lot = lots.get(random.nextInt(lots.size()));
                    String body = random.nextBoolean() ? body("RECEIPT", lot, 1 + random.nextInt(5), key)
                            : body("ISSUE", lot, 1 + random.nextInt(3), key);
                    sent.put(key, body);
                    try {
                        HttpResponse<String> r = instance.post("api/stock/movements", body);
                        Matcher id = MOVEMENT_ID.matcher(r.body());
                        if (r.statusCode() == 201 && id.find()) {
                            acknowledged.put(key, Long.parseLong(id.group(1)));
                        } else {
                            lastRefusal.set(r.statusCode() + " " + r.body());
                        }
                    } catch (IOException e) {
                        pause(); // the server is gone: keep trying, as a client would
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "drill-client-" + c);
            t.start();
            clients.add(t);
        }
        long until = System.nanoTime() + CEILING.toNanos();
        while (acknowledged.size() < BEFORE_FAULT) {
            if (System.nanoTime() > until) {
                stop.set(true);
                throw new IllegalStateException("only " + acknowledged.size() + " movements acknowledged in " + CEILING
                        + "; last refusal: " + lastRefusal.get());
            }
            Thread.sleep(20);
        }
        fault.strike();
        Thread.sleep(1500); // clients keep sending into the failure: those requests are not acknowledged
        stop.set(true);
        for (Thread t : clients) {
            t.join(TimeUnit.MINUTES.toMillis(4));
        }
        return new Load(Map.copyOf(sent), Map.copyOf(acknowledged));
    }

    /** After the restart: what is present, re-sending every key, then the balances. */
    Verdict check(Load load, Instance restarted) throws Exception {
        List<String> keys = new ArrayList<>(load.acks().keySet());
        Map<String, List<Long>> before = movementsByKey(restarted, new ArrayList<>(load.sent().keySet()));
        long present = 0;
        long lost = 0;
        for (String key : keys) {
            List<Long> ids = before.getOrDefault(key, List.of());
            if (ids.contains(load.acks().get(key))) {
                present++;
            } else {
                lost++;
            }
        }
        for (Map.Entry<String, String> e : load.sent().entrySet()) {
            HttpResponse<String> r = restarted.post("api/stock/movements", e.getValue());
            Long acked = load.acks().get(e.getKey());
            if (acked != null) {
                Matcher id = MOVEMENT_ID.matcher(r.body());
                boolean same = r.statusCode() == 201 && id.find() && Long.parseLong(id.group(1)) == acked
                        && "true".equals(r.headers().firstValue("Idempotent-Replayed").orElse(""));
                if (!same) {
                    throw new IllegalStateException("re-sending acknowledged key " + e.getKey() + " answered "
                            + r.statusCode() + " " + r.body());
                }
            }
        }
        Map<String, List<Long>> after = movementsByKey(restarted, new ArrayList<>(load.sent().keySet()));
        long duplicated = after.values().stream().filter(ids -> ids.size() > 1).count();
        for (Map.Entry<String, List<Long>> e : before.entrySet()) {
            if (!after.get(e.getKey()).equals(e.getValue())) {
                duplicated++; // a key that was already applied was applied again by the re-send
            }
        }
        return new Verdict(keys.size(), present, lost, duplicated, load.sent().size(), balancesOff(restarted));
    }

    private Map<String, List<Long>> movementsByKey(Instance i, List<String> keys) throws Exception {
        Map<String, List<Long>> out = new HashMap<>();
        try (Connection c = i.connect(); PreparedStatement p = c.prepareStatement(
                "select r.idempotency_key, m.id from stock_request r join stock_movement m on m.request_id = r.id"
                        + " where r.idempotency_key = any (?) order by m.id")) {
            p.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getLong(2));
                }
            }
        }
        return out;
    }

    private long balancesOff(Instance i) throws Exception {
        try (Connection c = i.connect(); PreparedStatement p = c.prepareStatement(
                "select count(*) from stock_balance b join stock_lot l on l.id = b.lot_id where l.lot_number like ?"
                        + " and b.quantity <> (select coalesce(sum(m.quantity_delta), 0) from stock_movement m"
                        + " where m.warehouse_id = b.warehouse_id and m.lot_id = b.lot_id)")) {
            p.setString(1, "DRILL-" + run + "-%");
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String body(String type, String[] lot, int quantity, String key) {
        return "{\"type\":\"" + type + "\",\"warehouse\":\"" + lot[0] + "\",\"material\":\"" + MATERIAL
                + "\",\"lot\":\"" + lot[1] + "\",\"quantity\":\"" + quantity + "\",\"reason\":\"drill\","
                + "\"idempotencyKey\":\"" + key + "\"}";
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    interface Fault {
        void strike() throws Exception;
    }

    /** One launcher process ({@code target/dist}), its embedded PostgreSQL and Payara Micro, on loopback. */
    static final class Instance {

        private static final Path DIST = Path.of("target", "dist", "reliefchain-launcher.jar");
        private final Path home;
        private final int port;
        private final int pgPort;
        private final Process launcher;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String auth = "Basic " + Base64.getEncoder()
                .encodeToString("province.manager:demo123".getBytes(StandardCharsets.UTF_8));

        private Instance(Path home, int port, int pgPort, Process launcher) {
            this.home = home;
            this.port = port;
            this.pgPort = pgPort;
            this.launcher = launcher;
        }

        static Instance start(Path home) throws Exception {
            return start(home, freePort(), freePort(), 1);
        }

        /** {@code --instances n}: a cluster behind HAProxy on {@link #port()}, its instances on the ports after it. */
        static Instance startCluster(Path home, int instances) throws Exception {
            // one block: the balancer, then each instance's HTTP port, then each one's data-grid port
            return start(home, freePorts(2 * instances + 1), freePort(), instances);
        }

        private static Instance start(Path home, int port, int pgPort, int instances) throws Exception {
            Path log = Files.createTempFile(home, "launcher-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", DIST.toAbsolutePath().toString()));
            if (instances > 1) {
                command.addAll(List.of("--instances", String.valueOf(instances)));
            }
            ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (instances > 1) {
                b.environment().put("CLUSTER_PORT", String.valueOf(port + instances + 1));
            }
            b.environment().put("PORT", String.valueOf(port));
            b.environment().put("EMBEDDED_PG_PORT", String.valueOf(pgPort));
            b.environment().put("RELIEFCHAIN_HOME", home.toString());
            b.environment().put("RELIEFCHAIN_JAVA_OPTS", "-Xmx768m");
            b.environment().remove("DB_URL");
            Instance i = new Instance(home, port, pgPort, b.start());
            i.awaitReady(log, CEILING.multipliedBy(instances)); // the instances of a cluster start one after another
            return i;
        }

        private void awaitReady(Path log, Duration ceiling) throws Exception {
            long until = System.nanoTime() + ceiling.toNanos();
            while (System.nanoTime() < until && launcher.isAlive()) {
                if (Files.readString(log).contains("reliefchain is ready")) {
                    return;
                }
                Thread.sleep(500);
            }
            String tail = Files.readString(log);
            stop();
            throw new IllegalStateException("the launcher did not get ready:\n"
                    + tail.substring(Math.max(0, tail.length() - 4000)));
        }

        int port() {
            return port;
        }

        /** Payara Micro, started by the launcher. */
        ProcessHandle applicationServer() {
            return launcher.descendants()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro.jar")).orElse(false))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no Payara Micro under the launcher"));
        }

        /** The instance of a cluster of that name ({@code reliefchain-1}...). */
        ProcessHandle applicationServer(String name) {
            return launcher.descendants()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro.jar")
                            && c.contains("--name " + name + " ")).orElse(false))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no instance " + name + " under the launcher"));
        }

        /** {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, no checkpoint, no flush. */
        void crashDatabase() throws Exception {
            List<String> pid = Files.readAllLines(home.resolve("pgdata").resolve("postmaster.pid"));
            long postmaster = Long.parseLong(pid.get(0).trim());
            Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(postmaster)).inheritIO().start();
            kill.waitFor();
            ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
        }

        /** The embedded PostgreSQL's postmaster: its process and its command line, to start it again the same way. */
        ProcessHandle postmaster() throws IOException {
            List<String> pid = Files.readAllLines(home.resolve("pgdata").resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(pid.get(0).trim()))
                    .orElseThrow(() -> new IllegalStateException("no postmaster running"));
        }

        /**
         * Starts PostgreSQL again with {@code commandLine} (the crashed postmaster's, from /proc), outside the
         * launcher: the application server must find it again by itself, as it would after an operator's restart.
         */
        Process startDatabase(List<String> commandLine) throws Exception {
            Path log = Files.createTempFile(home, "postgres-", ".log");
            List<String> command = new ArrayList<>(commandLine);
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(0, List.of("unshare", "-U")); // as the embedded server does: PostgreSQL refuses root
            }
            Process postgres = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < until) {
                try (Connection c = connect()) {
                    return postgres;
                } catch (java.sql.SQLException starting) {
                    if (!postgres.isAlive()) {
                        throw new IllegalStateException("postgres did not start again:\n" + Files.readString(log));
                    }
                    Thread.sleep(250);
                }
            }
            throw new IllegalStateException("postgres did not accept connections within 2 minutes");
        }

        /** A GET as {@code user} (Basic), the whole answer. */
        HttpResponse<String> getAs(String user, String path) throws IOException, InterruptedException {
            return getAs(user, path, "demo123");
        }

        HttpResponse<String> getAs(String user, String path, String password) throws IOException, InterruptedException {
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** SIGKILL to Payara Micro, the launcher's child. */
        void killServer() {
            ProcessHandle payara = applicationServer();
            payara.destroyForcibly();
            payara.onExit().join();
        }

        /** Stops what is left and starts the launcher again on the same data and ports. */
        Instance restart() throws Exception {
            stop();
            return start(home, port, pgPort, 1);
        }

        void stop() throws Exception {
            List<ProcessHandle> family = new ArrayList<>(launcher.descendants().toList());
            launcher.destroy();
            if (!launcher.waitFor(3, TimeUnit.MINUTES)) {
                launcher.destroyForcibly();
            }
            for (ProcessHandle p : family) {
                p.destroyForcibly();
            }
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + pgPort + "/" + EmbeddedDatabase.DATABASE;
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection(jdbcUrl(), "postgres", "");
        }

        String get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(base().resolve(path)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI base() {
            return URI.create("http://localhost:" + port + "/");
        }

        /** The first of {@code n} consecutive ports that are free now. */
        private static int freePorts(int n) throws IOException {
            // Below Linux's ephemeral range (32768-60999): a port found free there is not handed to the next
            // outgoing connection (ours or the database's) before the launcher binds it.
            java.util.Random random = new java.util.Random();
            for (int attempt = 0; attempt < 50; attempt++) {
                int first = 20_000 + random.nextInt(10_000);
                boolean free = true;
                for (int p = first; p < first + n && free; p++) {
                    try (ServerSocket s = new ServerSocket()) {
                        s.bind(new java.net.InetSocketAddress("127.0.0.1", p));
                    } catch (IOException busy) {
                        free = false;
                    }
                }
                if (free) {
                    return first;
                }
            }
            throw new IllegalStateException("no " + n + " consecutive free ports");
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
