package org.reliefchain.division;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
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

import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.SeedLock;

/**
 * Loads the 27,036 divisions on the first start, in one transaction with batched inserts (about 2 s);
 * later starts find the table filled and do nothing. JDBC rather than JPA: this is a bulk load of
 * reference data, not a use case.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
@TransactionManagement(TransactionManagementType.BEAN)
public class DivisionLoader {

    static final String RESOURCE = "/org/reliefchain/division/data/divisions.csv";
    private static final Logger LOG = Logger.getLogger(DivisionLoader.class.getName());
    private static final int BATCH = 2_000;

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @PostConstruct
    void loadOnFirstStart() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SeedLock.take(c); // one instance of a cluster at a time: the others then find it done
            if (alreadyLoaded(c)) {
                c.rollback(); // done by another instance or an earlier start: let the seed lock go
                return;
            }
            int rows = load(c);
            c.commit();
            c.setAutoCommit(true);
            LOG.info(() -> "loaded " + rows + " divisions in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not load the division tree", e);
        }
    }

    private static boolean alreadyLoaded(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select exists (select 1 from division)")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private int load(Connection c) throws IOException, SQLException {
        String sql = "insert into division (code, parent_code, level, name_zh, name_en, population, lon, lat,"
                + " position_source) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int rows = 0;
        try (InputStream in = DivisionLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    List<String> f = splitCsv(line);
                    insert.setString(1, f.get(0));
                    insert.setString(2, f.get(1).isEmpty() ? null : f.get(1));
                    insert.setString(3, f.get(2));
                    insert.setString(4, f.get(3));
                    insert.setString(5, f.get(4));
                    if (f.get(5).isEmpty()) {
                        insert.setNull(6, Types.BIGINT);
                    } else {
                        insert.setLong(6, Long.parseLong(f.get(5)));
                    }
                    insert.setDouble(7, Double.parseDouble(f.get(6)));
                    insert.setDouble(8, Double.parseDouble(f.get(7)));
                    insert.setString(9, f.get(8));
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        return rows;
    }

    /** RFC 4180 fields: only the English name can be quoted. */
    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
