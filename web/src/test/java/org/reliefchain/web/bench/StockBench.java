package org.reliefchain.web.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stock ledger under load, side by side with pgbench on the same PostgreSQL (see web/bench and
 * docs/performance.md). Not a test: a program that prints numbers.
 *
 * <ol>
 *   <li>Set-up: receipts that create {@code LOTS} ordinary lots over 20 county warehouses and 4 hot
 *       lots in one warehouse.</li>
 *   <li>The server's floor, with the same client and clients, {@code FLOOR_SECONDS} each: the bare floor
 *       ({@code GET /api/me} without credentials: 401 before any of our code runs) and the signed-in floor
 *       (the same with valid credentials: sign-in, one EJB call, one query). Movements are then judged against
 *       the signed-in floor: what the ledger adds to the cheapest request a user can make.</li>
 *   <li>Load: {@code CLIENTS} threads for {@code SECONDS}: half receipts, half issues, one in ten on a
 *       hot lot, 3 % re-sent with an earlier idempotency key.</li>
 *   <li>pgbench's TPC-B-like script, same clients and time, in its own database on the same server.</li>
 *   <li>Consistency: for every bench lot the ledger sums to the balance, no balance is negative, each
 *       re-sent key was applied once.</li>
 * </ol>
 */
public final class StockBench {

    private static final int LOTS = 400;
    private static final int HOT_LOTS = 4;
    private static final String MATERIAL = "BLANKET"; // no shelf life: receipts need no dates

