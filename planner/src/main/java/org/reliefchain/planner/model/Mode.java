package org.reliefchain.planner.model;

/** How a vehicle travels, and so which network it uses and which places it can reach. */
public enum Mode {
    TRUCK, BOAT, HELICOPTER
}
