package org.reliefchain.finance.subsidy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reliefchain.division.DivisionCode;
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
            List<String> numbers = numbers(c, groups.size(), now);
            List<Long> ids = ids(c, groups.size());
            Money total = Money.zero(Money.CNY);
            int lines = 0;
            try (PreparedStatement s = c.prepareStatement("insert into subsidy_statement (id, number, enterprise_id,"
                    + " division_code, period_start, period_end, kind, status, total, prepared_by, prepared_at, version)"
                    + " values (?, ?, ?, ?, ?, ?, 'ACCRUAL', 'DRAFT', ?, ?, ?, 0)");
                 PreparedStatement l = c.prepareStatement("insert into subsidy_statement_line (statement_id, line_no,"
                         + " kind, agreement_id, agreement_line_id, material_code, basis, rate, amount, explanation)"
                         + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int g = 0;
                Timestamp preparedAt = Timestamp.from(now);
                for (var group : groups.entrySet()) {
                    List<Accrual.Item> items = new ArrayList<>();
                    for (Accrual.Terms t : group.getValue()) {
                        items.addAll(Accrual.accrue(t, period.from(), period.to()));
                    }
                    Money sum = Accrual.total(items);
                    long id = ids.get(g);
                    s.setLong(1, id);
                    s.setString(2, numbers.get(g));
                    s.setLong(3, (Long) group.getKey().get(0));
                    s.setString(4, (String) group.getKey().get(1));
                    s.setDate(5, Date.valueOf(period.from()));
                    s.setDate(6, Date.valueOf(period.to()));
                    s.setBigDecimal(7, sum.amount());
                    s.setString(8, actor);
                    s.setTimestamp(9, preparedAt);
                    s.addBatch();
                    int n = 0;
                    for (Accrual.Item i : items) {
                        l.setLong(1, id);
                        l.setInt(2, ++n);
                        l.setString(3, i.kind().name());
                        l.setLong(4, i.agreementId());
                        if (i.lineId() == null) {
                            l.setNull(5, Types.BIGINT);
                        } else {
                            l.setLong(5, i.lineId());
                        }
                        l.setString(6, i.material());
                        l.setBigDecimal(7, i.basis());
                        l.setBigDecimal(8, i.rate());
                        l.setBigDecimal(9, i.amount().amount());
                        l.setString(10, i.explanation());
                        l.addBatch();
                    }
                    lines += n;
                    total = total.plus(sum);
                    g++;
                    if (g % 200 == 0) {
                        s.executeBatch();
                        l.executeBatch();
                    }
                }
                s.executeBatch();
                l.executeBatch();
            }
            return new Outcome(agreements.size(), groups.size(), lines, total, already);
    }

    private static final String IN_FORCE = " from agreement a where a.division_code like ? and a.status <> 'DRAFT'"
            + " and a.starts_on <= ? and a.ends_on >= ? and not exists (select 1 from subsidy_statement s"
            + " where s.kind = 'ACCRUAL' and s.enterprise_id = a.enterprise_id and s.division_code = a.division_code"
            + " and s.period_start = ?)";

    private static void inForce(PreparedStatement p, DivisionCode division, Period period) throws SQLException {
        p.setString(1, division.value() + "%");
        p.setDate(2, Date.valueOf(period.to()));
        p.setDate(3, Date.valueOf(period.from()));
        p.setDate(4, Date.valueOf(period.from()));
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
        try (PreparedStatement p = c.prepareStatement("select cl.line_id, k.checked_on, cl.counted, cl.quality_ok"
                + " from agreement_check k join agreement_check_line cl on cl.check_id = k.id"
                + " where k.checked_on <= ? and k.agreement_id in (select a.id" + IN_FORCE + ")"
                + " order by k.checked_on, k.id")) {
            p.setDate(1, Date.valueOf(period.to()));
            p.setString(2, division.value() + "%");
            p.setDate(3, Date.valueOf(period.to()));
            p.setDate(4, Date.valueOf(period.from()));
            p.setDate(5, Date.valueOf(period.from()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    found.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Accrual.Found(
                            r.getDate(2).toLocalDate(), r.getBigDecimal(3), r.getBoolean(4)));
                }
            }
        }
        Map<Long, List<Accrual.Line>> lines = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select l.id, l.agreement_id, l.line_no, l.material_code,"
                + " l.quantity, l.fee_rate, l.unit_value from agreement_line l where l.agreement_id in (select a.id"
                + IN_FORCE + ") order by l.agreement_id, l.line_no")) {
            inForce(p, division, period);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    lines.computeIfAbsent(r.getLong(2), k -> new ArrayList<>()).add(new Accrual.Line(id, r.getInt(3),
                            r.getString(4), r.getBigDecimal(5), r.getBigDecimal(6), r.getBigDecimal(7),
                            found.getOrDefault(id, List.of())));
                }
            }
        }
        Map<Long, Accrual.Terms> terms = new LinkedHashMap<>();
        heads.forEach((id, h) -> terms.put(id, new Accrual.Terms(id, (String) h[0], (FeeBasis) h[1],
                (BigDecimal) h[2], (BigDecimal) h[3], (LocalDate) h[4], (LocalDate) h[5],
                lines.getOrDefault(id, List.of()))));
        return terms;
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
                + " and s.division_code like ? and s.period_start = ?")) {
            p.setString(1, division.value() + "%");
            p.setDate(2, Date.valueOf(period.from()));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** {@code n} consecutive numbers like BT2026-000042, drawn from the year's counter in this transaction. */
    static List<String> numbers(Connection c, int n, Instant now) throws SQLException {
        if (n == 0) {
            return List.of();
        }
        int year = now.atZone(StatementService.CHINA).getYear();
        int last;
        try (PreparedStatement p = c.prepareStatement("insert into statement_number (year, last_number) values (?, ?)"
                + " on conflict (year) do update set last_number = statement_number.last_number + excluded.last_number"
                + " returning last_number")) {
            p.setInt(1, year);
            p.setInt(2, n);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                last = r.getInt(1);
            }
        }
        List<String> numbers = new ArrayList<>();
        for (int i = last - n + 1; i <= last; i++) {
            numbers.add(String.format("BT%d-%06d", year, i));
        }
        return numbers;
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
