package org.reliefchain.fleet;

import org.reliefchain.network.Warehouse;
import org.reliefchain.place.Place;

/** A home base found in the registry, checked against the vehicle's kind by the service. */
public sealed interface ResolvedBase {

    record AtWarehouse(Warehouse warehouse) implements ResolvedBase {
    }

    record AtPlace(Place place) implements ResolvedBase {
    }
}
