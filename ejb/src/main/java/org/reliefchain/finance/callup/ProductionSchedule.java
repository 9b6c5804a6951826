package org.reliefchain.finance.callup;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reliefchain.platform.InvalidInputException;

/**
 * The promise of a capacity reserve and how deliveries keep it. A capacity line promises its quantity
 * within so many hours of a call-up and so much per day after that: a call-up of Q units is due as a
 * first batch of min(Q, quantity) at the order plus the hours, then batches of the daily quantity every
 * 24 hours until Q is reached. Deliveries fill the batches in order; a batch is late when the deliveries
 * reached its cumulative quantity only after it was due, or have not reached it and it is past due.
 */
public final class ProductionSchedule {

    /** A production order longer than a year is not a call-up but a procurement. */
    static final int MAX_BATCHES = 366;

    /** One promised batch. */
    public record Batch(int seq, Instant dueAt, BigDecimal quantity) {
    }

    /** A delivery: how much, when. */
    public record Delivery(Instant at, BigDecimal quantity) {
    }

    /** ON_TIME and LATE are filled; OVERDUE is past due and not filled; DUE is not due yet. */
    public enum State { ON_TIME, LATE, OVERDUE, DUE }

    /** A batch against the deliveries: received toward it, when it was filled (if it was), its state. */
    public record Progress(int seq, Instant dueAt, BigDecimal quantity, BigDecimal promisedToDate,
                           BigDecimal received, Instant filledAt, State state) {
    }

    private ProductionSchedule() {
    }

    public static List<Batch> promise(Instant orderedAt, BigDecimal quantity, BigDecimal withinHours,
                                      int hours, BigDecimal perDay) {
        List<Batch> batches = new ArrayList<>();
        BigDecimal first = quantity.min(withinHours);
        Instant due = orderedAt.plus(Duration.ofHours(hours));
        batches.add(new Batch(1, due, first));
        BigDecimal left = quantity.subtract(first);
        while (left.signum() > 0) {
            if (batches.size() == MAX_BATCHES) {
                throw new InvalidInputException("quantity", "the capacity promised takes more than " + MAX_BATCHES
                        + " days to produce this quantity", "capacity-exceeded", String.valueOf(MAX_BATCHES));
            }
            due = due.plus(Duration.ofDays(1));
            BigDecimal q = left.min(perDay);
            batches.add(new Batch(batches.size() + 1, due, q));
            left = left.subtract(q);
        }
        return batches;
    }

    /** The batches against {@code deliveries} (in the order they came) as of {@code now}. */
    public static List<Progress> progress(List<Batch> batches, List<Delivery> deliveries, Instant now) {
        List<Progress> out = new ArrayList<>();
        BigDecimal promised = BigDecimal.ZERO;
        for (Batch b : batches) {
            BigDecimal before = promised;
            promised = promised.add(b.quantity());
            BigDecimal delivered = BigDecimal.ZERO;
            Instant filledAt = null;
            for (Delivery d : deliveries) {
                delivered = delivered.add(d.quantity());
                if (delivered.compareTo(promised) >= 0) {
                    filledAt = d.at();
                    break;
                }
            }
            BigDecimal towards = delivered.subtract(before).max(BigDecimal.ZERO).min(b.quantity());
            State state = filledAt != null ? (filledAt.isAfter(b.dueAt()) ? State.LATE : State.ON_TIME)
                    : now.isAfter(b.dueAt()) ? State.OVERDUE : State.DUE;
            out.add(new Progress(b.seq(), b.dueAt(), b.quantity(), promised, towards, filledAt, state));
        }
        return out;
    }
}
