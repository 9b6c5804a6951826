package org.reliefchain.dispatch;

import java.io.Serializable;
import java.util.List;

/**
 * What approving a revision would change: the dispatch orders it replaces (not yet loaded), those under
 * way that stay as they are, its new trips, and per warehouse and material the units the replaced orders
 * hold against what the revision loads there (only where they differ).
 */
public record RevisionChange(int ordersReplaced, int ordersUnderWay, int newTrips, List<StockChange> stock) implements Serializable {

    /** {@code toIssue}: what the revision loads beyond what the replaced orders hold; {@code toReturn}: the reverse. */
    public record StockChange(String warehouseCode, String warehouseName, String material, long held, long needed,
                              long toIssue, long toReturn) implements Serializable {

        static StockChange of(String warehouseCode, String warehouseName, String material, long held, long needed) {
            return new StockChange(warehouseCode, warehouseName, material, held, needed, Math.max(0, needed - held),
                    Math.max(0, held - needed));
        }
    }
}
