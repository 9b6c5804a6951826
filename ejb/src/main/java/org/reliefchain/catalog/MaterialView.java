package org.reliefchain.catalog;

import java.io.Serializable;
import java.math.BigDecimal;

/** A catalogue item as the API shows it; {@code shelfLifeDays} is null for goods that do not age. */
public record MaterialView(String code, String nameZh, String nameEn, MaterialClass materialClass, String unitZh,
                           String unitEn, BigDecimal unitWeightKg, BigDecimal unitVolumeM3, Integer shelfLifeDays,
                           String storageNotes) implements Serializable {
}
