package org.reliefchain.network;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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

import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.NameInitials;
import org.reliefchain.platform.SeedLock;

/**
 * Fills the pinyin initials of divisions and warehouses that have none: rows written by the bulk loaders and
 * rows older than the column. A warehouse saved through its entity gets them there; this catches the rest once,
 * after the loaders have run, so that later starts only look for empty ones and find none.
 */
@Singleton
@Startup
// After the demo network, and through it the division loader. One name only: with two, Payara's start-up order
// check reported a cycle that is not there (AccountSeeder => DivisionLoader) on one start of several.
@DependsOn("DemoNetworkSeeder")
@TransactionManagement(TransactionManagementType.BEAN)
public class NameInitialsBackfill {

    private static final Logger LOG = Logger.getLogger(NameInitialsBackfill.class.getName());
    private static final int BATCH = 2_000;

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @PostConstruct
    void fillMissing() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SeedLock.take(c); // one instance of a cluster at a time: the others then find it done
            int divisions = fill(c, "division", "code");
            int warehouses = fill(c, "warehouse", "id");
            c.commit();
            if (divisions + warehouses > 0) {
                LOG.info(() -> "pinyin initials filled for " + divisions + " divisions and " + warehouses + " warehouses");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not fill the pinyin initials of names", e);
        }
    }

    /** Table and key names are this class's constants, never input. */
    private static int fill(Connection c, String table, String key) throws SQLException {
        Map<Object, String> initials = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select " + key + ", name_zh from " + table
                + " where name_initials is null and name_zh is not null"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                initials.put(r.getObject(1), NameInitials.of(r.getString(2)));
            }
        }
        try (PreparedStatement u = c.prepareStatement("update " + table + " set name_initials = ? where " + key + " = ?")) {
            int n = 0;
            for (Map.Entry<Object, String> e : initials.entrySet()) {
                u.setString(1, e.getValue());
                u.setObject(2, e.getKey());
                u.addBatch();
                if (++n % BATCH == 0) {
                    u.executeBatch();
                }
            }
            u.executeBatch();
        }
        return initials.size();
    }
}
