package org.reliefchain.planner.model;

/** Something at a location: where nearby selection measures from and to. */
public interface Placed {

    Location location();
}
