package org.reliefchain.network;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.platform.NameInitials;

/** A reserve warehouse or point. */
@Entity
@Table(name = "warehouse")
public class Warehouse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    /** Pinyin initials of the Chinese name, for pickers; follows the name. */
    @Column(name = "name_initials")
    private String nameInitials;
    @Column(name = "division_code")
    private String divisionCode;
    @Enumerated(EnumType.STRING)
    private DivisionLevel level;
    @Enumerated(EnumType.STRING)
    private WarehouseKind kind;
    private String address;
    private double lon;
    private double lat;
    @Column(name = "position_synthetic")
    private boolean positionSynthetic;
    @Column(name = "floor_area_m2")
    private BigDecimal floorAreaM2;
    @Column(name = "volume_m3")
    private BigDecimal volumeM3;
    @Enumerated(EnumType.STRING)
    private WarehouseStatus status;
    @Column(name = "road_access")
    private boolean roadAccess;
    @Column(name = "port_access")
    private boolean portAccess;
    private boolean helipad;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Warehouse() {
    }

    public Warehouse(String code, WarehouseDetails details, Instant now) {
        this.code = code;
        this.status = WarehouseStatus.ACTIVE;
        this.createdAt = now;
        describe(details, now);
    }

    /** Replaces the descriptive details; the code never changes. */
    public final void describe(WarehouseDetails d, Instant now) {
        DivisionCode division = d.division();
        this.nameZh = d.nameZh();
        this.nameInitials = NameInitials.of(d.nameZh());
        this.nameEn = d.nameEn();
        this.divisionCode = division.value();
        this.level = division.level();
        this.kind = d.kind();
        this.address = d.address();
        this.lon = d.lon();
        this.lat = d.lat();
        this.positionSynthetic = d.positionSynthetic();
        this.floorAreaM2 = d.floorAreaM2();
        this.volumeM3 = d.volumeM3();
        this.roadAccess = d.roadAccess();
        this.portAccess = d.portAccess();
        this.helipad = d.helipad();
        this.contactName = d.contactName();
        this.contactPhone = d.contactPhone();
        this.updatedAt = now;
    }

    public void deactivate(Instant now) {
        this.status = WarehouseStatus.INACTIVE;
        this.updatedAt = now;
    }

    public Long id() { return id; }

    public String code() { return code; }

    public String nameZh() { return nameZh; }

    public String nameEn() { return nameEn; }

    public DivisionCode division() { return DivisionCode.of(divisionCode); }

    public boolean active() { return status == WarehouseStatus.ACTIVE; }

    public long version() { return version; }

    public WarehouseView view() {
        return new WarehouseView(code, nameZh, nameEn, divisionCode, level, kind, address, lon, lat,
                positionSynthetic, floorAreaM2, volumeM3, status, roadAccess, portAccess, helipad, contactName,
                contactPhone, version);
    }
}
