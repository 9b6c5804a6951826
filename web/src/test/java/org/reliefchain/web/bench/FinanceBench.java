package org.reliefchain.web.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Subsidy accrual at a province's scale (web/bench finance; docs/performance.md). Grows the demo's
 * agreements by copies (numbered XB..., with their lines and inspections) until at least
 * {@code BENCH_LINES} (default 20,000) agreement lines are in force in {@code BENCH_PERIOD} (default
 * 2025-Q4, a quarter the demo does not accrue), accrues that quarter for the whole province through the
 * API, and times, on the same PostgreSQL in the same run, a plain SQL insert-select of as many statement
 * lines into the same table (its keys and foreign keys), rolled back. Then checks that the totals are exact: each statement's total is the sum of its lines, and each
 * line's amount is what an independent SQL formula makes of its basis and rate, to the fen. Not a test: a
 * program that prints numbers, ending with the line issue 13 names.
 */
public final class FinanceBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        URI base = URI.create(env.getOrDefault("BASE_URL", "http://localhost:8080").replaceAll("/+$", "") + "/");
        int target = Integer.parseInt(env.getOrDefault("BENCH_LINES", "20000"));
        String period = env.getOrDefault("BENCH_PERIOD", "2025-Q4");
        int year = Integer.parseInt(period.substring(0, 4));
        int quarter = period.charAt(6) - '0';
        String from = String.format("%d-%02d-01", year, quarter * 3 - 2);
        String to = java.time.YearMonth.of(year, quarter * 3).atEndOfMonth().toString();
        BenchApi finance = new BenchApi(base, env.getOrDefault("BENCH_USER", "finance"),
                env.getOrDefault("BENCH_PASSWORD", "demo123"));
        Db db = Db.fromEnvironment(env);

        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            if (count(c, "select count(*) from subsidy_statement where kind = 'ACCRUAL' and period_start = '" + from + "'") > 0) {
                throw new IllegalStateException(period + " is already accrued in this database: run on a fresh demo"
                        + " instance or set BENCH_PERIOD to a finished quarter not yet accrued");
            }
            long inForce = linesInForce(c, from, to);
            System.out.printf("agreement lines in force in %s: %,d%n", period, inForce);
            if (inForce < target) {
                grow(c, from, to, target, inForce);
                inForce = linesInForce(c, from, to);
                System.out.printf("grown by copies of the demo agreements to %,d lines%n", inForce);
            }
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze agreement, agreement_line, agreement_check, agreement_check_line");
            }

            // warm the server's path once on a month the demo has nothing for (an empty accrual)
            finance.post("api/statements/accrue", "{\"period\":\"2000-01\"}");
            long t0 = System.nanoTime();
            BenchApi.Reply reply = finance.post("api/statements/accrue", "{\"period\":\"" + period + "\"}");
            double appSeconds = (System.nanoTime() - t0) / 1e9;
            JsonNode result = BenchApi.expect(200, "accrue " + period, reply);
            long lines = result.get("lines").asLong();
            System.out.printf("accrued %s: %,d statements, %,d lines, %s yuan in %.2f s%n", period,
                    result.get("statements").asLong(), lines, result.get("total").asText(), appSeconds);

            double[] plain = new double[3];
            for (int i = 0; i < plain.length; i++) {
                plain[i] = plainInsert(c, from, lines);
            }
            Arrays.sort(plain);
            double sqlSeconds = plain[1];
            System.out.printf("plain SQL insert-select of %,d statement lines into the same table: %.2f s (median of 3)%n",
                    lines, sqlSeconds);

            boolean exact = exact(c, from);
            double ratio = appSeconds / sqlSeconds;
            System.out.printf("finance: %d lines accrued in %.2f s (%.1f x plain SQL), totals exact %s%n", lines,
                    appSeconds, ratio, exact ? "OK" : "FAILED");
        }
    }

    private static long linesInForce(Connection c, String from, String to) throws Exception {
        return count(c, "select count(*) from agreement_line l join agreement a on a.id = l.agreement_id"
                + " where a.status <> 'DRAFT' and a.starts_on <= '" + to + "' and a.ends_on >= '" + from + "'");
    }

    /** Copies of the demo's agreements in force in the period, with their lines and inspections, in three statements. */
    private static void grow(Connection c, String from, String to, long target, long have) throws Exception {
        long perCopy = count(c, "select count(*) from agreement_line l join agreement a on a.id = l.agreement_id"
                + " where a.number like 'XY%' and a.status <> 'DRAFT' and a.starts_on <= '" + to + "'"
                + " and a.ends_on >= '" + from + "'");
        if (perCopy == 0) {
            throw new IllegalStateException("no demo agreement is in force in the period to copy");
        }
        long copies = (target - have + perCopy - 1) / perCopy;
        long before = count(c, "select coalesce(max(cast(substring(number from 3 for 4) as integer)), 0) from agreement"
                + " where number like 'XB%'");
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into agreement (number, enterprise_id, division_code, kind, starts_on, ends_on,"
                    + " price_rule, price_percent, fee_basis, management_fee, payment_days, penalty_per_unit_day, status,"
                    + " synthetic, created_by, created_at, updated_at)"
                    + " select 'XB' || lpad((g + " + before + ")::text, 4, '0') || '-' || a.id, a.enterprise_id, a.division_code, a.kind,"
                    + " a.starts_on, a.ends_on, a.price_rule, a.price_percent, a.fee_basis, a.management_fee, a.payment_days,"
                    + " a.penalty_per_unit_day, a.status, true, 'bench', now(), now()"
                    + " from generate_series(1, " + copies + ") g, agreement a where a.number like 'XY%'"
                    + " and a.status <> 'DRAFT' and a.starts_on <= '" + to + "' and a.ends_on >= '" + from + "'");
            s.executeUpdate("insert into agreement_line (agreement_id, line_no, material_code, quantity, fee_rate,"
                    + " unit_value, quality_standard, warehouse_id, capacity_hours, capacity_per_day)"
                    + " select n.id, l.line_no, l.material_code, l.quantity, l.fee_rate, l.unit_value, l.quality_standard,"
                    + " l.warehouse_id, l.capacity_hours, l.capacity_per_day from agreement n"
                    + " join agreement_line l on l.agreement_id = cast(split_part(n.number, '-', 2) as bigint)"
                    + " where n.number like 'XB%' and not exists (select 1 from agreement_line x where x.agreement_id = n.id)");
            s.executeUpdate("insert into agreement_check (agreement_id, checked_on, kind, checked_by, note, created_at)"
                    + " select n.id, k.checked_on, k.kind, 'bench', 'bench copy of ' || k.id, now() from agreement n"
                    + " join agreement_check k on k.agreement_id = cast(split_part(n.number, '-', 2) as bigint)"
                    + " where n.number like 'XB%' and not exists (select 1 from agreement_check x where x.agreement_id = n.id)");
            s.executeUpdate("insert into agreement_check_line (check_id, line_id, counted, quality_ok, note)"
                    + " select nk.id, nl.id, kl.counted, kl.quality_ok, kl.note from agreement_check nk"
                    + " join agreement_check_line kl on kl.check_id = cast(substring(nk.note from 15) as bigint)"
                    + " join agreement_line ol on ol.id = kl.line_id"
                    + " join agreement_line nl on nl.agreement_id = nk.agreement_id and nl.line_no = ol.line_no"
                    + " where nk.note like 'bench copy of %'"
                    + " and not exists (select 1 from agreement_check_line x where x.check_id = nk.id)");
        }
    }

    /**
     * The same number of statement lines written by one insert-select into the same table (its keys,
     * indexes and foreign keys), onto the statements just accrued, then rolled back.
     */
    private static double plainInsert(Connection c, String from, long lines) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.executeUpdate("insert into subsidy_statement_line (statement_id, line_no, kind, agreement_id,"
                    + " agreement_line_id, material_code, basis, rate, amount, explanation)"
                    + " select st.id, 100000 + row_number() over (), 'STORAGE_FEE', l.agreement_id, l.id, l.material_code,"
                    + " l.quantity * 92, l.fee_rate, round(l.quantity * 92 * l.fee_rate / 365, 2),"
                    + " l.quantity || ' units x 92 days' from generate_series(1, 4) g, agreement_line l,"
                    + " (select min(id) as id from subsidy_statement where period_start = '" + from + "') st"
                    + " order by g, l.id limit " + lines);
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.rollback();
            return seconds;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Every statement of the period sums its lines, and every line's amount follows from its basis and rate. */
    private static boolean exact(Connection c, String from) throws Exception {
        long badTotals = count(c, "select count(*) from subsidy_statement s where s.period_start = '" + from + "'"
                + " and s.kind = 'ACCRUAL' and s.total <> (select coalesce(sum(l.amount), 0)"
                + " from subsidy_statement_line l where l.statement_id = s.id)");
        long badLines = count(c, "select count(*) from subsidy_statement_line l join subsidy_statement s"
                + " on s.id = l.statement_id where s.period_start = '" + from + "' and s.kind = 'ACCRUAL' and l.amount <>"
                + " case l.kind when 'STORAGE_FEE' then round(l.basis * l.rate / 365, 2)"
                + " when 'MANAGEMENT_FEE' then round(l.basis * l.rate / 365, 2) else -round(l.basis * l.rate, 2) end");
        long statements = count(c, "select count(*) from subsidy_statement where period_start = '" + from + "'"
                + " and kind = 'ACCRUAL'");
        System.out.printf("exactness: %,d statements, %d totals differ from their lines, %d lines differ from the"
                + " formula%n", statements, badTotals, badLines);
        return statements > 0 && badTotals == 0 && badLines == 0;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
