package org.reliefchain.planner.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A stocked place vehicles load at: a reserve warehouse, a port with a relief store, a helicopter
 * base. {@code stock} is what may be loaded there, per material; {@code modes} who can load there.
 * Stock can grow while the solver runs (a delivery from an enterprise, a requisition), through
 * {@link #addStock} inside a problem change.
 */
public final class Depot {

    @PlanningId
    private final String id;
    private final Location location;
    private final Map<String, Long> stock;
    private final Set<Mode> modes;

    public Depot(String id, Location location, Map<String, Long> stock, Set<Mode> modes) {
        this.id = id;
        this.location = location;
        this.stock = new HashMap<>(stock);
        this.modes = Set.copyOf(modes);
    }

    public long stockOf(String material) {
        return stock.getOrDefault(material, 0L);
    }

    public void addStock(String material, long quantity) {
        stock.merge(material, quantity, Long::sum);
    }

    public String id() { return id; }
    public Location location() { return location; }
    public Map<String, Long> stock() { return Collections.unmodifiableMap(stock); }
    public Set<Mode> modes() { return modes; }

    @Override
    public String toString() {
        return id;
    }
}
