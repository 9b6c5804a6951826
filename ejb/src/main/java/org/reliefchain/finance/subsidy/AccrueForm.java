package org.reliefchain.finance.subsidy;

/** Accrue {@code period} ("2026-Q3" or "2026-07") for agreements contracted in {@code division} (default: yours). */
public record AccrueForm(String period, String division) {
}
