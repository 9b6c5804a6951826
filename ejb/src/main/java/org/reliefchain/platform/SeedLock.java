package org.reliefchain.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an instance writes at start-up when the database lacks it (the division tree, reference places, the
 * demo data) is written by one instance of a cluster: each seeder takes this PostgreSQL lock in its transaction
 * before it looks whether its data is there. An instance starting beside one that seeds waits for that
 * transaction, then finds the data and writes nothing; if the seeding instance dies, its transaction is rolled
 * back, the lock goes with its connection, and the next instance to start seeds.
 */
public final class SeedLock {

    /** The advisory lock's key: any constant no other lock of this database uses. */
    static final long KEY = 0x5E_ED_5EEDL;

    private SeedLock() {
    }

    /** Takes the lock for the rest of {@code c}'s transaction (call with auto-commit off). */
    public static void take(Connection c) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("the seed lock lasts a transaction: turn auto-commit off first");
        }
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_xact_lock(" + KEY + ")");
        }
    }

    /** The same, in the caller's JPA transaction. */
    public static void take(jakarta.persistence.EntityManager em) {
        em.createNativeQuery("select pg_advisory_xact_lock(" + KEY + ")").getSingleResult();
    }
}
