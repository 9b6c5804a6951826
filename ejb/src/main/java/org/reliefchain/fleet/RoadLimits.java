package org.reliefchain.fleet;

import java.math.BigDecimal;

/**
 * A road vehicle's size and weight (m, m, t): the planner's truck profile keeps it off roads with a
 * lower clearance, a narrower lane or a lower weight limit.
 */
public record RoadLimits(BigDecimal heightM, BigDecimal widthM, BigDecimal grossWeightT) {
}
