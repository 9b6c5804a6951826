package org.reliefchain.stock;

import java.io.Serializable;
import org.reliefchain.catalog.MaterialClass;

/**
 * Stock of one material in a scope: usable (not expired) and expired quantities in its unit, value at cost in
 * yuan ({@code lotsWithoutCost} lots have no cost and are not in it), how many lots and warehouses hold it.
 */
public record MaterialTotal(String material, String nameZh, String nameEn, MaterialClass materialClass, String unitZh,
                            String unitEn, String usable, String expired, String valueCny, long lotsWithoutCost,
                            long lots, long warehouses) implements Serializable {
}
