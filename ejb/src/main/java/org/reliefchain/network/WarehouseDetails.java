package org.reliefchain.network;

import java.math.BigDecimal;

import org.reliefchain.division.DivisionCode;

/** The checked descriptive facts of a warehouse (built from a request by {@link WarehouseService}). */
public record WarehouseDetails(String nameZh, String nameEn, DivisionCode division, WarehouseKind kind,
                               String address, double lon, double lat, boolean positionSynthetic,
                               BigDecimal floorAreaM2, BigDecimal volumeM3, boolean roadAccess, boolean portAccess,
                               boolean helipad, String contactName, String contactPhone) {
}
