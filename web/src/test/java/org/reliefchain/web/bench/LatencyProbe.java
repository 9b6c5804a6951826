package org.reliefchain.web.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A few people using the stock pages while something else runs: {@code clients} threads, each asking
 * for the next of a fixed set of pages, then pausing {@code thinkMillis} as a person reading it would
 * (without the pause the probe itself would load two cores and measure its own queue). Every answer's
 * time is kept, so percentiles come from all of them.
 */
final class LatencyProbe {

    /** What one window saw. */
    record Latencies(List<Long> micros, long errors, double seconds) {

        double percentile(int p) {
            if (micros.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * micros.size()) - 1;
            return micros.get(Math.max(0, i)) / 1000.0;
        }

        String describe() {
            return String.format("%d requests (%.1f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors", micros.size(),
                    micros.size() / seconds, percentile(50), percentile(99), percentile(100), errors);
        }
    }

    private final BenchApi api;
    private final List<String> pages;
    private final int clients;
    private final long thinkMillis;

    LatencyProbe(BenchApi api, List<String> pages, int clients, long thinkMillis) {
        this.api = api;
        this.pages = List.copyOf(pages);
        this.clients = clients;
        this.thinkMillis = thinkMillis;
    }

    /** Each page once, untimed: the first request of a query plans and compiles what later ones reuse. */
    void warmUp() throws Exception {
        for (String page : pages) {
            int status = api.status(page);
            if (status != 200) {
                throw new IllegalStateException("GET " + page + " as " + api.user() + ": " + status);
            }
        }
    }

    Latencies measure(int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int first = c; // clients start on different pages, so they do not ask for the same one in step
            pool.execute(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    long sent = System.nanoTime();
                    try {
                        int status = api.status(pages.get(i % pages.size()));
                        micros.add((System.nanoTime() - sent) / 1000);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                        Thread.sleep(thinkMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return new Latencies(sorted, errors.get(), (System.nanoTime() - start) / 1e9);
    }
}
