package org.reliefchain.web.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.reliefchain.platform.DatabaseSetup;

/** Ready when the database answers and the division tree is loaded. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(3);
            try (ResultSet r = s.executeQuery("select count(*) from division")) {
                r.next();
                long divisions = r.getLong(1);
                return HealthCheckResponse.named("database").status(divisions > 0).withData("divisions", divisions)
                        .build();
            }
        } catch (Exception e) {
            // why, for whoever is paged: the driver's own words (host and port, never a password) and its SQLSTATE
            String reason = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
            var down = HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName())
                    .withData("reason", reason.length() > 200 ? reason.substring(0, 200) : reason);
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                    down.withData("sqlState", sql.getSQLState());
                    break;
                }
            }
            return down.build();
        }
    }
}
