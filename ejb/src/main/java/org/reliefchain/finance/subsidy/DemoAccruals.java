package org.reliefchain.finance.subsidy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.reliefchain.division.DivisionCode;

/** The demo seeder's way to the accrual: the same writer as the use case, on the seeder's connection. */
public final class DemoAccruals {

    private DemoAccruals() {
    }

    /** Accrues {@code period} for the whole {@code division}; returns the statements written. */
    public static int accrue(Connection c, DivisionCode division, String period, String actor, Instant now)
            throws SQLException {
        return AccrualWriter.write(c, division, Period.parse("period", period), actor, now).statements();
    }
}
