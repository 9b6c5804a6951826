package org.reliefchain.finance.rotation;

/**
 * A rotation plan as raised from the near-expiry list: which goods (warehouse code, material code, lot number,
 * quantity), how (method) and, by method: {@code unitPrice} (SELL, HAND_OVER; yuan, "0" allowed for a
 * hand-over), {@code recipient} (HAND_OVER, DONATE; optional for SELL), {@code reason} (DESTROY; optional
 * otherwise), {@code enterprise} (the enterprise that carries the rotation and is compensated for its loss;
 * for EXCHANGE the supplier, required) and {@code replacement} (EXCHANGE). {@code idempotencyKey}: a retry
 * with the same key answers with the plan first raised.
 */
public record RotationForm(String warehouse, String material, String lot, String quantity, RotationMethod method,
                           String unitPrice, String recipient, String reason, Long enterprise,
                           ReplacementForm replacement, String idempotencyKey) {

    /** The fresh lot an exchange brings in; {@code priceDifference}: what the reserve pays the supplier on top (negative: receives). */
    public record ReplacementForm(String lot, String productionDate, String expiryDate, String quantity,
                                  String unitCost, String priceDifference) {
    }
}
