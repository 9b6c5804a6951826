package org.reliefchain.finance.rotation;

/**
 * How a near-expiry lot leaves the reserve. SELL and HAND_OVER (to a user who will consume it in time,
 * a school or a hospital, at an agreed price, possibly nothing) bring a price per unit; DONATE and DESTROY
 * bring nothing; EXCHANGE gives the old goods back to the supplier for a fresh lot.
 */
public enum RotationMethod {
    SELL, HAND_OVER, DONATE, EXCHANGE, DESTROY;

    /** Whether the plan names a price per unit. */
    public boolean priced() {
        return this == SELL || this == HAND_OVER;
    }

    /** Whether the plan names who receives the goods. */
    public boolean needsRecipient() {
        return this == HAND_OVER || this == DONATE;
    }
}
