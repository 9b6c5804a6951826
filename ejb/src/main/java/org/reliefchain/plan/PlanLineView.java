package org.reliefchain.plan;

import java.io.Serializable;
import org.reliefchain.division.DivisionLevel;

/**
 * One warehouse's plan for one material. {@code onHand} counts usable (unexpired) stock;
 * {@code completion} is onHand / target in percent, capped at 100 when the target is met. Warehouse and
 * material are named in both languages.
 */
public record PlanLineView(long id, int year, String warehouse, String warehouseName, String warehouseNameEn,
                           String division, DivisionLevel level, String material, String materialNameZh,
                           String materialNameEn, String target, String onHand, String shortfall, double completion,
                           String source, long version) implements Serializable {
}
