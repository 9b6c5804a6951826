package org.reliefchain.place;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * Fills the place registry on the first start, once (JDBC in one transaction: a bulk load of
 * reference data, not a use case):
 * <ul>
 *   <li>always: the ports and air bases of the public files (see {@link SourcePlaces});</li>
 *   <li>demo mode only, labelled synthetic: the province plan's 300 temporary helicopter landing
 *       points at township positions, mountain and island counties first and the townships furthest
 *       from their county seat first (the rule of the planner's {@code AirNetwork.landingPoints}), and a
 *       shelter in every township with a capacity drawn from a fixed seed.</li>
 * </ul>
 */
@Singleton
@Startup
@DependsOn("DivisionLoader")
@TransactionManagement(TransactionManagementType.BEAN)
public class PlaceSeeder {

    private static final Logger LOG = Logger.getLogger(PlaceSeeder.class.getName());
    static final String DATA = "/org/reliefchain/place/data/";
    /** The provincial aviation plan's number of temporary landing points. */
    static final int LANDING_POINTS = 300;
    private static final long SEED = 20190810L;
    /** Mountain and island counties (planner ZhejiangGeography): where landing points go first. */
    static final Set<String> LANDING_FAVOURED = Set.of("330112", "330122", "330127", "330324", "330328",
            "330329", "330825", "330881", "331102", "331121", "331122", "331123", "331124", "331125", "331126",
            "331127", "331181", "330902", "330903", "330921", "330922", "330305", "331083");

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    private record Township(String code, String county, String nameZh, String nameEn, double lon, double lat) {
    }

    @PostConstruct
    void seedOnFirstStart() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SeedLock.take(c); // one instance of a cluster at a time: the others then find it done
            int reference = 0;
            int synthetic = 0;
            if (!exists(c, "select exists (select 1 from place where kind in ('PORT', 'AIR_BASE'))")) {
                reference = loadReference(c);
            } else if (exists(c, "select exists (select 1 from place where kind in ('PORT', 'AIR_BASE')"
                    + " and not synthetic and name_zh = name_en)")) {
                splitOldNames(c); // once: afterwards no reference place has one name for both languages
            }
            if (demo && !exists(c, "select exists (select 1 from place where synthetic)")) {
                synthetic = seedDemo(c);
            }
            c.commit();
            c.setAutoCommit(true);
            if (reference + synthetic > 0) {
                int r = reference;
                int s = synthetic;
                LOG.info(() -> "places: " + r + " ports and air bases, " + s + " synthetic landing points and shelters"
                        + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not load the reference places", e);
        }
    }

    /** The ports and air bases of the public files, as the county seats of the division table place them. */
    private List<SourcePlaces.SourcePlace> referencePlaces(Connection c) throws SQLException, IOException {
        List<SourcePlaces.Seat> seats = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select code, lon, lat from division where level = 'COUNTY' order by code")) {
            while (r.next()) {
                seats.add(new SourcePlaces.Seat(r.getString(1), r.getDouble(2), r.getDouble(3)));
            }
        }
        Map<String, SourcePlaces.Seat> byCounty = new HashMap<>();
        seats.forEach(s -> byCounty.put(s.county(), s));
        Map<String, SourcePlaces.Names> names = SourcePlaces.names(resource("place_names.csv"));
        List<SourcePlaces.SourcePlace> places = new ArrayList<>(SourcePlaces.ports(resource("ports.csv"), byCounty, names));
        places.addAll(SourcePlaces.airBases(resource("airports_heliports.csv"), seats, names));
        return places;
    }

    private int loadReference(Connection c) throws SQLException, IOException {
        List<SourcePlaces.SourcePlace> places = referencePlaces(c);
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            for (SourcePlaces.SourcePlace s : places) {
                add(p, s.code(), s.kind(), s.nameZh(), s.nameEn(), s.county(), s.lon(), s.lat(), s.origin(), false,
                        s.airKind(), null, s.serves(), s.note(), s.source());
            }
            p.executeBatch();
        }
        return places.size();
    }

    private int seedDemo(Connection c) throws SQLException {
        List<Township> townships = new ArrayList<>();
        Map<String, double[]> seat = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select code, parent_code, name_zh, name_en,"
                + " lon, lat, level from division where level in ('COUNTY', 'TOWNSHIP') order by code")) {
            while (r.next()) {
                if ("COUNTY".equals(r.getString(7))) {
                    seat.put(r.getString(1), new double[] {r.getDouble(5), r.getDouble(6)});
                } else {
                    townships.add(new Township(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getDouble(5), r.getDouble(6)));
                }
            }
        }
        Comparator<Township> remoteFirst = Comparator.comparingDouble((Township t) -> {
            double[] s = seat.get(t.county());
            return s == null ? 0 : -GreatCircle.metres(t.lon(), t.lat(), s[0], s[1]);
        }).thenComparing(Township::code);
        List<Township> order = new ArrayList<>(townships.stream()
                .filter(t -> LANDING_FAVOURED.contains(t.county())).sorted(remoteFirst).toList());
        order.addAll(townships.stream().filter(t -> !LANDING_FAVOURED.contains(t.county())).sorted(remoteFirst).toList());
        Set<String> landing = new HashSet<>();
        int rows = 0;
        Random random = new Random(SEED);
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            for (Township t : order.subList(0, Math.min(LANDING_POINTS, order.size()))) {
                landing.add(t.code());
                add(p, PlaceKind.LANDING_POINT.codePrefix() + "-" + t.code(), PlaceKind.LANDING_POINT,
                        t.nameZh() + "临时起降点（演示）", t.nameEn() + " helicopter landing point (demo)", t.code(),
                        t.lon(), t.lat(), PositionOrigin.SYNTHETIC, true, null, null, null, null, DEMO_SOURCE);
                rows++;
            }
            for (Township t : townships) {
                int capacity = 200 + 50 * random.nextInt(37); // 200 to 2,000 people
                add(p, PlaceKind.SHELTER.codePrefix() + "-" + t.code(), PlaceKind.SHELTER,
                        t.nameZh() + "避灾安置场所（演示）", t.nameEn() + " disaster shelter (demo)", t.code(),
                        t.lon(), t.lat(), PositionOrigin.SYNTHETIC, true, null, capacity, null, null, DEMO_SOURCE);
                rows++;
            }
            p.executeBatch();
        }
        return rows;
    }

    static final String DEMO_SOURCE = "synthetic demo data (generated at the township's synthetic position); not a"
            + " real place";

    private static final String INSERT = "insert into place (code, kind, name_zh, name_en, division_code, lon, lat,"
            + " position_origin, synthetic, air_kind, capacity_people, serves, note, source, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static void add(PreparedStatement p, String code, PlaceKind kind, String nameZh, String nameEn,
                            String division, double lon, double lat, PositionOrigin origin, boolean synthetic,
                            AirKind airKind, Integer capacity, String serves, String note, String source)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        int i = 1;
        p.setString(i++, code);
        p.setString(i++, kind.name());
        p.setString(i++, nameZh);
        p.setString(i++, nameEn);
        p.setString(i++, division);
        p.setDouble(i++, lon);
        p.setDouble(i++, lat);
        p.setString(i++, origin.name());
        p.setBoolean(i++, synthetic);
        p.setString(i++, airKind == null ? null : airKind.name());
        if (capacity == null) {
            p.setNull(i++, Types.INTEGER);
        } else {
            p.setInt(i++, capacity);
        }
        p.setString(i++, serves);
        p.setString(i++, note);
        p.setString(i++, source);
        p.setTimestamp(i++, now);
        p.setTimestamp(i, now);
        p.addBatch();
    }

    /**
     * Databases loaded before {@code place_names.csv} hold the source's mixed name in both name fields: give
     * those rows their two names. Only a row that still holds exactly the source's name in both is changed; one
     * that someone has named since is left alone. Reference data corrected at start-up, not a user's change: no
     * audit record.
     */
    private void splitOldNames(Connection c) throws SQLException, IOException {
        try (PreparedStatement u = c.prepareStatement("update place set name_zh = ?, name_en = ?, updated_at = now(),"
                + " version = version + 1 where code = ? and synthetic = false and name_zh = ? and name_en = ?")) {
            for (SourcePlaces.SourcePlace s : referencePlaces(c)) {
                if (s.nameZh().equals(s.sourceName()) && s.nameEn().equals(s.sourceName())) {
                    continue; // nothing to split
                }
                u.setString(1, s.nameZh());
                u.setString(2, s.nameEn());
                u.setString(3, s.code());
                u.setString(4, s.sourceName());
                u.setString(5, s.sourceName());
                u.addBatch();
            }
            u.executeBatch();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PlaceSeeder.class.getResourceAsStream(DATA + name)) {
            if (in == null) {
                throw new IllegalStateException(DATA + name + " is missing from the build");
            }
            return in.readAllBytes();
        }
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getBoolean(1);
        }
    }
}
