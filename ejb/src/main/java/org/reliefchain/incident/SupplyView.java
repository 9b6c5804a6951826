package org.reliefchain.incident;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Demand against usable stock before any plan: per material over everything the caller may draw on,
 * and per county (what is needed there, what lies there). Usable = in an active warehouse, not expired.
 */
public record SupplyView(String jurisdiction, int standardVersion, List<MaterialSupply> materials,
                         List<CountySupply> counties) implements Serializable {

    public record MaterialSupply(String material, String name, String unit, BigDecimal needed, BigDecimal available,
                                 BigDecimal shortfall) implements Serializable {
    }

    public record CountySupply(String county, String countyName, String material, BigDecimal needed,
                               BigDecimal available, BigDecimal shortfall) implements Serializable {
    }
}
