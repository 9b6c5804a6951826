package org.reliefchain.stock;

import java.time.LocalDate;

/** A lot's balance in one warehouse, as the FEFO picker sees it. */
public record LotStock(long lotId, String lotNumber, LocalDate expiryDate, Quantity onHand) {
}
