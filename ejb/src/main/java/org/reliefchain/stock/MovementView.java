package org.reliefchain.stock;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A ledger entry as the API shows it; {@code quantity} is signed (negative for stock going out). */
public record MovementView(long id, MovementType type, String warehouse, String material, String lot,
                           LocalDate expiryDate, String quantity, String balanceAfter, Instant occurredAt,
                           Instant registeredAt, String actor, String reason, String reference, Long reverses) implements Serializable {
}
