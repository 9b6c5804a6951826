package org.reliefchain.planner.model;

import java.util.Map;
import java.util.Set;

/**
 * A stocked place vehicles load at: a reserve warehouse, a port with a relief store, a helicopter
 * base. {@code stock} is what may be loaded there, per material; {@code modes} who can load there.
 */
public record Depot(String id, Location location, Map<String, Long> stock, Set<Mode> modes) {

    public long stockOf(String material) {
        return stock.getOrDefault(material, 0L);
    }
}
