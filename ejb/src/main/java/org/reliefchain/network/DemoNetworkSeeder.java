package org.reliefchain.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.reliefchain.platform.SeedLock;

/**
 * Demo mode only: the reserve network of the whole province with believable opening stock, written on
 * the first start (a few seconds, one transaction, batched JDBC; this is a bulk load, not a use case).
 *
 * <ul>
 *   <li>1 provincial, 11 city and 90 county warehouses at their seats (official positions);</li>
 *   <li>one reserve point per township, at the township's synthetic position;</li>
 *   <li>village points in the counties hit hardest by Typhoon Lekima (温岭, 临海, 永嘉, 乐清, 临安),
 *       at the villages' synthetic positions.</li>
 * </ul>
 * Opening stock is recorded as RECEIPT movements of one system request, so that the ledger and the
 * balances agree from the start. Some lots are near expiry and a few have expired in storage, so that
 * the alerts have something to show. Contacts are fictitious.
 */
@Singleton
@Startup
@DependsOn("AccountSeeder")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoNetworkSeeder {

    private static final Logger LOG = Logger.getLogger(DemoNetworkSeeder.class.getName());
    private static final long SEED = 20190810L;
    /** Counties of Typhoon Lekima's worst damage (data/zhejiang typhoon_lekima_2019.csv). */
    static final Set<String> LEKIMA_COUNTIES = Set.of("331081", "331082", "330324", "330382", "330112");
    /** Counties with a sea or estuary harbour (approximate, for transport access). */
    private static final Set<String> COASTAL = Set.of("330206", "330211", "330225", "330226", "330282", "330303",
            "330305", "330327", "330381", "330382", "330383", "331002", "331004", "331022", "331081", "331082",
            "331083", "330902", "330903", "330921", "330922", "330482");
    private static final Map<String, String> AREA_CODES = Map.ofEntries(Map.entry("3301", "0571"),
            Map.entry("3302", "0574"), Map.entry("3303", "0577"), Map.entry("3304", "0573"), Map.entry("3305", "0572"),
            Map.entry("3306", "0575"), Map.entry("3307", "0579"), Map.entry("3308", "0570"), Map.entry("3309", "0580"),
            Map.entry("3310", "0576"), Map.entry("3311", "0578"));
    private static final List<String> COUNTY_SET = List.of("TENT-COTTON-12", "TENT-WINTER-12", "BED-FOLDING",
            "QUILT-COTTON", "BLANKET", "KIT-FAMILY", "WATER-550ML-24", "FOOD-BISCUIT", "FOOD-NOODLE", "RAINCOAT",
            "SANDBAG", "PUMP-SUBMERSIBLE", "GENERATOR-5KW", "BOAT-RUBBER", "LIFE-JACKET", "CHAINSAW",
            "FLASHLIGHT", "FIRSTAID-KIT");
    private static final List<String> TOWNSHIP_SET = List.of("QUILT-COTTON", "WATER-550ML-24", "FOOD-BISCUIT",
            "RAINCOAT", "SANDBAG", "LIFE-JACKET", "FLASHLIGHT");
    private static final List<String> VILLAGE_SET = List.of("WATER-550ML-24", "FOOD-BISCUIT", "RAINCOAT",
            "FLASHLIGHT");

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    private record Material(String code, double unitWeightKg, Integer shelfLifeDays) {
    }

    private record Division(String code, String parent, String level, String nameZh, String nameEn, Long population,
                            double lon, double lat, boolean synthetic) {
    }

    @PostConstruct
    void seedWhenEmpty() {
        if (!demo) {
            return;
        }
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SeedLock.take(c); // one instance of a cluster at a time: the others then find it done
            if (exists(c, "select exists (select 1 from warehouse)")) {
                c.rollback(); // done by another instance or an earlier start: let the seed lock go
                return;
            }
            int[] counts = seed(c);
            c.commit();
            // Fresh statistics now, not when autovacuum gets round to it: without them the planner takes
            // a jurisdiction prefix for a handful of warehouses and joins every balance first (measured:
            // the near-expiry page 186 ms before, 2 ms after).
            try (java.sql.Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("analyze");
            }
            LOG.info(() -> "demo network: " + counts[0] + " warehouses, " + counts[1] + " lots in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the demo reserve network", e);
        }
    }

    private int[] seed(Connection c) throws SQLException {
        List<Material> materials = materials(c);
        Map<String, Material> byCode = new java.util.HashMap<>();
        materials.forEach(m -> byCode.put(m.code(), m));
        List<Division> divisions = divisions(c);
        Map<String, Long> countyPopulation = new java.util.HashMap<>();
        for (Division d : divisions) {
            if ("COUNTY".equals(d.level())) {
                countyPopulation.put(d.code(), d.population());
            }
        }
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        Random random = new Random(SEED);
        long requestId = insertRequest(c, now);

        String warehouseSql = "insert into warehouse (id, code, name_zh, name_en, division_code, level, kind, address,"
                + " lon, lat, position_synthetic, floor_area_m2, volume_m3, status, road_access, port_access, helipad,"
                + " contact_name, contact_phone, created_at, updated_at) values"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', true, ?, ?, ?, ?, ?, ?)";
        String lotSql = "insert into stock_lot (id, material_code, lot_number, production_date, expiry_date, source,"
                + " unit_cost_amount, unit_cost_currency, owner, created_at, home_warehouse_id)"
                + " values (?, ?, ?, ?, ?, 'PURCHASE', ?, 'CNY', ?, ?, ?)";
        String movementSql = "insert into stock_movement (request_id, type, warehouse_id, lot_id, quantity_delta,"
                + " balance_after, occurred_at, registered_at, actor, reason, reference) values"
                + " (?, 'RECEIPT', ?, ?, ?, ?, ?, ?, 'system', '期初库存（演示数据）', 'OPENING')";
        String balanceSql = "insert into stock_balance (warehouse_id, lot_id, quantity, updated_at) values (?, ?, ?, ?)";
        long warehouseId = 0;
        long lotId = 0;
        try (PreparedStatement w = c.prepareStatement(warehouseSql); PreparedStatement l = c.prepareStatement(lotSql);
             PreparedStatement m = c.prepareStatement(movementSql); PreparedStatement b = c.prepareStatement(balanceSql)) {
            for (Division d : divisions) {
                boolean lekimaVillage = "VILLAGE".equals(d.level()) && LEKIMA_COUNTIES.contains(d.code().substring(0, 6));
                if ("VILLAGE".equals(d.level()) && !lekimaVillage) {
                    continue;
                }
                long id = ++warehouseId;
                addWarehouse(w, id, d);
                Timestamp at = Timestamp.from(now.minusSeconds(86_400L * (30 + random.nextInt(300))));
                for (String code : stockSet(d.level(), materials)) {
                    Material material = byCode.get(code);
                    int lots = material.shelfLifeDays() != null && !"VILLAGE".equals(d.level()) ? 2 : 1;
                    for (int n = 1; n <= lots; n++) {
                        long lot = ++lotId;
                        LocalDate expiry = expiry(material, n, today, random);
                        LocalDate production = material.shelfLifeDays() == null
                                ? today.minusDays(100 + random.nextInt(900))
                                : expiry.minusDays(material.shelfLifeDays());
                        l.setLong(1, lot);
                        l.setString(2, code);
                        l.setString(3, "OB-" + d.code() + "-" + n);
                        l.setDate(4, Date.valueOf(production));
                        l.setDate(5, expiry == null ? null : Date.valueOf(expiry));
                        l.setBigDecimal(6, unitCost(material));
                        l.setString(7, ownerOf(d));
                        l.setTimestamp(8, at);
                        l.setLong(9, id);
                        l.addBatch();
                        BigDecimal quantity = quantity(d, material, countyPopulation, random, lots);
                        m.setLong(1, requestId);
                        m.setLong(2, id);
                        m.setLong(3, lot);
                        m.setBigDecimal(4, quantity);
                        m.setBigDecimal(5, quantity);
                        m.setTimestamp(6, at);
                        m.setTimestamp(7, Timestamp.from(now));
                        m.addBatch();
                        b.setLong(1, id);
                        b.setLong(2, lot);
                        b.setBigDecimal(3, quantity);
                        b.setTimestamp(4, Timestamp.from(now));
                        b.addBatch();
                    }
                }
                if (id % 500 == 0) {
                    flush(w, l, m, b);
                }
            }
            flush(w, l, m, b);
        }
        try (Statement s = c.createStatement()) {
            s.execute("select setval('warehouse_id_seq', " + warehouseId + ")");
            s.execute("select setval('stock_lot_id_seq', " + lotId + ")");
        }
        computeThisYearsPlans(c, today.getYear());
        return new int[] {(int) warehouseId, (int) lotId};
    }

    /** This year's plans for the whole province, computed as PlanService does, by the system. */
    private static void computeThisYearsPlans(Connection c, int year) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(org.reliefchain.plan.PlanService.COMPUTE)) {
            p.setInt(1, year);
            p.setString(2, "system");
            p.setString(3, "%");
            p.executeUpdate();
        }
    }

    private static void flush(PreparedStatement w, PreparedStatement l, PreparedStatement m, PreparedStatement b)
            throws SQLException {
        w.executeBatch();
        l.executeBatch();
        m.executeBatch();
        b.executeBatch();
    }

    private void addWarehouse(PreparedStatement w, long id, Division d) throws SQLException {
        String city = d.code().length() >= 4 ? d.code().substring(0, 4) : "3301";
        boolean coastal = d.code().length() >= 6 && COASTAL.contains(d.code().substring(0, 6))
                || Set.of("3302", "3303", "3309", "3310").contains(d.code());
        String suffix = switch (d.level()) {
            case "PROVINCE" -> "省级应急物资储备库";
            case "CITY" -> "市级应急物资储备库";
            case "COUNTY" -> "县级应急物资储备库";
            default -> "应急物资储备点";
        };
        String suffixEn = switch (d.level()) {
            case "PROVINCE", "CITY", "COUNTY" -> " relief reserve";
            default -> " relief reserve point";
        };
        double[] size = switch (d.level()) {
            case "PROVINCE" -> new double[] {12000, 96000};
            case "CITY" -> new double[] {4000, 28000};
            case "COUNTY" -> new double[] {800, 4800};
            case "TOWNSHIP" -> new double[] {120, 480};
            default -> new double[] {30, 90};
        };
        int i = 1;
        w.setLong(i++, id);
        w.setString(i++, "ZJ-" + d.code());
        w.setString(i++, d.nameZh() + suffix);
        w.setString(i++, d.nameEn() + suffixEn);
        w.setString(i++, d.code());
        w.setString(i++, d.level());
        w.setString(i++, kind(d));
        w.setString(i++, d.nameZh() + "（演示地址）");
        w.setDouble(i++, d.lon());
        w.setDouble(i++, d.lat());
        w.setBoolean(i++, d.synthetic());
        w.setBigDecimal(i++, BigDecimal.valueOf(size[0]));
        w.setBigDecimal(i++, BigDecimal.valueOf(size[1]));
        w.setBoolean(i++, coastal && !"VILLAGE".equals(d.level()));
        w.setBoolean(i++, "PROVINCE".equals(d.level()) || "CITY".equals(d.level()));
        w.setString(i++, "值班室");
        w.setString(i++, AREA_CODES.get(city) + "-8" + String.format("%07d", Math.abs(d.code().hashCode()) % 10_000_000));
        Timestamp now = Timestamp.from(Instant.now());
        w.setTimestamp(i++, now);
        w.setTimestamp(i, now);
        w.addBatch();
    }

    private static String kind(Division d) {
        int h = Math.floorMod(d.code().hashCode(), 20);
        return switch (d.level()) {
            case "COUNTY" -> h == 0 ? "CO_BUILT" : h == 1 ? "ENTRUSTED" : "GOVERNMENT";
            case "TOWNSHIP" -> h == 0 ? "RED_CROSS" : h == 1 ? "SOCIAL" : "GOVERNMENT";
            default -> "GOVERNMENT";
        };
    }

    private static String ownerOf(Division d) {
        return d.nameZh() + "应急管理部门";
    }

    private static List<String> stockSet(String level, List<Material> all) {
        return switch (level) {
            case "PROVINCE", "CITY" -> all.stream().map(Material::code).toList();
            case "COUNTY" -> COUNTY_SET;
            case "TOWNSHIP" -> TOWNSHIP_SET;
            default -> VILLAGE_SET;
        };
    }

    /** Two lots of ageing goods: the older one expires soon (or, rarely, already has), the newer one later. */
    private static LocalDate expiry(Material m, int lot, LocalDate today, Random random) {
        if (m.shelfLifeDays() == null) {
            return null;
        }
        if (lot == 1) {
            int days = random.nextInt(100) < 4 ? -1 - random.nextInt(20) : 10 + random.nextInt(Math.min(180, m.shelfLifeDays()));
            return today.plusDays(days);
        }
        return today.plusDays(m.shelfLifeDays() / 2 + random.nextInt(Math.max(1, m.shelfLifeDays() / 2)));
    }

    /** Heavier items are held in fewer units; lower levels hold a share in proportion to population. */
    private static BigDecimal quantity(Division d, Material m, Map<String, Long> countyPopulation, Random random,
                                       int lots) {
        double province = Math.max(5, Math.min(30_000, 20_000 / m.unitWeightKg()));
        double share = switch (d.level()) {
            case "PROVINCE" -> 1.0;
            case "CITY" -> 0.25;
            case "COUNTY" -> 0.04 * Math.max(0.2, countyPopulation.getOrDefault(d.code(), 500_000L) / 700_000.0);
            case "TOWNSHIP" -> 0.004;
            default -> 0.001;
        };
        double q = province * share / lots * (0.7 + 0.6 * random.nextDouble());
        return BigDecimal.valueOf(Math.max(2, Math.round(q)));
    }

    private static BigDecimal unitCost(Material m) {
        return BigDecimal.valueOf(Math.max(5.0, m.unitWeightKg() * 35.0)).setScale(2, RoundingMode.HALF_UP);
    }

    private static long insertRequest(Connection c, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into stock_request (idempotency_key, fingerprint, actor,"
                + " registered_at) values ('demo-opening-balances', 'demo', 'system', ?) returning id")) {
            p.setTimestamp(1, Timestamp.from(now));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static List<Material> materials(Connection c) throws SQLException {
        List<Material> list = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select code, unit_weight_kg, shelf_life_days from material order by code")) {
            while (r.next()) {
                int shelf = r.getInt(3);
                Integer shelfLife = r.wasNull() ? null : shelf;
                list.add(new Material(r.getString(1), r.getDouble(2), shelfLife));
            }
        }
        return list;
    }

    private static List<Division> divisions(Connection c) throws SQLException {
        List<Division> list = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select code, parent_code, level, name_zh,"
                + " name_en, population, lon, lat, position_source from division order by code")) {
            while (r.next()) {
                long pop = r.getLong(6);
                Long population = r.wasNull() ? null : pop;
                list.add(new Division(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        population, r.getDouble(7), r.getDouble(8), "SYNTHETIC".equals(r.getString(9))));
            }
        }
        return list;
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getBoolean(1);
        }
    }
}
