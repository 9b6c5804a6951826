package org.reliefchain.finance.requisition;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.platform.SeedLock;

/**
 * Demo mode only, once: one past requisition (synthetic, labelled 演示) in the demo typhoon, from a demo
 * enterprise of Yongjia: a truck returned damaged and a school gym returned in good condition, computed by
 * the rule (8 days held, 10 to 17 August 2019), approved by the reviewer and paid, booked to the journal as the
 * screens would. No goods and no fleet row: what was returned long ago has left the ledger and the fleet.
 */
@Singleton
@Startup
@DependsOn({"DemoIncidentSeeder", "DemoFinanceSeeder"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoRequisitionSeeder {

    private static final Logger LOG = Logger.getLogger(DemoRequisitionSeeder.class.getName());
    static final String NUMBER = "ZY2019-000001";
    static final LocalDate TAKEN = LocalDate.of(2019, 8, 10);
    static final LocalDate RETURNED = LocalDate.of(2019, 8, 17);

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    @PostConstruct
    void seedWhenEmpty() {
        if (!demo) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SeedLock.take(c); // one instance of a cluster at a time: the others then find it done
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select exists (select 1 from requisition where synthetic)")) {
                r.next();
                if (r.getBoolean(1)) {
                    c.rollback(); // done by another instance or an earlier start: let the seed lock go
                    return;
                }
            }
            boolean seeded = seed(c);
            c.commit();
            c.setAutoCommit(true);
            LOG.info(() -> seeded ? "demo requisition " + NUMBER + " (returned, compensated, paid)"
                    : "demo requisition skipped: no demo incident or enterprise");
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the demo requisition", e);
        }
    }

    private static boolean seed(Connection c) throws SQLException {
        Long incident = one(c, "select id from incident where number = 'INC-DEMO-0001'");
        Long warehouse = one(c, "select id from warehouse where code = 'ZJ-330324'");
        Long payee = one(c, "select id from enterprise where synthetic and party_kind = 'ENTERPRISE'"
                + " order by division_code like '3303%' desc, id limit 1");
        if (incident == null || warehouse == null || payee == null) {
            return false;
        }
        // the rule: 8 days x 900.00 + repair 2,400.00 = 9,600.00; 8 days x 1,500.00 = 12,000.00
        BigDecimal truck = new BigDecimal("9600.00");
        BigDecimal gym = new BigDecimal("12000.00");
        BigDecimal total = truck.add(gym);
        Timestamp computed = Timestamp.from(Instant.parse("2019-08-20T02:00:00Z"));
        Timestamp approved = Timestamp.from(Instant.parse("2019-08-22T06:30:00Z"));
        Timestamp paidAt = Timestamp.from(Instant.parse("2019-09-05T03:00:00Z"));
        long id;
        try (PreparedStatement p = c.prepareStatement("insert into requisition (number, incident_id, division_code,"
                + " warehouse_id, party_kind, party_name, credit_code, party_phone, payee_id, taken_on, reason, status,"
                + " compensation, computed_by, computed_at, approved_by, approved_at, payment_ref, paid_on, paid_by,"
                + " synthetic, created_by, created_at) select ?, ?, '330324', ?, 'ENTERPRISE', e.name, e.credit_code,"
                + " coalesce(e.contact_phone, '0577-67220000'), e.id, ?, '利奇马台风（演示）转移安置群众：征用货车转运物资、征用学校体育馆作临时安置点',"
                + " 'PAID', ?, 'finance', ?, 'finance.reviewer', ?, 'DEMO-' || ?, ?, 'finance', true, 'yongjia.manager', ?"
                + " from enterprise e where e.id = ? returning id")) {
            p.setString(1, NUMBER);
            p.setLong(2, incident);
            p.setLong(3, warehouse);
            p.setDate(4, Date.valueOf(TAKEN));
            p.setBigDecimal(5, total);
            p.setTimestamp(6, computed);
            p.setTimestamp(7, approved);
            p.setString(8, NUMBER);
            p.setDate(9, Date.valueOf(LocalDate.of(2019, 9, 5)));
            p.setTimestamp(10, Timestamp.from(Instant.parse("2019-08-10T01:00:00Z")));
            p.setLong(11, payee);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("insert into requisition_item (requisition_id, line_no, kind,"
                + " condition_taken, registration, vehicle_kind, capacity_kg, address, area_m2, daily_fee, outcome,"
                + " return_condition, settled_on, repair_cost, compensation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " 'RETURNED', ?, ?, ?, ?)")) {
            item(p, id, 1, "VEHICLE", "车况良好，里程 86,420 公里（演示）", "浙CD8821", "TRUCK", new BigDecimal("8000"), null,
                    null, new BigDecimal("900.00"), "DAMAGED", new BigDecimal("2400.00"), truck);
            item(p, id, 2, "PREMISES", "场馆及照明、卫生设施完好（演示）", null, null, null, "永嘉县上塘镇中心小学体育馆（演示）",
                    new BigDecimal("1200"), new BigDecimal("1500.00"), "GOOD", null, gym);
            p.executeBatch();
        }
        journal(c, approved, "REQUISITION", id, "requisition compensation approved", "COMPENSATION_EXPENSE", null,
                "PAYABLE", payee, total);
        journal(c, paidAt, "PAYMENT", id, "paid " + NUMBER + ", reference DEMO-" + NUMBER, "PAYABLE", payee, "BANK",
                null, total);
        DocumentNumbers.atLeast(c, "ZY", 2019, 1);
        return true;
    }

    private static void item(PreparedStatement p, long id, int line, String kind, String condition, String registration,
                             String vehicleKind, BigDecimal capacity, String address, BigDecimal area, BigDecimal fee,
                             String returned, BigDecimal repair, BigDecimal compensation) throws SQLException {
        p.setLong(1, id);
        p.setInt(2, line);
        p.setString(3, kind);
        p.setString(4, condition);
        p.setString(5, registration);
        p.setString(6, vehicleKind);
        p.setBigDecimal(7, capacity);
        p.setString(8, address);
        p.setBigDecimal(9, area);
        p.setBigDecimal(10, fee);
        p.setString(11, returned);
        p.setDate(12, Date.valueOf(RETURNED));
        p.setBigDecimal(13, repair);
        p.setBigDecimal(14, compensation);
        p.addBatch();
    }

    private static void journal(Connection c, Timestamp at, String type, long id, String memo, String debit,
                                Long debitEnterprise, String credit, Long creditEnterprise, BigDecimal amount)
            throws SQLException {
        long entry;
        try (PreparedStatement p = c.prepareStatement("insert into journal_entry (posted_at, posted_by, division_code,"
                + " document_type, document_id, document_number, memo) values (?, 'system', '330324', ?, ?, ?, ?)"
                + " returning id")) {
            p.setTimestamp(1, at);
            p.setString(2, type);
            p.setLong(3, id);
            p.setString(4, NUMBER);
            p.setString(5, memo);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                entry = r.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("insert into journal_line (entry_id, line_no, account,"
                + " enterprise_id, debit, credit) values (?, ?, ?, ?, ?, ?)")) {
            line(p, entry, 1, debit, debitEnterprise, amount, BigDecimal.ZERO);
            line(p, entry, 2, credit, creditEnterprise, BigDecimal.ZERO, amount);
            p.executeBatch();
        }
    }

    private static void line(PreparedStatement p, long entry, int no, String account, Long enterprise, BigDecimal debit,
                             BigDecimal credit) throws SQLException {
        p.setLong(1, entry);
        p.setInt(2, no);
        p.setString(3, account);
        if (enterprise == null) {
            p.setNull(4, java.sql.Types.BIGINT);
        } else {
            p.setLong(4, enterprise);
        }
        p.setBigDecimal(5, debit);
        p.setBigDecimal(6, credit);
        p.addBatch();
    }

    private static Long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : null;
        }
    }
}
