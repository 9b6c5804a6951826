package org.reliefchain.web.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app's database, found the way the launcher finds it: DB_URL, else the embedded server. */
record Db(String host, int port, String database, String user, String password) {

    static Db fromEnvironment(Map<String, String> env) {
        String url = env.get("DB_URL");
        if (url == null || url.isBlank()) {
            return new Db("localhost", Integer.parseInt(env.getOrDefault("EMBEDDED_PG_PORT", "54329")),
                    "reliefchain", "postgres", "");
        }
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("DB_URL is not a PostgreSQL JDBC URL: " + url);
        }
        return new Db(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3),
                env.getOrDefault("DB_USER", "reliefchain"), env.getOrDefault("DB_PASSWORD", ""));
    }

    Connection connect(String db) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, user, password);
    }

    Connection connect() throws Exception {
        return connect(database);
    }
}
