package org.reliefchain.fleet;

import java.math.BigDecimal;

/** What one trip carries at most: weight (kg) and volume (m³); either may be the binding limit. */
public record Capacity(BigDecimal kg, BigDecimal m3) {

    public Capacity {
        if (kg == null || kg.signum() <= 0 || m3 == null || m3.signum() <= 0) {
            throw new IllegalArgumentException("a capacity is positive in both kg and m3");
        }
    }
}
