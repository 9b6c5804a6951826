package org.reliefchain.fleet;

import java.math.BigDecimal;

/**
 * A helicopter's reach: the longest round trip of one sortie (km) and the minutes a sortie costs
 * beyond flying (loading, start-up, refuelling), which the planner adds to every trip.
 */
public record AirRange(BigDecimal rangeKm, int sortieMinutes) {
}
