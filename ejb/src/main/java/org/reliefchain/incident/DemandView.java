package org.reliefchain.incident;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One demand line: what a point needs of a material, computed from people x standard x days, and the
 * dispatcher's figure where one was set (both shown; {@code quantity} is the one that counts).
 */
public record DemandView(String division, String name, String county, String material, String materialName,
                         String unit, long people, BigDecimal computed, BigDecimal overridden, String overrideReason,
                         BigDecimal quantity, int priority, int standardVersion) implements Serializable {
}
