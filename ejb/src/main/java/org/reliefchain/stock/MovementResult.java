package org.reliefchain.stock;

import java.util.List;

/**
 * The answer to a movement request: the movement (the first, when first-expiry-first-out or a
 * transfer made several), all of them, and the new balance of the first movement's warehouse and lot.
 * {@code replayed} is true when the idempotency key had been seen and nothing was changed.
 */
public record MovementResult(MovementView movement, List<MovementView> movements, String balance, boolean replayed) {

    static MovementResult of(List<MovementView> movements, boolean replayed) {
        MovementView first = movements.get(0);
        return new MovementResult(first, movements, first.balanceAfter(), replayed);
    }
}
