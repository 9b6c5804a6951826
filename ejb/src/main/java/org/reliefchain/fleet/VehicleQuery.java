package org.reliefchain.fleet;

import org.reliefchain.division.DivisionCode;

/** Filters for listing vehicles; all optional. {@code division} includes its whole subtree. */
public record VehicleQuery(VehicleKind kind, VehicleStatus status, DivisionCode division, String text) {
}
