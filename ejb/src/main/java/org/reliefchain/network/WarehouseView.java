package org.reliefchain.network;

import java.io.Serializable;
import java.math.BigDecimal;

import org.reliefchain.division.DivisionLevel;

/** A warehouse as the API shows it. {@code positionSynthetic}: generated, not surveyed. */
public record WarehouseView(String code, String nameZh, String nameEn, String division, DivisionLevel level,
                            WarehouseKind kind, String address, double lon, double lat, boolean positionSynthetic,
                            BigDecimal floorAreaM2, BigDecimal volumeM3, WarehouseStatus status, boolean roadAccess,
                            boolean portAccess, boolean helipad, String contactName, String contactPhone,
                            long version) implements Serializable {
}
