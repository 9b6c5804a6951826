package org.reliefchain.fleet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.network.Warehouse;
import org.reliefchain.place.Place;
import org.reliefchain.place.PlaceKind;
import org.reliefchain.platform.ConflictException;

/**
 * A vehicle of the relief fleet. Its registration and kind never change (a boat does not become a
 * truck); the rest is described again as a whole, and its status moves only along
 * {@link VehicleStatus#next()}.
 */
@Entity
@Table(name = "vehicle")
public class Vehicle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private String registration;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private VehicleKind kind;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "capacity_kg")
    private BigDecimal capacityKg;
    @Column(name = "capacity_m3")
    private BigDecimal capacityM3;
    @Column(name = "height_m")
    private BigDecimal heightM;
    @Column(name = "width_m")
    private BigDecimal widthM;
    @Column(name = "gross_weight_t")
    private BigDecimal grossWeightT;
    @Column(name = "range_km")
    private BigDecimal rangeKm;
    @Column(name = "sortie_minutes")
    private Integer sortieMinutes;
    @Column(name = "speed_kmh")
    private BigDecimal speedKmh;
    @ManyToOne
    @JoinColumn(name = "base_warehouse_id")
    private Warehouse baseWarehouse;
    @ManyToOne
    @JoinColumn(name = "base_place_id")
    private Place basePlace;
    @Enumerated(EnumType.STRING)
    @Column(name = "base_place_kind")
    private PlaceKind basePlaceKind;
    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind")
    private OwnerKind ownerKind;
    @Enumerated(EnumType.STRING)
    private VehicleStatus status;
    @Column(name = "available_from")
    private Instant availableFrom;
    @Column(name = "available_until")
    private Instant availableUntil;
    @Column(name = "duty_hours_per_day")
    private BigDecimal dutyHoursPerDay;
    @Column(name = "crew_name")
    private String crewName;
    @Column(name = "crew_phone")
    private String crewPhone;
    private boolean synthetic;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Vehicle() {
    }

    /** A new vehicle is AVAILABLE: it is registered to be planned. */
    public Vehicle(Registration registration, VehicleSpec spec, ResolvedBase base, Instant now) {
        this.registration = registration.value();
        this.kind = spec.kind();
        this.status = VehicleStatus.AVAILABLE;
        this.createdAt = now;
        describe(spec, base, now);
    }

    /**
     * Replaces the description and the base.
     *
     * @param base a warehouse for a road vehicle, a port or an air base otherwise; the service has
     *             checked that it suits the kind
     */
    public final void describe(VehicleSpec spec, ResolvedBase base, Instant now) {
        if (spec.kind() != kind) {
            throw new IllegalArgumentException("a vehicle's kind never changes");
        }
        this.divisionCode = spec.division().value();
        this.capacityKg = spec.capacity().kg();
        this.capacityM3 = spec.capacity().m3();
        this.heightM = spec.road() == null ? null : spec.road().heightM();
        this.widthM = spec.road() == null ? null : spec.road().widthM();
        this.grossWeightT = spec.road() == null ? null : spec.road().grossWeightT();
        this.rangeKm = spec.air() == null ? null : spec.air().rangeKm();
        this.sortieMinutes = spec.air() == null ? null : spec.air().sortieMinutes();
        this.speedKmh = spec.speedKmh();
        this.ownerKind = spec.owner();
        this.availableFrom = spec.availability().from();
        this.availableUntil = spec.availability().until();
        this.dutyHoursPerDay = spec.availability().dutyHoursPerDay();
        this.crewName = spec.crew().name();
        this.crewPhone = spec.crew().phone();
        if (base instanceof ResolvedBase.AtWarehouse w) {
            this.baseWarehouse = w.warehouse();
            this.basePlace = null;
            this.basePlaceKind = null;
        } else {
            Place p = ((ResolvedBase.AtPlace) base).place();
            this.baseWarehouse = null;
            this.basePlace = p;
            this.basePlaceKind = p.kind();
        }
        this.updatedAt = now;
    }

    /**
     * Moves the status on, with a new availability window when given.
     *
     * @throws ConflictException {@code wrong-status} when {@code next} does not follow the current status
     */
    public void changeStatus(VehicleStatus next, Availability window, Instant now) {
        if (!status.canBecome(next)) {
            throw new ConflictException("wrong-status", "vehicle " + registration + " is " + status + " and cannot"
                    + " become " + next + " (it may become " + status.next() + ")");
        }
        this.status = next;
        if (window != null) {
            this.availableFrom = window.from();
            this.availableUntil = window.until();
        }
        this.updatedAt = now;
    }

    public String registration() { return registration; }

    public VehicleKind kind() { return kind; }

    public VehicleStatus status() { return status; }

    public DivisionCode division() { return DivisionCode.of(divisionCode); }

    public long version() { return version; }

    public BigDecimal dutyHoursPerDay() { return dutyHoursPerDay; }

    public HomeBase base() {
        if (baseWarehouse != null) {
            org.reliefchain.network.WarehouseView w = baseWarehouse.view();
            return new HomeBase(BaseKind.WAREHOUSE, w.code(), w.nameZh(), w.lon(), w.lat());
        }
        return new HomeBase(BaseKind.of(basePlace.kind()), basePlace.code(), basePlace.nameZh(),
                basePlace.position().lon(), basePlace.position().lat());
    }

    /** The view for a viewer who may ({@code editable}) or may not change it. */
    public VehicleView view(boolean editable) {
        HomeBase b = base();
        return new VehicleView(registration, kind, divisionCode, capacityKg, capacityM3, heightM, widthM, grossWeightT,
                rangeKm, sortieMinutes, speedKmh, b.code(), b.kind(), b.nameZh(), b.lon(), b.lat(), ownerKind, status,
                availableFrom, availableUntil, dutyHoursPerDay, crewName, crewPhone, synthetic, version, editable,
                editable ? status.next() : List.of());
    }

    /** What the planner's adapter reads. */
    public AvailableVehicle forPlanning() {
        return new AvailableVehicle(registration, kind, divisionCode, capacityKg, capacityM3, heightM, widthM,
                grossWeightT, rangeKm, sortieMinutes, speedKmh, base(), availableFrom, availableUntil, dutyHoursPerDay);
    }
}