    private final URI base;
    private final String auth;
    private final int clients;
    private final int seconds;
    private final int floorSeconds;
    // HTTP/1.1 with keep-alive, as curl, scripts and browsers on plain http talk to the API; BENCH_HTTP=2 for h2c.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version("2".equals(System.getenv("BENCH_HTTP")) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8, daemon())).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    /** The client's threads must not keep the program alive once it has printed its last line. */
    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        };
    }
    private final List<String[]> lots = new ArrayList<>(); // {warehouse, lot}
    private final List<String[]> hot = new ArrayList<>();

    private StockBench(URI base, String user, String password, int clients, int seconds, int floorSeconds) {
        this.base = base;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.clients = clients;
        this.seconds = seconds;
        this.floorSeconds = floorSeconds;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        URI base = URI.create(env.getOrDefault("BASE_URL", "http://localhost:8080").replaceAll("/+$", "") + "/");
        int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "8"));
        int seconds = Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "60"));
        int floorSeconds = Integer.parseInt(env.getOrDefault("BENCH_FLOOR_SECONDS", "10"));
        Db db = Db.fromEnvironment(env);
        StockBench bench = new StockBench(base, env.getOrDefault("BENCH_USER", "province.manager"),
                env.getOrDefault("BENCH_PASSWORD", "demo123"), clients, seconds, floorSeconds);

        bench.setUp();
        double bare = bench.floor("bare floor (GET /api/me without credentials, 401)", false, 401);
        double signedIn = bench.floor("signed-in floor (GET /api/me with credentials, 200)", true, 200);
        Load load = bench.load();
        double pgbenchTps;
        try (PgBench pgbench = PgBench.init(db, Math.max(clients, 10))) {
            pgbenchTps = pgbench.tps(clients, seconds);
        }
        String consistency = bench.consistency(db, load);

        double movementsPerSecond = load.created / (double) seconds;
        double ratio = movementsPerSecond / pgbenchTps;
        System.out.printf("requests: %d in %d s by %d clients: %d recorded, %d refused (insufficient stock),"
                        + " %d replayed, %d other errors%n", load.total(), seconds, clients, load.created, load.refused,
                load.replayed, load.errors);
        System.out.printf("latency: p50 %.1f ms, p99 %.1f ms%n", load.percentile(50), load.percentile(99));
        System.out.printf("pgbench (TPC-B-like, %d clients, %d s): %.0f tps%n", clients, seconds, pgbenchTps);
        System.out.printf("movements/s: %.0f (ratio %.2f to pgbench), signed-in floor %.0f req/s (%.2f x bare),"
                        + " movements %.2f x signed-in floor, p99 %.0f ms at %d clients, consistency %s%n",
                movementsPerSecond, ratio, signedIn, signedIn / bare, movementsPerSecond / signedIn,
                load.percentile(99), clients, consistency);
    }

    /**
     * Requests a second to {@code GET /api/me} by all clients for {@code floorSeconds}, with or without
     * credentials; every answer must have {@code expected} status (else the floor is not what it claims).
     */
    private double floor(String what, boolean signedIn, int expected) throws InterruptedException {
        AtomicLong answered = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(floorSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/me")).timeout(Duration.ofSeconds(30));
                HttpRequest request = (signedIn ? b.header("Authorization", auth) : b).GET().build();
                while (System.nanoTime() < end) {
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == expected ? answered : unexpected).incrementAndGet();
                    } catch (Exception e) {
                        unexpected.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(floorSeconds + 60L, TimeUnit.SECONDS);
        if (unexpected.get() > 0) {
            throw new IllegalStateException(what + ": " + unexpected.get() + " answers were not " + expected);
        }
        double rate = answered.get() / (double) floorSeconds;
        System.out.printf("%s: %.0f req/s by %d clients%n", what, rate, clients);
        return rate;
    }

    private void setUp() throws Exception {
        List<String> warehouses = new ArrayList<>();
        String page = get("api/warehouses?level=COUNTY&size=20");
        Matcher m = Pattern.compile("\"code\":\"(ZJ-[0-9]+)\"").matcher(page);
        while (m.find()) {
            warehouses.add(m.group(1));
        }
        if (warehouses.size() < 2) {
            throw new IllegalStateException("no county warehouses found at " + base + " (is it the demo database?)");
        }
        for (int i = 0; i < LOTS; i++) {
            String w = warehouses.get(i % warehouses.size());
            String lot = "BENCH-" + run + "-" + i;
            require(receipt(w, lot, 50, "bench-setup-" + run + "-" + i), lot);
            lots.add(new String[] {w, lot});
        }
        for (int i = 0; i < HOT_LOTS; i++) {
            String lot = "BENCH-" + run + "-HOT-" + i;
            require(receipt(warehouses.get(0), lot, 500, "bench-setup-" + run + "-hot-" + i), lot);
            hot.add(new String[] {warehouses.get(0), lot});
        }
        System.out.printf("set-up: %d lots over %d warehouses and %d hot lots in %s%n", LOTS, warehouses.size(),
                HOT_LOTS, warehouses.get(0));
    }

    /** What the load phase saw. */
    static final class Load {
        long created;
        long refused;
        long replayed;
        long errors;
        final List<Long> micros = new ArrayList<>();
        final List<String> duplicatedKeys = new ArrayList<>();

        long total() {
            return created + refused + replayed + errors;
        }

        double percentile(int p) {
            if (micros.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * micros.size()) - 1;
            return micros.get(Math.max(0, i)) / 1000.0;
        }
    }

    private Load load() throws InterruptedException {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> duplicated = new ConcurrentLinkedQueue<>();
        AtomicLong created = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                String lastKey = null;
                String lastBody = null;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String key;
                    String body;
                    if (lastBody != null && random.nextInt(100) < 3) {
                        key = lastKey;
                        body = lastBody;
                        duplicated.add(key);
                    } else {
                        String[] lot = random.nextInt(10) == 0 ? hot.get(random.nextInt(hot.size()))
                                : lots.get(random.nextInt(lots.size()));
                        key = "bench-" + run + "-" + sequence.incrementAndGet();
                        body = random.nextBoolean() ? receiptBody(lot[0], lot[1], 1 + random.nextInt(5), key)
                                : issueBody(lot[0], lot[1], 1 + random.nextInt(3), key);
                    }
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(post("api/stock/movements", body),
                                HttpResponse.BodyHandlers.ofString());
                        micros.add((System.nanoTime() - started) / 1000);
                        if (r.statusCode() == 201 && "true".equals(r.headers().firstValue("Idempotent-Replayed")
                                .orElse("false"))) {
                            replayed.incrementAndGet();
                        } else if (r.statusCode() == 201) {
                            created.incrementAndGet();
                            lastKey = key;
                            lastBody = body;
                        } else if (r.statusCode() == 409 && r.body().contains("insufficient-stock")) {
                            refused.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        Load load = new Load();
        load.created = created.get();
        load.refused = refused.get();
        load.replayed = replayed.get();
        load.errors = errors.get();
        load.micros.addAll(micros);
        Collections.sort(load.micros);
        load.duplicatedKeys.addAll(duplicated);
        return load;
    }

    private String consistency(Db db, Load load) throws Exception {
        try (Connection c = db.connect(db.database()); Statement s = c.createStatement()) {
            String lotFilter = "l.lot_number like 'BENCH-" + run + "-%'";
            long mismatched = count(s, "select count(*) from stock_balance b join stock_lot l on l.id = b.lot_id"
                    + " where " + lotFilter + " and b.quantity <> (select coalesce(sum(m.quantity_delta), 0)"
                    + " from stock_movement m where m.warehouse_id = b.warehouse_id and m.lot_id = b.lot_id)");
            long negative = count(s, "select count(*) from stock_balance where quantity < 0");
            long movementsRecorded = count(s, "select count(*) from stock_movement m join stock_request r on"
                    + " r.id = m.request_id where r.idempotency_key like 'bench-" + run + "-%'");
            long multiplyApplied = count(s, "select count(*) from (select m.request_id from stock_movement m join"
                    + " stock_request r on r.id = m.request_id where r.idempotency_key like 'bench-" + run + "-%'"
                    + " group by m.request_id having count(*) > 1) x");
            boolean ok = mismatched == 0 && negative == 0 && multiplyApplied == 0 && movementsRecorded == load.created;
            System.out.printf("consistency: %d lots whose ledger differs from the balance, %d negative balances,"
                            + " %d requests applied more than once (%d keys re-sent), %d movements recorded for %d"
                            + " answered 201%n", mismatched, negative, multiplyApplied, load.duplicatedKeys.size(),
                    movementsRecorded, load.created);
            return ok ? "OK" : "FAILED";
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void require(String response, String what) {
        if (!response.contains("\"movement\"")) {
            throw new IllegalStateException("set-up of " + what + " failed: " + response);
        }
    }

    private String receipt(String warehouse, String lot, int quantity, String key) throws Exception {
        return http.send(post("api/stock/movements", receiptBody(warehouse, lot, quantity, key)),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String receiptBody(String warehouse, String lot, int quantity, String key) {
        return "{\"type\":\"RECEIPT\",\"warehouse\":\"" + warehouse + "\",\"material\":\"" + MATERIAL + "\",\"lot\":\""
                + lot + "\",\"quantity\":\"" + quantity + "\",\"reason\":\"bench\",\"idempotencyKey\":\"" + key + "\"}";
    }

    private static String issueBody(String warehouse, String lot, int quantity, String key) {
        return "{\"type\":\"ISSUE\",\"warehouse\":\"" + warehouse + "\",\"material\":\"" + MATERIAL + "\",\"lot\":\""
                + lot + "\",\"quantity\":\"" + quantity + "\",\"reason\":\"bench\",\"idempotencyKey\":\"" + key + "\"}";
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
