package org.reliefchain.web.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stock on hand stays fast as lots grow (see web/bench lots and docs/performance.md). Times the pages
 * the stock screen and the API ask for (first page, a deep page, by material, expiring soon, one
 * county) at the database's current size, then adds lots through the bulk import API (so the ledger
 * and balances stay consistent) until there are {@code BENCH_LOTS} (default 100,000) lots with stock,
 * and times the same pages again. Not a test: a program that prints numbers.
 */
public final class LotsBench {

    private static final int REPEAT = 15;
    private static final int FILE_ROWS = 10_000;

    private final URI base;
    private final String auth;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private LotsBench(URI base, String user, String password) {
        this.base = base;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        URI base = URI.create(env.getOrDefault("BASE_URL", "http://localhost:8080").replaceAll("/+$", "") + "/");
        int target = Integer.parseInt(env.getOrDefault("BENCH_LOTS", "100000"));
        LotsBench bench = new LotsBench(base, env.getOrDefault("BENCH_USER", "province.manager"),
                env.getOrDefault("BENCH_PASSWORD", "demo123"));

        long before = bench.lotsWithStock();
        Map<String, Double> small = bench.timePages(before);
        bench.grow(before, target);
        long after = bench.lotsWithStock();
        Map<String, Double> large = bench.timePages(after);

        double worst = 0;
        for (String page : small.keySet()) {
            double ratio = large.get(page) / small.get(page);
            worst = Math.max(worst, ratio);
            System.out.printf("%-28s p50 %7.1f ms at %d lots, %7.1f ms at %d lots (ratio %.2f)%n", page,
                    small.get(page), before, large.get(page), after, ratio);
        }
        System.out.printf("stock on hand at %d lots: slowest page p50 %.1f ms, worst ratio %.2f to %d lots%n", after,
                Collections.max(large.values()), worst, before);
    }

    /** Lots with stock the province manager sees: the total of the unfiltered balances page. */
    private long lotsWithStock() throws Exception {
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(get("api/stock/balances?size=1"));
        if (!m.find()) {
            throw new IllegalStateException("no total in the balances page");
        }
        return Long.parseLong(m.group(1));
    }

    private Map<String, Double> timePages(long lots) throws Exception {
        String county = firstCountyDivision();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("first page", "api/stock/balances?size=25");
        pages.put("deep page", "api/stock/balances?size=25&page=" + Math.max(0, lots / 25 / 2));
        pages.put("one material", "api/stock/balances?material=BLANKET&size=25");
        pages.put("expiring in 90 days", "api/stock/balances?expiringWithinDays=90&size=25");
        pages.put("one county", "api/stock/balances?division=" + county + "&size=25");
        Map<String, Double> p50 = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            get(page.getValue()); // warm-up
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < REPEAT; i++) {
                long start = System.nanoTime();
                get(page.getValue());
                ms.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(ms);
            p50.put(page.getKey(), ms.get(ms.size() / 2));
        }
        return p50;
    }

    private String firstCountyDivision() throws Exception {
        Matcher m = Pattern.compile("\"division\":\"(\\d{6})\"").matcher(get("api/warehouses?level=COUNTY&size=1"));
        if (!m.find()) {
            throw new IllegalStateException("no county warehouse found (is it the demo database?)");
        }
        return m.group(1);
    }

    /** Receipts of new lots through the import API, spread over the county and township warehouses. */
    private void grow(long have, int target) throws Exception {
        if (have >= target) {
            return;
        }
        List<String> warehouses = new ArrayList<>();
        for (String level : List.of("COUNTY", "TOWNSHIP")) {
            Matcher m = Pattern.compile("\"code\":\"([A-Z0-9-]+)\"")
                    .matcher(get("api/warehouses?level=" + level + "&size=500"));
            while (m.find()) {
                warehouses.add(m.group(1));
            }
        }
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        long missing = target - have;
        long start = System.nanoTime();
        for (long done = 0; done < missing; ) {
            StringBuilder csv = new StringBuilder("warehouse,material,lot,quantity\n");
            int rows = (int) Math.min(FILE_ROWS, missing - done);
            for (int i = 0; i < rows; i++) {
                long n = done + i;
                csv.append(warehouses.get((int) (n % warehouses.size()))).append(",BLANKET,LOTS-").append(run)
                        .append('-').append(n).append(",").append(1 + n % 40).append('\n');
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/stock/imports"))
                    .timeout(Duration.ofMinutes(10)).header("Authorization", auth).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("\"written\":true")) {
                throw new IllegalStateException("import refused: " + r.statusCode() + " " + r.body());
            }
            done += rows;
            System.out.printf("imported %d of %d lots (%.0f s)%n", done, missing, (System.nanoTime() - start) / 1e9);
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
