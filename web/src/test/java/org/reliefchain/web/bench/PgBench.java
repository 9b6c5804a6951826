package org.reliefchain.web.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench's TPC-B-like script on the app's PostgreSQL server, in a database of its own that is
 * dropped afterwards: the yardstick the benchmarks hold the ledger's movements per second against
 * (same server, same run, so the machine's speed cancels out).
 */
final class PgBench implements AutoCloseable {

    private static final String DATABASE = "reliefchain_pgbench";

    private final Db db;

    private PgBench(Db db) {
        this.db = db;
    }

    /** A fresh pgbench database at {@code scale} (pgbench wants at least as many branches as clients). */
    static PgBench init(Db db, int scale) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        PgBench bench = new PgBench(db);
        bench.run(List.of("pgbench", "-i", "-q", "-s", String.valueOf(scale), DATABASE));
        return bench;
    }

    /** Transactions per second of {@code clients} connections for {@code seconds}. */
    double tps(int clients, int seconds) throws Exception {
        String out = run(List.of("pgbench", "-n", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                "-T", String.valueOf(seconds), DATABASE));
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    @Override
    public void close() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
        }
    }

    private String run(List<String> command) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.addAll(1, List.of("-h", db.host(), "-p", String.valueOf(db.port()), "-U", db.user()));
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", db.password());
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out.toString();
    }
}
