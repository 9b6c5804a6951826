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
 *
 * <p>A port or air base may be <em>fed</em> by a warehouse (transshipment): trucks move stock from the
 * warehouse to the hub so that boats and helicopters carry it on. A fed hub holds no stock of its own:
 * it draws on its feeder's, which the feeder's own trucks share, so the stock constraint counts what
 * both take together ({@link #stockHolder}). When the transfer takes is the caller's business (the hub's
 * vehicles start when the first transfer has arrived).
 */
public final class Depot {

    @PlanningId
    private final String id;
    private final Location location;
    private final Map<String, Long> stock;
    private final Set<Mode> modes;
    private final Depot feeder;

    public Depot(String id, Location location, Map<String, Long> stock, Set<Mode> modes) {
        this(id, location, stock, modes, null);
    }

    private Depot(String id, Location location, Map<String, Long> stock, Set<Mode> modes, Depot feeder) {
        this.id = id;
        this.location = location;
        this.stock = new HashMap<>(stock);
        this.modes = Set.copyOf(modes);
        this.feeder = feeder;
    }

    /** A hub (port, air base) that holds no stock of its own and loads what {@code feeder} holds. */
    public static Depot fedBy(String id, Location location, Set<Mode> modes, Depot feeder) {
        if (feeder.feeder != null) {
            throw new IllegalArgumentException(feeder.id + " is itself fed; a hub is fed by a stocked depot");
        }
        return new Depot(id, location, Map.of(), modes, feeder);
    }

    /** The depot whose stock this one loads: its feeder, or itself. */
    public Depot stockHolder() {
        return feeder == null ? this : feeder;
    }

    /** The warehouse feeding this hub; null for a depot with stock of its own. */
    public Depot feeder() {
        return feeder;
    }

    public long stockOf(String material) {
        return stockHolder().stock.getOrDefault(material, 0L);
    }

    public void addStock(String material, long quantity) {
        stockHolder().stock.merge(material, quantity, Long::sum);
    }

    public String id() { return id; }
    public Location location() { return location; }
    public Map<String, Long> stock() { return Collections.unmodifiableMap(stockHolder().stock); }
    public Set<Mode> modes() { return modes; }

    @Override
    public String toString() {
        return id;
    }
}
