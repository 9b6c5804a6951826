package org.reliefchain.stock;

import org.reliefchain.catalog.Material;
import org.reliefchain.network.Warehouse;

import org.reliefchain.platform.ConflictException;

/** Not enough stock for an outgoing movement; names material, lot and what is available. */
public class InsufficientStockException extends ConflictException {

    /**
     * Figures for a translated message, in this order: material name (zh, en), warehouse name (zh, en), lot
     * (or ""), requested, available, unit (zh, en), material code, warehouse code, 1 if a lot is named else 0.
     */
    public InsufficientStockException(Warehouse warehouse, Material material, String lot, Quantity requested,
                                      Quantity available) {
        super("insufficient-stock", "not enough " + material.code() + (lot == null ? "" : " of lot " + lot) + " in "
                + warehouse.code() + ": requested " + requested + ", available " + available);
        withArgs(material.nameZh(), material.nameEn(), warehouse.nameZh(), warehouse.nameEn(), lot == null ? "" : lot,
                requested.toString(), available.toString(), material.unitZh(), material.unitEn(), material.code(),
                warehouse.code(), lot == null ? 0 : 1);
    }
}
