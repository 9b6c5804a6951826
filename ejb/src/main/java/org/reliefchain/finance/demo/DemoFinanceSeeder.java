package org.reliefchain.finance.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.reliefchain.finance.enterprise.CreditCode;
import org.reliefchain.finance.subsidy.DemoAccruals;
import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.platform.SeedLock;

/**
 * Demo mode only, once: synthetic enterprises (200, marked 演示 and synthetic, credit codes with a valid
 * check character but registered to nobody) with 400 reserve agreements across the province, city and
 * county levels, a year of quarterly inspections with some shortfalls and failed quality, and the
 * subsidy statements of 2026's first three quarters: the first two approved by a second finance user
 * and paid (booked to the journal), the third waiting for approval. A fixed seed: every demo start has
 * the same data.
 */
@Singleton
@Startup
@DependsOn("DemoNetworkSeeder") // and through it AccountSeeder: the demo users exist
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoFinanceSeeder {

    private static final Logger LOG = Logger.getLogger(DemoFinanceSeeder.class.getName());
    static final int ENTERPRISES = 200;
    static final int AGREEMENTS = 400;
    /** Demo statements are accrued for these quarters; the first ones also approved and paid. */
    static final List<String> QUARTERS = List.of("2026-Q1", "2026-Q2", "2026-Q3");
    static final int PAID_QUARTERS = 2;

    /** What an enterprise of each trade reserves, with a plausible unit value in yuan (synthetic). */
    private static final Map<String, Map<String, Integer>> TRADES = new LinkedHashMap<>();

    static {
        TRADES.put("帐篷", Map.of("TENT-COTTON-12", 1200, "TENT-WINTER-12", 1800, "TENT-FAMILY-36", 3500));
        TRADES.put("被服", Map.of("QUILT-COTTON", 180, "BLANKET", 90, "SLEEPING-BAG", 160, "MAT-MOISTURE", 35));
        TRADES.put("食品", Map.of("FOOD-BISCUIT", 120, "FOOD-NOODLE", 60, "FOOD-SELFHEAT", 180, "WATER-550ML-24", 30));
        TRADES.put("粮油", Map.of("RICE-25KG", 140, "OIL-5L", 75, "WATER-5L-4", 40));
        TRADES.put("应急用品", Map.of("KIT-FAMILY", 260, "KIT-HYGIENE", 60, "RAINCOAT", 25, "BOOTS-RAIN", 45,
                "BED-FOLDING", 150));
        TRADES.put("防汛器材", Map.of("SANDBAG", 2, "GENERATOR-5KW", 6500, "PUMP-SUBMERSIBLE", 3800));
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    private record County(String code, String nameZh) {
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
                 ResultSet r = s.executeQuery("select exists (select 1 from enterprise where synthetic)")) {
                r.next();
                if (r.getBoolean(1)) {
                    c.rollback(); // done by another instance or an earlier start: let the seed lock go
                    return;
                }
            }
            int[] counts = seed(c);
            c.commit();
            c.setAutoCommit(true);
            LOG.info(() -> "demo finance: " + counts[0] + " enterprises, " + counts[1] + " agreements, " + counts[2]
                    + " checks, " + counts[3] + " statements");
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the demo finance data", e);
        }
    }

    private int[] seed(Connection c) throws SQLException {
        Random random = new Random(20261201);
        List<County> counties = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select code, name_zh from division"
                + " where level = 'COUNTY' order by code")) {
            while (r.next()) {
                counties.add(new County(r.getString(1), r.getString(2)));
            }
        }
        Map<String, Long> warehouses = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select division_code, min(id) from warehouse"
                + " where status = 'ACTIVE' and level in ('PROVINCE', 'CITY', 'COUNTY') group by division_code")) {
            while (r.next()) {
                warehouses.put(r.getString(1), r.getLong(2));
            }
        }
        // What each of those warehouses holds (whole units) and since when: government goods kept there under a
        // custody agreement (代储) are the ones the ledger holds, and are paid for from the day they arrived.
        Map<Long, Map<String, Long>> held = new HashMap<>();
        Map<Long, LocalDate> arrived = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select b.warehouse_id, t.material_code,"
                + " floor(sum(b.quantity)) from stock_balance b join stock_lot t on t.id = b.lot_id"
                + " where t.source <> 'REQUISITION' group by 1, 2 having sum(b.quantity) >= 1")) {
            while (r.next()) {
                held.computeIfAbsent(r.getLong(1), k -> new HashMap<>()).put(r.getString(2), r.getLong(3));
            }
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select warehouse_id,"
                + " max((occurred_at at time zone 'Asia/Shanghai')::date) from stock_movement where type = 'RECEIPT'"
                + " group by 1")) {
            while (r.next()) {
                arrived.put(r.getLong(1), r.getDate(2).toLocalDate());
            }
        }
        java.util.Set<String> inCustody = new java.util.HashSet<>();
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        List<String> trades = new ArrayList<>(TRADES.keySet());
        long[] enterprises = new long[ENTERPRISES];
        String[] enterpriseTrade = new String[ENTERPRISES];
        String[] enterpriseCounty = new String[ENTERPRISES];
        try (PreparedStatement p = c.prepareStatement("insert into enterprise (name, credit_code, division_code,"
                + " contact_name, contact_phone, bank_name, bank_account, status, synthetic, created_by, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', true, 'system', ?, ?) returning id")) {
            for (int i = 0; i < ENTERPRISES; i++) {
                County county = counties.get((i * 7 + random.nextInt(3)) % counties.size());
                String trade = trades.get(i % trades.size());
                p.setString(1, county.nameZh() + "第" + (i + 1) + "号" + trade + "储备企业有限公司（演示）");
                p.setString(2, creditCode(county.code(), random));
                p.setString(3, county.code());
                p.setString(4, SURNAMES[random.nextInt(SURNAMES.length)] + "经理");
                p.setString(5, "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
                p.setString(6, "演示银行" + county.nameZh() + "支行");
                p.setString(7, "6222" + String.format("%015d", Math.abs(random.nextLong()) % 1_000_000_000_000_000L));
                p.setTimestamp(8, now);
                p.setTimestamp(9, now);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    enterprises[i] = r.getLong(1);
                }
                enterpriseTrade[i] = trade;
                enterpriseCounty[i] = county.code();
            }
        }
        int agreements = 0;
        int checks = 0;
        Map<Integer, Integer> numberByYear = new HashMap<>();
        try (PreparedStatement a = c.prepareStatement("insert into agreement (number, enterprise_id, division_code, kind,"
                + " starts_on, ends_on, price_rule, price_percent, fee_basis, management_fee, payment_days,"
                + " penalty_per_unit_day, status, synthetic, created_by, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 30, ?, ?, true, 'system', ?, ?) returning id");
             PreparedStatement l = c.prepareStatement("insert into agreement_line (agreement_id, line_no, material_code,"
                     + " quantity, fee_rate, unit_value, quality_standard, warehouse_id, capacity_hours, capacity_per_day)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id");
             PreparedStatement k = c.prepareStatement("insert into agreement_check (agreement_id, checked_on, kind,"
                     + " checked_by, note, created_at) values (?, ?, ?, ?, ?, ?) returning id");
             PreparedStatement kl = c.prepareStatement("insert into agreement_check_line (check_id, line_id, counted,"
                     + " quality_ok, note) values (?, ?, ?, ?, ?)")) {
            for (int n = 0; n < AGREEMENTS; n++) {
                int e = n % ENTERPRISES;
                String county = enterpriseCounty[e];
                int level = random.nextInt(5);
                String division = level == 0 ? "33" : level <= 2 ? county.substring(0, 4) : county;
                String kind = n % 7 == 0 ? "CAPACITY" : n % 3 == 0 ? "CUSTODY" : "ENTERPRISE_STOCK";
                Long store = warehouses.get(division);
                List<String> inStore = new ArrayList<>(TRADES.get(enterpriseTrade[e]).keySet());
                inStore.retainAll(store == null ? List.of() : held.getOrDefault(store, Map.of()).keySet());
                inStore.removeIf(m -> inCustody.contains(store + "/" + m)); // the same goods are never kept twice
                if ("CUSTODY".equals(kind) && inStore.isEmpty()) {
                    kind = "ENTERPRISE_STOCK"; // nothing of this trade is kept there for the government
                }
                LocalDate starts = LocalDate.of(2025, 1 + random.nextInt(12), 1);
                if ("CUSTODY".equals(kind)) {
                    LocalDate from = arrived.get(store).withDayOfMonth(1).plusMonths(1);
                    starts = starts.isBefore(from) ? from : starts;
                }
                LocalDate ends = starts.plusYears(2 + random.nextInt(2)).minusDays(1);
                boolean percent = random.nextInt(3) == 0;
                int year = starts.getYear();
                int serial = numberByYear.merge(year, 1, Integer::sum);
                a.setString(1, String.format("XY%d-%06d", year, serial));
                a.setLong(2, enterprises[e]);
                a.setString(3, division);
                a.setString(4, kind);
                a.setDate(5, Date.valueOf(starts));
                a.setDate(6, Date.valueOf(ends));
                String rule = n % 4 == 0 ? "COST_PLUS" : n % 4 == 1 ? "MARKET_CAPPED" : "FIXED";
                a.setString(7, rule);
                if ("COST_PLUS".equals(rule)) {
                    a.setBigDecimal(8, BigDecimal.valueOf(5 + random.nextInt(11)));
                } else {
                    a.setNull(8, Types.NUMERIC);
                }
                a.setString(9, percent ? "PERCENT_OF_VALUE" : "PER_UNIT");
                a.setBigDecimal(10, BigDecimal.valueOf(1000L * (2 + random.nextInt(19))));
                // a penalty of 1-5 fen per unit short per day: a few times the daily storage fee of most goods, so a
                // shortfall costs the enterprise more than it saved, without wiping out a quarter's subsidy
                a.setBigDecimal(11, BigDecimal.valueOf(1 + random.nextInt(5), 2));
                a.setString(12, ends.isBefore(today) ? "EXPIRED" : "ACTIVE");
                a.setTimestamp(13, now);
                a.setTimestamp(14, now);
                long agreementId;
                try (ResultSet r = a.executeQuery()) {
                    r.next();
                    agreementId = r.getLong(1);
                }
                agreements++;
                List<String> materials = "CUSTODY".equals(kind) ? inStore
                        : new ArrayList<>(TRADES.get(enterpriseTrade[e]).keySet());
                java.util.Collections.sort(materials);
                java.util.Collections.shuffle(materials, random);
                int lines = 1 + random.nextInt(Math.min(3, materials.size()));
                List<long[]> lineIds = new ArrayList<>();
                for (int i = 0; i < lines; i++) {
                    String m = materials.get(i);
                    int value = TRADES.get(enterpriseTrade[e]).get(m);
                    long quantity = value > 1000 ? 20 + random.nextInt(180) : 200 + random.nextInt(4800);
                    if ("CUSTODY".equals(kind)) {
                        quantity = held.get(store).get(m); // what the warehouse holds of it is what is kept in custody
                        inCustody.add(store + "/" + m);
                    }
                    l.setLong(1, agreementId);
                    l.setInt(2, i + 1);
                    l.setString(3, m);
                    l.setBigDecimal(4, BigDecimal.valueOf(quantity));
                    // 3-8 % of the value a year, or about that much in yuan per unit
                    BigDecimal pct = BigDecimal.valueOf(300 + random.nextInt(500), 2);
                    l.setBigDecimal(5, percent ? pct : BigDecimal.valueOf(value).multiply(pct)
                            .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP).max(new BigDecimal("0.10")));
                    l.setBigDecimal(6, BigDecimal.valueOf(value));
                    l.setString(7, "GB/T 国家标准，合格证齐全");
                    Long warehouse = "CUSTODY".equals(kind) ? warehouses.get(division) : null;
                    if (warehouse == null) {
                        l.setNull(8, Types.BIGINT);
                    } else {
                        l.setLong(8, warehouse);
                    }
                    if ("CAPACITY".equals(kind)) {
                        l.setInt(9, 24 + 24 * random.nextInt(3));
                        l.setBigDecimal(10, BigDecimal.valueOf(Math.max(1, quantity / 5)));
                    } else {
                        l.setNull(9, Types.INTEGER);
                        l.setNull(10, Types.NUMERIC);
                    }
                    try (ResultSet r = l.executeQuery()) {
                        r.next();
                        lineIds.add(new long[] {r.getLong(1), quantity});
                    }
                }
                // quarterly scheduled checks from the start until now, one in six unannounced between them
                for (LocalDate on = starts.plusDays(40 + random.nextInt(30)); !on.isAfter(today) && !on.isAfter(ends);
                     on = on.plusDays(80 + random.nextInt(25))) {
                    boolean unannounced = random.nextInt(6) == 0;
                    k.setLong(1, agreementId);
                    k.setDate(2, Date.valueOf(on));
                    k.setString(3, unannounced ? "UNANNOUNCED" : "SCHEDULED");
                    k.setString(4, "system");
                    k.setString(5, "演示检查");
                    k.setTimestamp(6, now);
                    long checkId;
                    try (ResultSet r = k.executeQuery()) {
                        r.next();
                        checkId = r.getLong(1);
                    }
                    checks++;
                    for (long[] line : lineIds) {
                        int roll = random.nextInt(100);
                        long counted = roll < 8 ? line[1] * (80 + random.nextInt(19)) / 100 : line[1];
                        boolean qualityOk = roll != 99;
                        kl.setLong(1, checkId);
                        kl.setLong(2, line[0]);
                        kl.setBigDecimal(3, BigDecimal.valueOf(counted));
                        kl.setBoolean(4, qualityOk);
                        kl.setString(5, counted < line[1] ? "账实不符，短少" : qualityOk ? null : "部分受潮霉变");
                        kl.addBatch();
                    }
                    kl.executeBatch();
                }
            }
        }
        for (var e : numberByYear.entrySet()) {
            DocumentNumbers.atLeast(c, "XY", e.getKey(), e.getValue());
        }
        int statements = 0;
        for (int q = 0; q < QUARTERS.size(); q++) {
            if (!quarterEnd(QUARTERS.get(q)).isBefore(today)) {
                continue;
            }
            statements += DemoAccruals.accrue(c, DivisionCode.of("33"), QUARTERS.get(q), "finance", Instant.now());
            if (q < PAID_QUARTERS) {
                approveAndPay(c, QUARTERS.get(q), now);
            }
        }
        return new int[] {ENTERPRISES, agreements, checks, statements};
    }

    /** The quarter's statements approved by the reviewer and paid, booked to the journal as the screens would. */
    private static void approveAndPay(Connection c, String quarter, Timestamp now) throws SQLException {
        Date from = Date.valueOf(quarterEnd(quarter).withDayOfMonth(1).minusMonths(2));
        update(c, "update subsidy_statement set status = 'APPROVED', approved_by = 'finance.reviewer', approved_at = ?"
                + " where period_start = ? and kind = 'ACCRUAL' and status = 'DRAFT'", now, from);
        journal(c, "STATEMENT", "'subsidy ' || s.period_start || ' to ' || s.period_end || ' approved'",
                "SUBSIDY_EXPENSE", "PAYABLE", from, "APPROVED", now);
        update(c, "update subsidy_statement set status = 'PAID', payment_ref = 'DEMO-' || number,"
                + " paid_on = (approved_at at time zone 'Asia/Shanghai')::date, paid_by = 'finance', paid_at = ?"
                + " where period_start = ? and kind = 'ACCRUAL' and status = 'APPROVED'", now, from);
        journal(c, "PAYMENT", "'paid ' || s.number || ', reference ' || s.payment_ref", "PAYABLE", "BANK", from,
                "PAID", now);
    }

    private static void update(Connection c, String sql, Timestamp at, Date from) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setTimestamp(1, at);
            p.setDate(2, from);
            p.executeUpdate();
        }
    }

    /**
     * One balanced entry per statement of the period in {@code status} (none for a zero total): the
     * total to the debit of {@code debit} and the credit of {@code credit}, the other way round for a
     * negative total; the enterprise named on the payable side.
     */
    private static void journal(Connection c, String type, String memo, String debit, String credit, Date from,
                                String status, Timestamp now) throws SQLException {
        String statements = " from subsidy_statement s where s.period_start = ? and s.kind = 'ACCRUAL'"
                + " and s.status = ? and s.total <> 0";
        try (PreparedStatement p = c.prepareStatement("insert into journal_entry (posted_at, posted_by, division_code,"
                + " document_type, document_id, document_number, memo) select ?, 'system', s.division_code, ?, s.id,"
                + " s.number, " + memo + statements)) {
            p.setTimestamp(1, now);
            p.setString(2, type);
            p.setDate(3, from);
            p.setString(4, status);
            p.executeUpdate();
        }
        for (int side = 1; side <= 2; side++) {
            String account = side == 1 ? debit : credit;
            String amounts = side == 1 ? "greatest(s.total, 0), greatest(-s.total, 0)"
                    : "greatest(-s.total, 0), greatest(s.total, 0)";
            try (PreparedStatement p = c.prepareStatement("insert into journal_line (entry_id, line_no, account,"
                    + " enterprise_id, debit, credit) select j.id, " + side + ", '" + account + "', "
                    + ("PAYABLE".equals(account) ? "s.enterprise_id" : "null") + ", " + amounts
                    + statements.replace(" where ", " join journal_entry j on j.document_id = s.id"
                    + " and j.document_type = ? where "))) {
                p.setString(1, type);
                p.setDate(2, from);
                p.setString(3, status);
                p.executeUpdate();
            }
        }
    }

    static LocalDate quarterEnd(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(6) - '0';
        return LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
    }

    /** A code of the right shape for the county with a valid check character, registered to nobody. */
    static String creditCode(String county, Random random) {
        StringBuilder b = new StringBuilder("91").append(county);
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        b.append("MA");
        while (b.length() < 17) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new CreditCode(b.append(CreditCode.checkCharacter(b.toString())).toString()).value();
    }
}
