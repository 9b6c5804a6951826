package org.reliefchain.finance.callup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reliefchain.finance.agreement.PriceRule;
import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.platform.SeedLock;
import org.reliefchain.stock.Money;

/**
 * Demo call-ups (synthetic, labelled "演示数据"): one call-up of an enterprise's own stock, received in
 * full into its county's warehouse (a ledger RECEIPT with source AGREEMENT and the payable in the
 * journal), and one capacity production order of three batches whose first batch came on time. Written
 * as the services would write them, so that the ledger, the journal and the payables agree.
 */
@Singleton
@Startup
@DependsOn("DemoFinanceSeeder")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoCallUpSeeder {

    private static final Logger LOG = Logger.getLogger(DemoCallUpSeeder.class.getName());
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String BY = "yongjia.manager";

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    /** An active synthetic agreement's first line and the warehouse of its division. */
    private record Source(long agreement, long line, long enterprise, String division, String number, PriceRule rule,
                          BigDecimal percent, String material, BigDecimal quantity, BigDecimal unitValue,
                          Integer hours, BigDecimal perDay, long warehouse, String warehouseCode) {
    }

    @PostConstruct
    void seedWhenEmpty() {
        if (!demo) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SeedLock.take(c); // one instance of a cluster at a time: the others then find it done
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select exists (select 1 from call_up where synthetic)")) {
                r.next();
                if (r.getBoolean(1)) {
                    c.rollback(); // done by another instance or an earlier start: let the seed lock go
                    return;
                }
            }
            Instant now = Instant.now();
            Source stock = source(c, "ENTERPRISE_STOCK");
            Source capacity = source(c, "CAPACITY");
            int made = 0;
            if (stock != null) {
                BigDecimal q = stock.quantity().min(BigDecimal.TEN);
                long id = callUp(c, stock, q, q, "RECEIVED", now.minus(Duration.ofDays(6)), List.of());
                receipt(c, id, stock, q, now.minus(Duration.ofDays(5)));
                made++;
            }
            if (capacity != null && capacity.hours() != null) {
                Instant ordered = now.minus(Duration.ofHours(capacity.hours() + 30L));
                BigDecimal q = capacity.quantity().add(capacity.perDay().multiply(BigDecimal.valueOf(2)));
                List<ProductionSchedule.Batch> batches = ProductionSchedule.promise(ordered, q, capacity.quantity(),
                        capacity.hours(), capacity.perDay());
                long id = callUp(c, capacity, q, batches.get(0).quantity(), "PARTLY_RECEIVED", ordered, batches);
                receipt(c, id, capacity, batches.get(0).quantity(), batches.get(0).dueAt().minus(Duration.ofHours(2)));
                made++;
            }
            c.commit();
            c.setAutoCommit(true);
            int count = made;
            LOG.info(() -> "demo finance: " + count + " call-ups");
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the demo call-ups", e);
        }
    }

    private static Source source(Connection c, String kind) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select a.id, l.id, a.enterprise_id, a.division_code, a.number,"
                + " a.price_rule, a.price_percent, l.material_code, l.quantity, l.unit_value, l.capacity_hours,"
                + " l.capacity_per_day, w.id, w.code from agreement a join agreement_line l on l.agreement_id = a.id"
                + " and l.line_no = 1 join warehouse w on w.code = 'ZJ-' || a.division_code and w.status = 'ACTIVE'"
                + " join material m on m.code = l.material_code"
                + " where a.synthetic and a.status = 'ACTIVE' and a.kind = ? and l.quantity >= 10"
                + " order by (a.division_code = '330324') desc, a.id limit 1")) {
            p.setString(1, kind);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return new Source(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getString(5),
                        PriceRule.valueOf(r.getString(6)), r.getBigDecimal(7), r.getString(8), r.getBigDecimal(9),
                        r.getBigDecimal(10), (Integer) r.getObject(11), r.getBigDecimal(12), r.getLong(13),
                        r.getString(14));
            }
        }
    }

    /** The rule's basis as a finance user would have entered it: the market 5 % under, the cost 20 % under. */
    private static BigDecimal basis(Source s) {
        return switch (s.rule()) {
            case FIXED -> null;
            case MARKET_CAPPED -> s.unitValue().multiply(new BigDecimal("0.95")).setScale(2, java.math.RoundingMode.HALF_UP);
            case COST_PLUS -> s.unitValue().multiply(new BigDecimal("0.80")).setScale(2, java.math.RoundingMode.HALF_UP);
        };
    }

    private static long callUp(Connection c, Source s, BigDecimal quantity, BigDecimal received, String status,
                               Instant ordered, List<ProductionSchedule.Batch> batches) throws SQLException {
        BigDecimal basis = basis(s);
        Money price = CallUpPrice.unitPrice(s.rule(), s.unitValue(), s.percent(), basis);
        String number = DocumentNumbers.next(c, CallUpService.SERIES, 1, ordered).get(0);
        long id;
        try (PreparedStatement p = c.prepareStatement("insert into call_up (number, agreement_id, line_id, enterprise_id,"
                + " division_code, warehouse_id, material_code, kind, quantity, received, price_rule, price_basis,"
                + " unit_price, status, note, ordered_by, ordered_at, idempotency_key, fingerprint, synthetic) values"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true) returning id")) {
            p.setString(1, number);
            p.setLong(2, s.agreement());
            p.setLong(3, s.line());
            p.setLong(4, s.enterprise());
            p.setString(5, s.division());
            p.setLong(6, s.warehouse());
            p.setString(7, s.material());
            p.setString(8, batches.isEmpty() ? "ENTERPRISE_STOCK" : "CAPACITY");
            p.setBigDecimal(9, quantity);
            p.setBigDecimal(10, received);
            p.setString(11, s.rule().name());
            p.setBigDecimal(12, basis);
            p.setBigDecimal(13, price.amount());
            p.setString(14, status);
            p.setString(15, "演示数据 demo data");
            p.setString(16, BY);
            p.setTimestamp(17, Timestamp.from(ordered));
            p.setString(18, "demo-" + number);
            p.setString(19, "0".repeat(64));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("insert into call_up_batch (call_up_id, seq, due_at, quantity)"
                + " values (?, ?, ?, ?)")) {
            for (ProductionSchedule.Batch b : batches) {
                p.setLong(1, id);
                p.setInt(2, b.seq());
                p.setTimestamp(3, Timestamp.from(b.dueAt()));
                p.setBigDecimal(4, b.quantity());
                p.addBatch();
            }
            p.executeBatch();
        }
        return id;
    }

    /** A delivery as CallUpService.receive writes it: the ledger receipt, the payable, the receipt row. */
    private static void receipt(Connection c, long callUp, Source s, BigDecimal quantity, Instant at) throws SQLException {
        String number;
        BigDecimal price;
        try (PreparedStatement p = c.prepareStatement("select number, unit_price from call_up where id = ?")) {
            p.setLong(1, callUp);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                number = r.getString(1);
                price = r.getBigDecimal(2);
            }
        }
        Money amount = CallUpPrice.amount(quantity, Money.cny(price));
        String key = "call-up:" + number + ":demo";
        Timestamp when = Timestamp.from(at);
        long request = returning(c, "insert into stock_request (idempotency_key, fingerprint, actor, registered_at)"
                + " values (?, 'demo', ?, ?) returning id", key, BY, when);
        LocalDate produced = LocalDate.ofInstant(at, CHINA).minusDays(20);
        long lot = returning(c, "insert into stock_lot (material_code, lot_number, production_date, expiry_date, source,"
                + " unit_cost_amount, unit_cost_currency, owner, created_at, home_warehouse_id) select ?, ?, cast(? as date),"
                + " cast(? as date) + coalesce(m.shelf_life_days, 3650), 'AGREEMENT', ?, 'CNY', ?, ?, ? from material m"
                + " where m.code = ? returning id", s.material(), number + "-1", java.sql.Date.valueOf(produced),
                java.sql.Date.valueOf(produced), price, s.warehouseCode(), when, s.warehouse(), s.material());
        long movement = returning(c, "insert into stock_movement (request_id, type, warehouse_id, lot_id, quantity_delta,"
                + " balance_after, occurred_at, registered_at, actor, reason, reference) values (?, 'RECEIPT', ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?) returning id", request, s.warehouse(), lot, quantity, quantity, when, when, BY,
                "调用到货 call-up delivery " + number + "（演示数据）", number);
        try (PreparedStatement p = c.prepareStatement("insert into stock_balance (warehouse_id, lot_id, quantity,"
                + " updated_at) values (?, ?, ?, ?)")) {
            p.setLong(1, s.warehouse());
            p.setLong(2, lot);
            p.setBigDecimal(3, quantity);
            p.setTimestamp(4, when);
            p.executeUpdate();
        }
        long entry = returning(c, "insert into journal_entry (posted_at, posted_by, division_code, document_type,"
                + " document_id, document_number, memo) values (?, ?, ?, 'CALL_UP', ?, ?, ?) returning id", when, BY,
                s.division(), callUp, number, "调用采购 call-up purchase " + number + "（演示数据）");
        try (PreparedStatement p = c.prepareStatement("insert into journal_line (entry_id, line_no, account,"
                + " enterprise_id, debit, credit) values (?, 1, 'PURCHASE_EXPENSE', null, ?, 0), (?, 2, 'PAYABLE', ?, 0, ?)")) {
            p.setLong(1, entry);
            p.setBigDecimal(2, amount.amount());
            p.setLong(3, entry);
            p.setLong(4, s.enterprise());
            p.setBigDecimal(5, amount.amount());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("insert into call_up_receipt (call_up_id, quantity, lot_number,"
                + " amount, movement_id, journal_entry_id, received_by, received_at, idempotency_key, fingerprint)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, callUp);
            p.setBigDecimal(2, quantity);
            p.setString(3, number + "-1");
            p.setBigDecimal(4, amount.amount());
            p.setLong(5, movement);
            p.setLong(6, entry);
            p.setString(7, BY);
            p.setTimestamp(8, when);
            p.setString(9, "demo-" + number + "-1");
            p.setString(10, "0".repeat(64));
            p.executeUpdate();
        }
    }

    private static long returning(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
