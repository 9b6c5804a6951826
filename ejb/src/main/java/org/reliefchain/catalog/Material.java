package org.reliefchain.catalog;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.Quantity;

/** A catalogue item. Seeded by migration V3; read by everyone. */
@Entity
@Table(name = "material")
public class Material {

    @Id
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Enumerated(EnumType.STRING)
    @Column(name = "material_class")
    private MaterialClass materialClass;
    @Column(name = "unit_zh")
    private String unitZh;
    @Column(name = "unit_en")
    private String unitEn;
    /** Counted in whole units (tents, quilts, cases) rather than measured (kilograms, litres). */
    @Column(name = "whole_units")
    private boolean wholeUnits = true;
    @Column(name = "unit_weight_kg")
    private BigDecimal unitWeightKg;
    @Column(name = "unit_volume_m3")
    private BigDecimal unitVolumeM3;
    @Column(name = "shelf_life_days")
    private Integer shelfLifeDays;
    @Column(name = "storage_notes")
    private String storageNotes;
    @Version
    private long version;

    protected Material() {
    }

    public String code() { return code; }

    public String nameZh() { return nameZh; }

    public String nameEn() { return nameEn; }

    public String unitZh() { return unitZh; }

    public String unitEn() { return unitEn; }

    public MaterialClass materialClass() { return materialClass; }

    /**
     * The quantity, refused as {@code field} when it is not whole while this material is counted in whole units:
     * 1.5 tents is a typing error, 1.5 tonnes is not.
     */
    public Quantity whole(String field, Quantity quantity) {
        if (wholeUnits && quantity.value().stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException(field, "must be a whole number: " + code + " is counted in whole "
                    + unitEn + "s", "whole", nameZh, unitZh, nameEn, unitEn);
        }
        return quantity;
    }

    public Integer shelfLifeDays() { return shelfLifeDays; }

    public MaterialView view() {
        return new MaterialView(code, nameZh, nameEn, materialClass, unitZh, unitEn, unitWeightKg, unitVolumeM3,
                shelfLifeDays, storageNotes);
    }
}
