package org.reliefchain.finance.subsidy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.finance.agreement.FeeBasis;
import org.reliefchain.stock.Money;

/**
 * Writes a period's accrual for the agreements of a division on the caller's connection (the use case's
 * transaction, or the demo seeder's): reads agreements, lines and checks in three queries, computes with
 * {@link Accrual}, writes statements and lines in batches. A province's quarter is tens of thousands of
 * lines; one round trip per line would be most of its time. An enterprise already accrued for the
 * period (with that contracting division) is left alone, so running a period twice adds only what was missing.
 */
final class AccrualWriter {

    record Outcome(int agreements, int statements, int lines, Money total, int alreadyAccrued) {
    }

    private AccrualWriter() {
    }

    static Outcome write(Connection c, DivisionCode division, Period period, String actor, Instant now)
            throws SQLException {
            Map<Long, Accrual.Terms> agreements = load(c, division, period);
            Map<List<Object>, List<Accrual.Terms>> groups = new LinkedHashMap<>();
            Map<Long, List<Object>> owners = owners(c, division, period);
            for (Accrual.Terms t : agreements.values()) {
                groups.computeIfAbsent(owners.get(t.agreementId()), k -> new ArrayList<>()).add(t);
            }
            int already = alreadyAccrued(c, division, period);
            List<String> numbers = DocumentNumbers.next(c, "BT", groups.size(), now);
            List<Long> ids = ids(c, groups.size());
            Money total = Money.zero(Money.CNY);
            int lines = 0;
            // Lines go in by COPY: a province's quarter is tens of thousands of them, and even batched inserts
            // made them most of the accrual's time (measured: 5.9 s for 32,625 lines, web/bench finance).
            StringBuilder statementRows = new StringBuilder();
            StringBuilder lineRows = new StringBuilder();
            String preparedAt = now.toString();
            int g = 0;
            for (var group : groups.entrySet()) {
                List<Accrual.Item> items = new ArrayList<>();
                for (Accrual.Terms t : group.getValue()) {
                    items.addAll(Accrual.accrue(t, period.from(), period.to()));
                }
                Money sum = Accrual.total(items);
                long id = ids.get(g);
                statementRows.append(id).append(',').append(numbers.get(g)).append(',').append(group.getKey().get(0))
                        .append(',').append(group.getKey().get(1)).append(',').append(period.from()).append(',')
                        .append(period.to()).append(",ACCRUAL,DRAFT,").append(sum.plain()).append(',')
                        .append(csv(actor)).append(',').append(preparedAt).append(",0\n");
                int n = 0;
                for (Accrual.Item i : items) {
                    lineRows.append(id).append(',').append(++n).append(',').append(i.kind().name()).append(',')
                            .append(i.agreementId()).append(',').append(i.lineId() == null ? "" : i.lineId()).append(',')
                            .append(i.material() == null ? "" : i.material()).append(',')
                            .append(i.basis().toPlainString()).append(',').append(i.rate().toPlainString()).append(',')
                            .append(i.amount().plain()).append(',').append(csv(i.explanation())).append('\n');
                }
                lines += n;
                total = total.plus(sum);
                g++;
            }
            copy(c, "copy subsidy_statement (id, number, enterprise_id, division_code, period_start, period_end, kind,"
                    + " status, total, prepared_by, prepared_at, version) from stdin (format csv)", statementRows);
            copy(c, "copy subsidy_statement_line (statement_id, line_no, kind, agreement_id, agreement_line_id,"
                    + " material_code, basis, rate, amount, explanation) from stdin (format csv)", lineRows);
            return new Outcome(agreements.size(), groups.size(), lines, total, already);
    }

    private static void copy(Connection c, String sql, StringBuilder rows) throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        try {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(sql, new java.io.StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("copy failed", e);
        }
    }

