package org.reliefchain.finance.rotation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.reliefchain.division.DivisionCode;
import org.reliefchain.finance.writeoff.Chain;
import org.reliefchain.finance.writeoff.SignLevel;
import org.reliefchain.finance.writeoff.WriteOff;
import org.reliefchain.finance.writeoff.WriteOffCause;
import org.reliefchain.finance.writeoff.WriteOffView;
import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.platform.SeedLock;
import org.reliefchain.stock.Money;
import org.reliefchain.stock.Quantity;

/**
 * Demo mode only, once: two synthetic rotation plans (labelled 演示 and synthetic) at 椒江区's county warehouse,
 * on its two soonest-expiring costed lots. One was sold at about a third of its cost and carried out: its ISSUE
 * is in the ledger under the plan's number, and its loss written off and signed up the chain (in the hash
 * chain like any signed write-off). The other, a hand-over to a school, waits for its two approvals.
 */
@Singleton
@Startup
@DependsOn("DemoFinanceSeeder")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoRotationSeeder {

    private static final Logger LOG = Logger.getLogger(DemoRotationSeeder.class.getName());
    private static final String WAREHOUSE = "ZJ-331002";
    private static final String MANAGER = "jiaojiang.manager";
    /** Who signs at each level above 椒江区's warehouse: the demo's finance users of 椒江区, 台州市 and the province. */
    private static final String[] SIGNERS = {"jiaojiang.finance", "taizhou.finance", "finance"};

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    @Inject
    @ConfigProperty(name = "reliefchain.writeoff.county-limit", defaultValue = "50000")
    private BigDecimal countyLimit;

    @Inject
    @ConfigProperty(name = "reliefchain.writeoff.city-limit", defaultValue = "500000")
    private BigDecimal cityLimit;

    private record Lot(long id, BigDecimal held, BigDecimal unitCost, String materialNameZh) {
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
                 ResultSet r = s.executeQuery("select exists (select 1 from rotation_plan where synthetic)")) {
                r.next();
                if (r.getBoolean(1)) {
                    c.rollback(); // done by another instance or an earlier start: let the seed lock go
                    return;
                }
            }
            String done = seed(c);
            c.commit();
            c.setAutoCommit(true);
            LOG.info(() -> "demo rotation: " + done);
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the demo rotation plans", e);
        }
    }

    private String seed(Connection c) throws SQLException {
        long warehouse;
        String division;
        try (PreparedStatement p = c.prepareStatement("select id, division_code from warehouse where code = ?")) {
            p.setString(1, WAREHOUSE);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return "no warehouse " + WAREHOUSE + ", nothing seeded";
                }
                warehouse = r.getLong(1);
                division = r.getString(2);
            }
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Lot> lots = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select l.id, b.quantity, l.unit_cost_amount, m.name_zh"
                + " from stock_balance b join stock_lot l on l.id = b.lot_id join material m on m.code = l.material_code"
                + " where b.warehouse_id = ? and b.quantity >= 10 and l.unit_cost_currency = 'CNY'"
                + " and l.unit_cost_amount > 0 and l.expiry_date >= ? order by l.expiry_date, l.id limit 2")) {
            p.setLong(1, warehouse);
            p.setObject(2, today);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    lots.add(new Lot(r.getLong(1), r.getBigDecimal(2), r.getBigDecimal(3), r.getString(4)));
                }
            }
        }
        if (lots.size() < 2) {
            return "fewer than two costed lots at " + WAREHOUSE + ", nothing seeded";
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String sold = executedSale(c, lots.get(0), warehouse, division, now);
        String waiting = waitingHandOver(c, lots.get(1), warehouse, division, now);
        return "plan " + sold + " carried out and written off, plan " + waiting + " waiting for approval";
    }

    private String executedSale(Connection c, Lot lot, long warehouse, String division, Instant now) throws SQLException {
        String number = DocumentNumbers.next(c, "LH", 1, now).get(0);
        Quantity quantity = new Quantity(lot.held().divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN));
        Money unitCost = Money.cny(lot.unitCost());
        Money price = Money.rounded(lot.unitCost().multiply(new BigDecimal("0.35")), Money.CNY);
        RotationValue value = RotationValue.sale(unitCost, quantity, price);
        Instant raised = now.minus(20, ChronoUnit.DAYS);
        Instant executed = now.minus(15, ChronoUnit.DAYS);
        long request = insert(c, "insert into stock_request (idempotency_key, fingerprint, actor, registered_at)"
                + " values (?, 'demo', ?, ?) returning id", "rotation:" + number + ":out", MANAGER, ts(executed));
        long movement = insert(c, "insert into stock_movement (request_id, type, warehouse_id, lot_id, quantity_delta,"
                        + " balance_after, occurred_at, registered_at, actor, reason, reference)"
                        + " values (?, 'ISSUE', ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", request, warehouse, lot.id(),
                quantity.value().negate(), lot.held().subtract(quantity.value()), ts(executed), ts(executed), MANAGER,
                "轮换出库（出售）：演示经销商（合成数据）", number);
        try (PreparedStatement p = c.prepareStatement("update stock_balance set quantity = quantity - ?, updated_at = ?"
                + " where warehouse_id = ? and lot_id = ?")) {
            p.setBigDecimal(1, quantity.value());
            p.setTimestamp(2, ts(executed));
            p.setLong(3, warehouse);
            p.setLong(4, lot.id());
            p.executeUpdate();
        }
        long writeOff = signedWriteOff(c, number, value, warehouse, division, executed);
        insert(c, "insert into rotation_plan (number, warehouse_id, division_code, lot_id, quantity, method, unit_cost,"
                        + " book_value, unit_price, proceeds, loss, recipient, status, raised_by, raised_at,"
                        + " manager_approved_by, manager_approved_at, finance_approved_by, finance_approved_at, executed_by,"
                        + " executed_at, out_movement_id, write_off_id, synthetic) values (?, ?, ?, ?, ?, 'SELL', ?, ?, ?, ?, ?, ?,"
                        + " 'EXECUTED', ?, ?, 'province.manager', ?, 'jiaojiang.finance', ?, ?, ?, ?, ?, true) returning id",
                number, warehouse, division, lot.id(), quantity.value(), unitCost.amount(), value.bookValue().amount(),
                price.amount(), value.proceeds().amount(), value.loss().amount(), "演示经销商（合成数据）", MANAGER,
                ts(raised), ts(raised.plus(1, ChronoUnit.DAYS)), ts(raised.plus(2, ChronoUnit.DAYS)), MANAGER,
                ts(executed), movement, writeOff);
        return number;
    }

    /** The loss written off, signed level by level as {@code WriteOffService} would, and sealed in the chain. */
    private long signedWriteOff(Connection c, String plan, RotationValue value, long warehouse, String division,
                                Instant executed) throws SQLException {
        String number = DocumentNumbers.next(c, "HX", 1, executed).get(0);
        String description = "轮换方案 " + plan + "（出售，演示数据），账面价值 " + value.bookValue().plain()
                + " 元，收回 " + value.proceeds().plain() + " 元";
        BigDecimal amount = value.loss().amount();
        WriteOff wo = new WriteOff(number, warehouse, DivisionCode.of(division), WriteOffCause.ROTATION_LOSS, description,
                amount, SignLevel.required(amount, countyLimit, cityLimit), MANAGER, executed);
        for (int i = 0; !wo.toSign().isEmpty(); i++) {
            wo.sign(SIGNERS[wo.toSign().get(0).ordinal()], executed.plus(i + 1, ChronoUnit.DAYS));
        }
        long id = insert(c, "insert into write_off (number, warehouse_id, division_code, cause, description, amount,"
                        + " required_level, status, created_by, created_at) values (?, ?, ?, 'ROTATION_LOSS', ?, ?, ?, 'SIGNED',"
                        + " ?, ?) returning id", number, warehouse, division, description, amount,
                wo.requiredLevel().name(), MANAGER, ts(wo.createdAt()));
        for (WriteOffView.Signature s : wo.signatures()) {
            insert(c, "insert into write_off_signature (write_off_id, seq, level, division_code, signed_by, signed_at)"
                    + " values (?, ?, ?, ?, ?, ?) returning seq", id, s.seq(), s.level().name(), s.division(),
                    s.signedBy(), ts(s.signedAt()));
        }
        String previous = Chain.GENESIS;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select hash from write_off_record order by id desc limit 1")) {
            if (r.next()) {
                previous = r.getString(1);
            }
        }
        String content = wo.content(WAREHOUSE);
        insert(c, "insert into write_off_record (write_off_id, content, previous_hash, hash, recorded_at)"
                + " values (?, ?, ?, ?, ?) returning id", id, content, previous, Chain.hash(previous, content),
                ts(wo.signatures().get(wo.signatures().size() - 1).signedAt()));
        return id;
    }

    private String waitingHandOver(Connection c, Lot lot, long warehouse, String division, Instant now)
            throws SQLException {
        String number = DocumentNumbers.next(c, "LH", 1, now).get(0);
        Quantity quantity = new Quantity(lot.held().divide(BigDecimal.valueOf(3), 0, RoundingMode.DOWN));
        Money unitCost = Money.cny(lot.unitCost());
        Money price = Money.rounded(lot.unitCost().multiply(new BigDecimal("0.20")), Money.CNY);
        RotationValue value = RotationValue.sale(unitCost, quantity, price);
        insert(c, "insert into rotation_plan (number, warehouse_id, division_code, lot_id, quantity, method, unit_cost,"
                        + " book_value, unit_price, proceeds, loss, recipient, reason, status, raised_by, raised_at, synthetic)"
                        + " values (?, ?, ?, ?, ?, 'HAND_OVER', ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?, true) returning id",
                number, warehouse, division, lot.id(), quantity.value(), unitCost.amount(), value.bookValue().amount(),
                price.amount(), value.proceeds().amount(), value.loss().amount(), "演示中学（合成数据）",
                lot.materialNameZh() + "临近有效期，移交学校在有效期内使用（演示数据）", MANAGER,
                ts(now.minus(2, ChronoUnit.DAYS)));
        return number;
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object v = params[i];
                if (v == null) {
                    p.setNull(i + 1, Types.VARCHAR);
                } else {
                    p.setObject(i + 1, v);
                }
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
