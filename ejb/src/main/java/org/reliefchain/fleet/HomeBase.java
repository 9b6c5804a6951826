package org.reliefchain.fleet;

/** Where a vehicle loads and returns: a warehouse, a port or an air base, with its position. */
public record HomeBase(BaseKind kind, String code, String nameZh, double lon, double lat) {
}
