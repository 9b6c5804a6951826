package org.reliefchain.fleet;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.reliefchain.place.GreatCircle;
import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.SeedLock;

/**
 * Demo mode only, once: a synthetic fleet laid out as the planner's Zhejiang scenario lays out its own
 * (planner ZhejiangScenario), so that the application's fleet and the planner's agree:
 * <ul>
 *   <li>trucks (8 t, 30 m³) at the province, city and county reserves, {@code 2 + round(10 e^(-km/70))}
 *       of them where {@code km} is the distance to the Lekima-like landfall near Wenling, and a van
 *       at each county reserve;</li>
 *   <li>rescue boats (3 t, 15 m³, 22 km/h) at the ports: three within 250 km of landfall, one further;</li>
 *   <li>helicopters (1.5 t, 8 m³, 500 km a sortie, 15 minutes per sortie, 10 duty hours) at the air bases:
 *       two within 300 km, one further; contracted by the province.</li>
 * </ul>
 * No randomness: counts follow from the distances, so every demo start has the same fleet. Registrations
 * carry a {@code Y} that real ones do not, the rows are marked synthetic, the crews are fictitious.
 */
@Singleton
@Startup
@DependsOn({"DemoNetworkSeeder", "PlaceSeeder"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoFleetSeeder {

    private static final Logger LOG = Logger.getLogger(DemoFleetSeeder.class.getName());
    /** Wenling, Chengnan town coast (approximate): the planner's landfall. */
    static final double LANDFALL_LON = 121.42;
    static final double LANDFALL_LAT = 28.28;
    /** The plate letter of each city (浙A Hangzhou ... 浙L Zhoushan); the province's own use 浙A. */
    static final Map<String, String> PLATE = Map.ofEntries(Map.entry("33", "A"), Map.entry("3301", "A"),
            Map.entry("3302", "B"), Map.entry("3303", "C"), Map.entry("3306", "D"), Map.entry("3305", "E"),
            Map.entry("3304", "F"), Map.entry("3307", "G"), Map.entry("3308", "H"), Map.entry("3310", "J"),
            Map.entry("3311", "K"), Map.entry("3309", "L"));

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    private record Base(long id, String code, String division, String kind, double lon, double lat) {
        double kmToLandfall() {
            return GreatCircle.metres(lon, lat, LANDFALL_LON, LANDFALL_LAT) / 1000;
        }

        String plate() {
            return PLATE.getOrDefault(division.length() >= 4 ? division.substring(0, 4) : division, "A");
        }
    }

    /** How many trucks a reserve at this distance from landfall holds (the planner's rule, without its cut-off). */
    static int trucksAt(double kmToLandfall) {
        return 2 + (int) Math.round(10 * Math.exp(-kmToLandfall / 70));
    }

    @PostConstruct
    void seedWhenEmpty() {
        if (!demo) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SeedLock.take(c); // one instance of a cluster at a time: the others then find it done
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select exists (select 1 from vehicle)")) {
                r.next();
                if (r.getBoolean(1)) {
                    c.rollback(); // done by another instance or an earlier start: let the seed lock go
                    return;
                }
            }
            int[] counts = seed(c);
            c.commit();
            c.setAutoCommit(true);
            LOG.info(() -> "demo fleet: " + counts[0] + " trucks and vans, " + counts[1] + " boats, " + counts[2]
                    + " helicopters");
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the demo fleet", e);
        }
    }

    private int[] seed(Connection c) throws SQLException {
        List<Base> reserves = bases(c, "select id, code, division_code, level, lon, lat from warehouse"
                + " where level in ('PROVINCE', 'CITY', 'COUNTY') and status = 'ACTIVE' order by code");
        List<Base> ports = bases(c, "select id, code, division_code, kind, lon, lat from place where kind = 'PORT'"
                + " order by code");
        List<Base> airBases = bases(c, "select id, code, division_code, kind, lon, lat from place"
                + " where kind = 'AIR_BASE' order by code");
        Map<String, Integer> serial = new HashMap<>();
        int[] counts = new int[3];
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            for (Base w : reserves) {
                int trucks = trucksAt(w.kmToLandfall());
                for (int i = 0; i < trucks; i++) {
                    String reg = "浙" + w.plate() + "Y" + String.format("%04d", serial.merge(w.plate(), 1, Integer::sum));
                    add(p, reg, VehicleKind.TRUCK, w.division(), "8000", "30", road("3.60", "2.50", "16.00"), null,
                            w, i % 4 == 3 ? OwnerKind.CONTRACTED : OwnerKind.OWNED, "12");
                    counts[0]++;
                }
                if ("COUNTY".equals(w.kind())) {
                    String reg = "浙" + w.plate() + "Y" + String.format("%04d", serial.merge(w.plate(), 1, Integer::sum));
                    add(p, reg, VehicleKind.VAN, w.division(), "1500", "8", road("2.50", "2.00", "3.50"), null, w,
                            OwnerKind.OWNED, "12");
                    counts[0]++;
                }
            }
            for (Base port : ports) {
                int boats = port.kmToLandfall() < 250 ? 3 : 1;
                for (int i = 0; i < boats; i++) {
                    String reg = "浙" + port.plate() + "救Y" + String.format("%03d",
                            serial.merge("boat" + port.plate(), 1, Integer::sum));
                    add(p, reg, VehicleKind.BOAT, port.division().substring(0, 4), "3000", "15", null, "22", port,
                            i % 2 == 0 ? OwnerKind.OWNED : OwnerKind.CONTRACTED, "12");
                    counts[1]++;
                }
            }
            for (Base air : airBases) {
                int helicopters = air.kmToLandfall() < 300 ? 2 : 1;
                for (int i = 0; i < helicopters; i++) {
                    String reg = "B-Y" + String.format("%03d", ++counts[2]);
                    add(p, reg, VehicleKind.HELICOPTER, "33", "1500", "8", null, null, air, OwnerKind.CONTRACTED, "10");
                }
            }
            p.executeBatch();
        }
        return counts;
    }

    private static String[] road(String height, String width, String gross) {
        return new String[] {height, width, gross};
    }

    private static final String INSERT = "insert into vehicle (registration, kind, division_code, capacity_kg,"
            + " capacity_m3, height_m, width_m, gross_weight_t, range_km, sortie_minutes, speed_kmh, base_warehouse_id,"
            + " base_place_id, base_place_kind, owner_kind, status, duty_hours_per_day, crew_name, crew_phone,"
            + " synthetic, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AVAILABLE', ?, ?, ?, true, ?, ?)";

    private static void add(PreparedStatement p, String registration, VehicleKind kind, String division, String kg,
                            String m3, String[] road, String speed, Base base, OwnerKind owner, String duty)
            throws SQLException {
        boolean heli = kind == VehicleKind.HELICOPTER;
        int i = 1;
        p.setString(i++, registration);
        p.setString(i++, kind.name());
        p.setString(i++, division);
        p.setBigDecimal(i++, new BigDecimal(kg));
        p.setBigDecimal(i++, new BigDecimal(m3));
        for (int k = 0; k < 3; k++) {
            p.setBigDecimal(i++, road == null ? null : new BigDecimal(road[k]));
        }
        p.setBigDecimal(i++, heli ? new BigDecimal("500") : null);
        if (heli) {
            p.setInt(i++, 15);
        } else {
            p.setNull(i++, Types.INTEGER);
        }
        p.setBigDecimal(i++, speed == null ? null : new BigDecimal(speed));
        if (kind.road()) {
            p.setLong(i++, base.id());
            p.setNull(i++, Types.BIGINT);
            p.setNull(i++, Types.VARCHAR);
        } else {
            p.setNull(i++, Types.BIGINT);
            p.setLong(i++, base.id());
            p.setString(i++, base.kind());
        }
        p.setString(i++, owner.name());
        p.setBigDecimal(i++, new BigDecimal(duty));
        p.setString(i++, switch (kind) {
            case TRUCK, VAN -> "运输值班室（演示）";
            case BOAT -> "船艇值班室（演示）";
            case HELICOPTER -> "航空救援值班室（演示）";
        });
        p.setString(i++, String.format("0571-8%07d", Math.floorMod(registration.hashCode(), 10_000_000)));
        Timestamp now = Timestamp.from(Instant.now());
        p.setTimestamp(i++, now);
        p.setTimestamp(i, now);
        p.addBatch();
    }

    private static List<Base> bases(Connection c, String sql) throws SQLException {
        List<Base> list = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                list.add(new Base(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getDouble(5),
                        r.getDouble(6)));
            }
        }
        return list;
    }
}
