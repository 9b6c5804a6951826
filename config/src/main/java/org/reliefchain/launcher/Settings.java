package org.reliefchain.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Every setting the launcher reads, from the environment. README's settings table lists the same.
 *
 * @param port            HTTP port ({@code PORT}, default 8080)
 * @param home            data folder ({@code RELIEFCHAIN_HOME}, default {@code ~/.reliefchain})
 * @param dbUrl           external database JDBC URL ({@code DB_URL}); null means embedded PostgreSQL
 * @param dbUser          {@code DB_USER}
 * @param dbPassword      {@code DB_PASSWORD}
 * @param embeddedPgPort  port of the embedded PostgreSQL ({@code EMBEDDED_PG_PORT}, default 54329)
 * @param adminPassword   first admin's password with an external database ({@code RELIEFCHAIN_ADMIN_PASSWORD})
 * @param javaOptions     JVM options of the application server ({@code RELIEFCHAIN_JAVA_OPTS}, default -Xmx4g: the planner keeps travel matrices of every depot and point for three modes in memory)
 */
public record Settings(int port, Path home, String dbUrl, String dbUser, String dbPassword, int embeddedPgPort,
                       String adminPassword, String javaOptions) {

    public static Settings from(Map<String, String> env) {
        String userHome = System.getProperty("user.home");
        return new Settings(
                intValue(env, "PORT", 8080),
                Path.of(env.getOrDefault("RELIEFCHAIN_HOME", Path.of(userHome, ".reliefchain").toString())),
                blankToNull(env.get("DB_URL")),
                env.getOrDefault("DB_USER", "reliefchain"),
                env.getOrDefault("DB_PASSWORD", ""),
                intValue(env, "EMBEDDED_PG_PORT", 54329),
                blankToNull(env.get("RELIEFCHAIN_ADMIN_PASSWORD")),
                env.getOrDefault("RELIEFCHAIN_JAVA_OPTS", "-Xmx4g"));
    }

    public boolean embeddedDatabase() {
        return dbUrl == null;
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
