package org.reliefchain.place;

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
import org.reliefchain.division.GeoPoint;

/** A port, air base, landing point or shelter. Its code and kind never change. */
@Entity
@Table(name = "place")
public class Place {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private String code;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private PlaceKind kind;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "division_code")
    private String divisionCode;
    private double lon;
    private double lat;
    @Enumerated(EnumType.STRING)
    @Column(name = "position_origin")
    private PositionOrigin positionOrigin;
    private boolean synthetic;
    @Enumerated(EnumType.STRING)
    @Column(name = "air_kind")
    private AirKind airKind;
    @Column(name = "capacity_people")
    private Integer capacityPeople;
    private String serves;
    private String note;
    private String source;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Place() {
    }

    public Place(String code, PlaceKind kind, PlaceDetails details, Instant now) {
        this.code = code;
        this.kind = kind;
        this.createdAt = now;
        describe(details, now);
    }

    /** Replaces the descriptive facts after checking them against the kind. */
    public final void describe(PlaceDetails d, Instant now) {
        d.check(kind);
        this.nameZh = d.nameZh();
        this.nameEn = d.nameEn();
        this.divisionCode = d.division().value();
        this.lon = d.position().lon();
        this.lat = d.position().lat();
        this.positionOrigin = d.origin();
        this.synthetic = d.synthetic();
        this.airKind = d.airKind();
        this.capacityPeople = d.capacityPeople();
        this.serves = d.serves();
        this.note = d.note();
        this.source = d.source();
        this.updatedAt = now;
    }

    public Long id() { return id; }

    public String code() { return code; }

    public PlaceKind kind() { return kind; }

    public String nameZh() { return nameZh; }

    public DivisionCode division() { return DivisionCode.of(divisionCode); }

    public GeoPoint position() { return new GeoPoint(lon, lat); }

    public PositionOrigin positionOrigin() { return positionOrigin; }

    public boolean synthetic() { return synthetic; }

    public String source() { return source; }

    public long version() { return version; }

    public PlaceView view(boolean editable) {
        return new PlaceView(code, kind, nameZh, nameEn, divisionCode, lon, lat, positionOrigin,
                positionOrigin.approximate(), synthetic, airKind, capacityPeople, serves, note, source, version,
                editable);
    }
}
