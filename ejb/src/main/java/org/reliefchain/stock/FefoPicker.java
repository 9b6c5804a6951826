package org.reliefchain.stock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * First-expiry-first-out: takes what is asked from the lots that expire soonest, skipping expired ones;
 * lots without an expiry date go last, ties by lot number so that the choice is repeatable.
 */
public final class FefoPicker {

    /** One lot's share of an outgoing movement. */
    public record Pick(LotStock lot, Quantity quantity) {
    }

    private FefoPicker() {
    }

    /** @return the picks, or an empty list when the usable lots together hold less than {@code needed} */
    public static List<Pick> pick(List<LotStock> lots, Quantity needed, LocalDate today) {
        List<LotStock> usable = lots.stream()
                .filter(l -> l.onHand().isPositive())
                .filter(l -> l.expiryDate() == null || !l.expiryDate().isBefore(today))
                .sorted(Comparator.comparing(LotStock::expiryDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(LotStock::lotNumber))
                .toList();
        List<Pick> picks = new ArrayList<>();
        Quantity remaining = needed;
        for (LotStock lot : usable) {
            if (remaining.isZero()) {
                break;
            }
            Quantity take = lot.onHand().min(remaining);
            picks.add(new Pick(lot, take));
            remaining = remaining.minus(take);
        }
        return remaining.isZero() ? picks : List.of();
    }

    /** What the usable (unexpired) lots hold together. */
    public static Quantity usable(List<LotStock> lots, LocalDate today) {
        return lots.stream().filter(l -> l.expiryDate() == null || !l.expiryDate().isBefore(today))
                .map(LotStock::onHand).reduce(Quantity.ZERO, Quantity::plus);
    }
}
