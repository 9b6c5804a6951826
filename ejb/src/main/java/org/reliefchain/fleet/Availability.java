package org.reliefchain.fleet;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * When a vehicle may be planned: from and until (either open), and how many hours a day its crew may
 * be on duty (the planner ends a vehicle's day there).
 */
public record Availability(Instant from, Instant until, BigDecimal dutyHoursPerDay) {

    /** Whether the window is still open at {@code now}. */
    public boolean openAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
