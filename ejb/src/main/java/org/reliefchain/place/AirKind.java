package org.reliefchain.place;

import java.util.Locale;

/** What kind of air base, as the source describes it. */
public enum AirKind {
    CIVIL_AIRPORT, GENERAL_AVIATION, HELIPORT, MILITARY, RESCUE_BASE;

    /**
     * The {@code kind} column of airports_heliports.csv ({@code civil_airport (large)},
     * {@code general_aviation_airport}, {@code heliport (hospital)}, ...); null for what is no air
     * base (a helipad is a landing point).
     */
    public static AirKind ofSource(String kind) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        if (k.startsWith("civil")) {
            return CIVIL_AIRPORT;
        }
        if (k.startsWith("general_aviation") || k.startsWith("small_airport")) {
            return GENERAL_AVIATION;
        }
        if (k.startsWith("heliport")) {
            return HELIPORT;
        }
        if (k.startsWith("military")) {
            return MILITARY;
        }
        if (k.startsWith("rescue_helicopter_base")) {
            return RESCUE_BASE;
        }
        return null;
    }
}
