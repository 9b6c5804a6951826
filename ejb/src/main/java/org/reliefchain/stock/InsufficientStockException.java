package org.reliefchain.stock;

import org.reliefchain.platform.ConflictException;

/** Not enough stock for an outgoing movement; names material, lot and what is available. */
public class InsufficientStockException extends ConflictException {

    public InsufficientStockException(String warehouse, String material, String lot, Quantity requested,
                                      Quantity available) {
        super("insufficient-stock", "not enough " + material + (lot == null ? "" : " of lot " + lot) + " in "
                + warehouse + ": requested " + requested + ", available " + available);
    }
}
