package org.reliefchain.stock;

import java.util.Collection;
import java.util.Map;

/**
 * Who keeps goods on the government's behalf. Government-owned stock in an enterprise's custody (代储) stays
 * the owner's in the ledger, but is kept by the enterprise whose custody agreement names the warehouse; the
 * finance feature knows the agreements and answers here, so that stock does not depend on finance.
 */
public interface Custodians {

    /** The key of {@link #of}: a warehouse and a material. */
    static String key(long warehouseId, String material) {
        return warehouseId + "/" + material;
    }

    /** For the warehouses given, {@link #key} -> the custodian's name, for what is kept in custody only. */
    Map<String, String> of(Collection<Long> warehouseIds);
}
