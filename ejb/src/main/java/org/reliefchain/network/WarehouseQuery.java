package org.reliefchain.network;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;

/** Filters for listing warehouses; all optional. {@code division} includes its whole subtree. */
public record WarehouseQuery(DivisionLevel level, DivisionCode division, WarehouseKind kind, String text) {
}
