package org.reliefchain.division;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One administrative division. Reference data: loaded by {@link DivisionLoader}, read by everyone. */
@Entity
@Table(name = "division")
public class Division {

    @Id
    private String code;

    @Column(name = "parent_code")
    private String parentCode;

    @Enumerated(EnumType.STRING)
    private DivisionLevel level;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    /** Pinyin initials of the Chinese name (永嘉县 -> yjx), for pickers. */
    @Column(name = "name_initials")
    private String nameInitials;

    private Long population;

    private double lon;

    private double lat;

    @Enumerated(EnumType.STRING)
    @Column(name = "position_source")
    private PositionSource positionSource;

    @Version
    private long version;

    protected Division() {
    }

    public DivisionCode code() {
        return DivisionCode.of(code);
    }

    public String codeValue() {
        return code;
    }

    public String parentCode() {
        return parentCode;
    }

    public DivisionLevel level() {
        return level;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Long population() {
        return population;
    }

    public GeoPoint position() {
        return new GeoPoint(lon, lat);
    }

    public PositionSource positionSource() {
        return positionSource;
    }
}
