package org.reliefchain.planner.model;

import java.util.Set;

/**
 * A place people wait for relief: a village, a shelter or a township. {@code priority} multiplies
 * what missing or late deliveries here cost (1 normal; higher for cut-off or vulnerable places);
 * {@code modes} are the ways it can be reached (a village inside a flooded area: boat or helicopter).
 */
public record DemandPoint(String id, String name, Location location, long population, int priority,
                          Set<Mode> modes) {
}
