package org.reliefchain.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.SeedLock;

/**
 * Demo mode only: one declared incident, a Lekima-like typhoon landing near Wenling at 01:45 on
 * 10 August (local time), so that a newcomer opens it and sees demand at once. Synthetic, and marked so:
 *
 * <ul>
 *   <li>affected: the five counties of Lekima's worst damage (data/zhejiang/typhoon_lekima_2019.csv), the
 *       same counties whose villages hold demo reserve points;</li>
 *   <li>every village there reports 8-20 % of its share of the county census (the county figure spread
 *       evenly over its villages, as the planner's scenario does; village populations are not published),
 *       a third of them relocated within 40 km of landfall, a tenth elsewhere;</li>
 *   <li>hazards: flooded circles near landfall that cut the villages inside off from the roads, the storm
 *       core as a no-fly area for the first 12 hours, and the sea off Taizhou closed to boats while the
 *       wind is above force 8 (the first 10 hours).</li>
 * </ul>
 * Deterministic (fixed seed); a bulk load in one transaction, like the demo network.
 */
@Singleton
@Startup
@DependsOn("DemoNetworkSeeder")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoIncidentSeeder {

    private static final Logger LOG = Logger.getLogger(DemoIncidentSeeder.class.getName());
    private static final long SEED = 20190810L;
    static final List<String> COUNTIES = List.of("331081", "331082", "330324", "330382", "330112");
    static final Instant LANDFALL = Instant.parse("2019-08-09T17:45:00Z");
    private static final double LANDFALL_LON = 121.42;
    private static final double LANDFALL_LAT = 28.28;

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    private record Flood(String name, double lon, double lat, double radiusMetres) {
    }

    @PostConstruct
    void seedWhenEmpty() {
        if (!demo) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SeedLock.take(c); // one instance of a cluster at a time: the others then find it done
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select exists (select 1 from incident)")) {
                r.next();
                if (r.getBoolean(1)) {
                    c.rollback(); // done by another instance or an earlier start: let the seed lock go
                    return;
                }
            }
            int points = seed(c);
            c.commit();
            LOG.info(() -> "demo incident: Lekima-like typhoon with " + points + " affected villages");
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the demo incident", e);
        }
    }

    private int seed(Connection c) throws SQLException {
        Random random = new Random(SEED);
        Timestamp landfall = Timestamp.from(LANDFALL);
        long id;
        try (PreparedStatement p = c.prepareStatement("insert into incident (number, kind, name, response_level, status,"
                + " owner_division, started_at, deadline, demand_days, declared_by, declared_at, updated_at, synthetic)"
                + " values ('INC-DEMO-0001', 'TYPHOON', '利奇马台风（演示）', 'II', 'RESPONDING', '33', ?, ?, 1, 'system', ?, ?,"
                + " true) returning id")) {
            p.setTimestamp(1, landfall);
            p.setTimestamp(2, Timestamp.from(LANDFALL.plusSeconds(10 * 3600)));
            p.setTimestamp(3, landfall);
            p.setTimestamp(4, landfall);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("insert into incident_division values (?, ?)")) {
            for (String county : COUNTIES) {
                p.setLong(1, id);
                p.setString(2, county);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("insert into incident_event (incident_id, at, actor, action, detail,"
                + " reason) values (?, ?, 'system', ?, ?, ?)")) {
            event(p, id, landfall, "DECLARED", "declared TYPHOON 利奇马台风（演示）, level II, affected " + COUNTIES,
                    "demo data (synthetic)");
            event(p, id, landfall, "STATUS", "DECLARED -> RESPONDING", "Ⅱ级应急响应");
            p.executeBatch();
        }
        List<Flood> floods = floods(random);
        hazards(c, id, floods);
        return villages(c, id, floods, random);
    }

    private static void event(PreparedStatement p, long id, Timestamp at, String action, String detail, String reason)
            throws SQLException {
        p.setLong(1, id);
        p.setTimestamp(2, at);
        p.setString(3, action);
        p.setString(4, detail);
        p.setString(5, reason);
        p.addBatch();
    }

    /** Six flooded circles of 3-8 km within 50 km of landfall. */
    private static List<Flood> floods(Random random) {
        List<Flood> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double bearing = random.nextDouble() * 2 * Math.PI;
            double distance = 5_000 + random.nextDouble() * 45_000;
            double lat = LANDFALL_LAT + distance * Math.cos(bearing) / 111_000;
            double lon = LANDFALL_LON + distance * Math.sin(bearing) / (111_000 * Math.cos(Math.toRadians(LANDFALL_LAT)));
            if (lon > 121.6) {
                lon = 121.6 - random.nextDouble() * 0.2; // keep the floods on land, not at sea
            }
            out.add(new Flood("受淹区 " + (i + 1), lon, lat, 3_000 + random.nextDouble() * 5_000));
        }
        return out;
    }

    private static void hazards(Connection c, long id, List<Flood> floods) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into hazard (incident_id, type, cause, name, geometry,"
                + " radius_m, valid_from, valid_until) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Flood f : floods) {
                hazard(p, id, "BLOCKED_AREA", "FLOODED", f.name(), point(f.lon(), f.lat()), f.radiusMetres(), null, null);
            }
            hazard(p, id, "NO_FLY", "WIND", "台风核心区", point(LANDFALL_LON, LANDFALL_LAT), 30_000.0, null,
                    LANDFALL.plusSeconds(12 * 3600));
            hazard(p, id, "CLOSED_LANE", "WIND", "台州湾及温州外海（8级以上大风）",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[121.35,27.9],[122.3,27.9],[122.3,28.9],[121.6,28.9],"
                            + "[121.35,27.9]]]}", null, null, LANDFALL.plusSeconds(10 * 3600));
            p.executeBatch();
        }
    }

    private static String point(double lon, double lat) {
        return String.format(java.util.Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]}", lon, lat);
    }

    private static void hazard(PreparedStatement p, long id, String type, String cause, String name, String geometry,
                               Double radius, Instant from, Instant until) throws SQLException {
        p.setLong(1, id);
        p.setString(2, type);
        p.setString(3, cause);
        p.setString(4, name);
        p.setString(5, geometry);
        p.setObject(6, radius == null ? null : java.math.BigDecimal.valueOf(Math.round(radius * 10) / 10.0));
        p.setTimestamp(7, from == null ? null : Timestamp.from(from));
        p.setTimestamp(8, until == null ? null : Timestamp.from(until));
        p.addBatch();
    }

    private static int villages(Connection c, long id, List<Flood> floods, Random random) throws SQLException {
        int n = 0;
        try (PreparedStatement q = c.prepareStatement("select v.code, v.lon, v.lat, cty.population, (select count(*)"
                + " from division x where x.level = 'VILLAGE' and x.code like cty.code || '%') from division v join division"
                + " cty on cty.code = substr(v.code, 1, 6) where v.level = 'VILLAGE' and substr(v.code, 1, 6) = any (?)"
                + " order by v.code");
             PreparedStatement p = c.prepareStatement("insert into affected_report (incident_id, division_code, people,"
                     + " relocated, under3, over65, pregnant, cut_off, source, reported_at, recorded_at, actor, note)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, 'ESTIMATED', ?, ?, 'system', ?)")) {
            q.setArray(1, c.createArrayOf("varchar", COUNTIES.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    double lon = r.getDouble(2);
                    double lat = r.getDouble(3);
                    long share = r.getLong(4) / Math.max(1, r.getLong(5));
                    int people = (int) Math.max(10, Math.round(share * (0.08 + 0.12 * random.nextDouble())));
                    boolean near = metres(lon, lat, LANDFALL_LON, LANDFALL_LAT) < 40_000;
                    int relocated = (int) Math.round(people * (near ? 0.33 : 0.1));
                    boolean cutOff = floods.stream().anyMatch(f -> metres(lon, lat, f.lon(), f.lat()) <= f.radiusMetres());
                    p.setLong(1, id);
                    p.setString(2, r.getString(1));
                    p.setInt(3, people);
                    p.setInt(4, relocated);
                    p.setInt(5, people / 40);
                    p.setInt(6, people / 6);
                    p.setInt(7, people / 100);
                    p.setBoolean(8, cutOff);
                    p.setTimestamp(9, Timestamp.from(LANDFALL.plusSeconds(3600)));
                    p.setTimestamp(10, Timestamp.from(LANDFALL.plusSeconds(3600)));
                    p.setString(11, "演示数据：按县人口均摊到村后取 8-20%（合成）");
                    p.addBatch();
                    n++;
                }
            }
            p.executeBatch();
        }
        return n;
    }

    private static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
