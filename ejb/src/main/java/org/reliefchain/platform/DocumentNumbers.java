package org.reliefchain.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * Official document numbers without gaps, like XY2026-000042: a counter row per series and year
 * ({@code document_number}) updated in the transaction that issues the document, so a refused or
 * rolled-back document gives its number back. The year is China's.
 */
public final class DocumentNumbers {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String DRAW = "insert into document_number (series, year, last_number) values (?, ?, ?)"
            + " on conflict (series, year) do update set last_number = document_number.last_number"
            + " + excluded.last_number returning last_number";

    private DocumentNumbers() {
    }

    /** The next number of {@code series}, in the transaction of {@code em}. */
    public static String next(EntityManager em, String series, Instant now) {
        int year = now.atZone(CHINA).getYear();
        Number last = (Number) em.createNativeQuery(DRAW.replace("?, ?, ?", "?1, ?2, 1"))
                .setParameter(1, series).setParameter(2, year).getSingleResult();
        return format(series, year, last.intValue());
    }

    /** {@code count} consecutive numbers of {@code series} at once, on {@code c} (a batch of documents). */
    public static List<String> next(Connection c, String series, int count, Instant now) throws SQLException {
        if (count == 0) {
            return List.of();
        }
        int year = now.atZone(CHINA).getYear();
        int last;
        try (PreparedStatement p = c.prepareStatement(DRAW)) {
            p.setString(1, series);
            p.setInt(2, year);
            p.setInt(3, count);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                last = r.getInt(1);
            }
        }
        List<String> numbers = new ArrayList<>();
        for (int i = last - count + 1; i <= last; i++) {
            numbers.add(format(series, year, i));
        }
        return numbers;
    }

    /** Continues a series after numbers given elsewhere (demo data): never moves the counter back. */
    public static void atLeast(Connection c, String series, int year, int last) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into document_number (series, year, last_number)"
                + " values (?, ?, ?) on conflict (series, year) do update set last_number"
                + " = greatest(document_number.last_number, excluded.last_number)")) {
            p.setString(1, series);
            p.setInt(2, year);
            p.setInt(3, last);
            p.executeUpdate();
        }
    }

    private static String format(String series, int year, int n) {
        return String.format("%s%d-%06d", series, year, n);
    }
}
