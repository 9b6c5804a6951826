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
 * @param instances       application servers behind one balancer ({@code --instances N} or {@code RELIEFCHAIN_INSTANCES},
 *                        default 1: one server on {@code PORT}, no cluster, no balancer)
 * @param clusterPort     first data-grid port of a cluster on loopback ({@code CLUSTER_PORT}, default 6900; instance
 *                        i uses this + i - 1)
 */
public record Settings(int port, Path home, String dbUrl, String dbUser, String dbPassword, int embeddedPgPort,
                       String adminPassword, String javaOptions, int instances, int clusterPort) {

    /** Enough for a province's instances per city on one machine; more is a configuration mistake. */
    static final int MAX_INSTANCES = 16;

    /** The settings of the environment, with {@code --instances N} on the command line over the variable. */
    public static Settings from(Map<String, String> env, String... args) {
        Settings s = from(env);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--instances") && i + 1 < args.length) {
                s = s.withInstances(count("--instances", args[++i]));
            } else if (args[i].startsWith("--instances=")) {
                s = s.withInstances(count("--instances", args[i].substring("--instances=".length())));
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "' (the launcher takes --instances N;"
                        + " everything else is set in the environment, see README)");
            }
        }
        return s;
    }

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
                env.getOrDefault("RELIEFCHAIN_JAVA_OPTS", "-Xmx4g"),
                blankToNull(env.get("RELIEFCHAIN_INSTANCES")) == null ? 1
                        : count("RELIEFCHAIN_INSTANCES", env.get("RELIEFCHAIN_INSTANCES")),
                intValue(env, "CLUSTER_PORT", 6900));
    }

    Settings withInstances(int n) {
        return new Settings(port, home, dbUrl, dbUser, dbPassword, embeddedPgPort, adminPassword, javaOptions, n,
                clusterPort);
    }

    /** More than one instance: a Payara Micro cluster behind HAProxy. */
    public boolean clustered() {
        return instances > 1;
    }

    /** The HTTP port of instance {@code i} (1-based) of a cluster: the ports after {@code PORT}, on loopback. */
    public int instancePort(int i) {
        return port + i;
    }

    private static int count(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_INSTANCES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a number of instances from 1 to " + MAX_INSTANCES
                + ", not '" + value + "'");
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