    /** A CSV field, quoted (the texts hold no line breaks: explanations are built here, actors are user names). */
    private static String csv(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static final String IN_FORCE = " from agreement a where a.division_code like ? and a.status <> 'DRAFT'"
            + " and a.starts_on <= ? and a.ends_on >= ? and not exists (select 1 from subsidy_statement s"
            + " where s.kind = 'ACCRUAL' and s.enterprise_id = a.enterprise_id and s.division_code = a.division_code"
            + " and s.period_start <= ? and s.period_end >= ?)";

    /**
     * Parameters of {@link #IN_FORCE} from position 1: an enterprise whose statement of the division already
     * covers any day of the period (a month inside an accrued quarter, or the other way round) is left out,
     * so that no day is paid twice.
     */
    private static void inForce(PreparedStatement p, DivisionCode division, Period period) throws SQLException {
        inForce(p, 1, division, period);
    }

    private static void inForce(PreparedStatement p, int first, DivisionCode division, Period period)
            throws SQLException {
        p.setString(first, division.value() + "%");
        p.setDate(first + 1, Date.valueOf(period.to()));
        p.setDate(first + 2, Date.valueOf(period.from()));
        p.setDate(first + 3, Date.valueOf(period.to()));
        p.setDate(first + 4, Date.valueOf(period.from()));
    }

    /** The agreements to accrue with their lines and every check up to the period's end. */
    private static Map<Long, Accrual.Terms> load(Connection c, DivisionCode division, Period period) throws SQLException {
        Map<Long, Object[]> heads = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("select a.id, a.number, a.fee_basis, a.management_fee,"
                + " a.penalty_per_unit_day, a.starts_on, a.ends_on" + IN_FORCE
                + " order by a.enterprise_id, a.division_code, a.number")) {
            inForce(p, division, period);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    heads.put(r.getLong(1), new Object[] {r.getString(2), FeeBasis.valueOf(r.getString(3)),
                            r.getBigDecimal(4), r.getBigDecimal(5), r.getDate(6).toLocalDate(), r.getDate(7).toLocalDate()});
                }
            }
        }
        Map<Long, List<Accrual.Found>> found = new HashMap<>();
        // Of the checks before the period only the latest of each line counts (it carries into the period).
        try (PreparedStatement p = c.prepareStatement("select line_id, checked_on, counted, quality_ok from ("
                + " select cl.line_id, k.checked_on, k.id, cl.counted, cl.quality_ok, row_number() over (partition by"
                + " cl.line_id, k.checked_on < ? order by k.checked_on desc, k.id desc) as latest"
                + " from agreement_check k join agreement_check_line cl on cl.check_id = k.id"
                + " where k.checked_on <= ? and k.agreement_id in (select a.id" + IN_FORCE + ")) x"
                + " where checked_on >= ? or latest = 1 order by checked_on, id")) {
            p.setDate(1, Date.valueOf(period.from()));
            p.setDate(2, Date.valueOf(period.to()));
            inForce(p, 3, division, period);
            p.setDate(8, Date.valueOf(period.from()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    found.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Accrual.Found(
                            r.getDate(2).toLocalDate(), r.getBigDecimal(3), r.getBoolean(4)));
                }
            }
        }
        Map<Long, List<Accrual.Holding>> custody = custody(c, division, period);
        Map<Long, List<Accrual.Line>> lines = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select l.id, l.agreement_id, l.line_no, l.material_code,"
                + " l.quantity, l.fee_rate, l.unit_value, k.kind = 'CUSTODY' and l.warehouse_id is not null"
                + " from agreement_line l join agreement k on k.id = l.agreement_id where l.agreement_id in"
                + " (select a.id" + IN_FORCE + ") order by l.agreement_id, l.line_no")) {
            inForce(p, division, period);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    // a custody line with no movement at all held nothing: an empty ledger, not an unknown one
                    List<Accrual.Holding> ledger = r.getBoolean(8) ? custody.getOrDefault(id,
                            List.of(new Accrual.Holding(period.from().minusDays(1), BigDecimal.ZERO))) : null;
                    lines.computeIfAbsent(r.getLong(2), k -> new ArrayList<>()).add(new Accrual.Line(id, r.getInt(3),
                            r.getString(4), r.getBigDecimal(5), r.getBigDecimal(6), r.getBigDecimal(7),
                            found.getOrDefault(id, List.of()), ledger));
                }
            }
        }
        Map<Long, Accrual.Terms> terms = new LinkedHashMap<>();
        heads.forEach((id, h) -> terms.put(id, new Accrual.Terms(id, (String) h[0], (FeeBasis) h[1],
                (BigDecimal) h[2], (BigDecimal) h[3], (LocalDate) h[4], (LocalDate) h[5],
                lines.getOrDefault(id, List.of()))));
        return terms;
    }

    /**
     * Line id -> the balance of government-owned goods in custody (代储) at the line's entrusted warehouse: the
     * line's material, every lot but requisitioned ones (those belong to whoever they were taken from), an
     * opening balance the day before the period and the balance from each day it changed (China time), with
     * how much of it was past its expiry date: a day a lot expires is a change too, with no movement on it.
     */
    private static Map<Long, List<Accrual.Holding>> custody(Connection c, DivisionCode division, Period period)
            throws SQLException {
        Map<Long, List<Object[]>> movements = new LinkedHashMap<>();
        // everything before the period is one opening row per lot expiry: a long history costs nothing more
        try (PreparedStatement p = c.prepareStatement("select l.id, greatest((m.occurred_at at time zone"
                + " 'Asia/Shanghai')::date, ?::date), t.expiry_date, sum(m.quantity_delta)"
                + " from agreement_line l join agreement k on k.id = l.agreement_id"
                + " join stock_movement m on m.warehouse_id = l.warehouse_id"
                + " join stock_lot t on t.id = m.lot_id and t.material_code = l.material_code and t.source <> 'REQUISITION'"
                + " where k.kind = 'CUSTODY' and l.warehouse_id is not null and m.occurred_at < ?"
                + " and l.agreement_id in (select a.id" + IN_FORCE + ") group by 1, 2, 3 order by 1, 2")) {
            p.setDate(1, Date.valueOf(period.from().minusDays(1)));
            p.setObject(2, period.to().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
            inForce(p, 3, division, period);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Date expiry = r.getDate(3);
                    movements.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Object[] {
                            r.getDate(2).toLocalDate(), expiry == null ? null : expiry.toLocalDate(), r.getBigDecimal(4)});
                }
            }
        }
        Map<Long, List<Accrual.Holding>> out = new HashMap<>();
        movements.forEach((line, rows) -> out.put(line, holdings(rows, period)));
        return out;
    }

    /** One line's holdings from its movements (day, lot expiry or null, quantity) as {@link #custody} reads them. */
    static List<Accrual.Holding> holdings(List<Object[]> rows, Period period) {
        LocalDate opening = period.from().minusDays(1);
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        days.add(opening);
        for (Object[] row : rows) {
            LocalDate day = (LocalDate) row[0];
            days.add(day.isBefore(opening) ? opening : day);
            LocalDate expiry = (LocalDate) row[1];
            // the first day a lot is past its expiry date, when that falls inside the period
            if (expiry != null && expiry.plusDays(1).isAfter(opening) && !expiry.plusDays(1).isAfter(period.to())) {
                days.add(expiry.plusDays(1));
            }
        }
        List<Accrual.Holding> out = new ArrayList<>();
        for (LocalDate day : days) {
            BigDecimal balance = BigDecimal.ZERO;
            BigDecimal expired = BigDecimal.ZERO;
            for (Object[] row : rows) {
                if (((LocalDate) row[0]).isAfter(day)) {
                    continue;
                }
                balance = balance.add((BigDecimal) row[2]);
                LocalDate expiry = (LocalDate) row[1];
                if (expiry != null && expiry.isBefore(day)) {
                    expired = expired.add((BigDecimal) row[2]);
                }
            }
            out.add(new Accrual.Holding(day, balance, expired));
        }
        return out;
    }

    /** Agreement id -> its statement's key: the enterprise and the contracting division. */
    private static Map<Long, List<Object>> owners(Connection c, DivisionCode division, Period period)
            throws SQLException {
        Map<Long, List<Object>> owners = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select a.id, a.enterprise_id, a.division_code" + IN_FORCE)) {
            inForce(p, division, period);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    owners.put(r.getLong(1), List.of(r.getLong(2), r.getString(3)));
                }
            }
        }
        return owners;
    }

    private static int alreadyAccrued(Connection c, DivisionCode division, Period period) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select count(*) from subsidy_statement s where s.kind = 'ACCRUAL'"
                + " and s.division_code like ? and s.period_start <= ? and s.period_end >= ?")) {
            p.setString(1, division.value() + "%");
            p.setDate(2, Date.valueOf(period.to()));
            p.setDate(3, Date.valueOf(period.from()));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static List<Long> ids(Connection c, int n) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select nextval('subsidy_statement_id_seq')"
                + " from generate_series(1, ?)")) {
            p.setInt(1, n);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }
}
