package org.reliefchain.stock;

import java.time.Instant;

/** Filters for the ledger; all optional. {@code from} inclusive, {@code to} exclusive, on occurred-at. */
public record MovementQuery(String warehouse, String material, String lot, Instant from, Instant to) {
}
