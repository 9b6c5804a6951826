package org.reliefchain.fleet;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A vehicle as a client sends it (create and update; on update the registration and kind are the
 * vehicle's own). The limits match the database's column sizes, so that an overflow is a 400 naming the
 * field, never a failed insert. A bean, not a record: Payara's OpenAPI scanner fails on Bean
 * Validation annotations of record components.
 */
public class VehicleForm implements Serializable {

    @Size(max = 20)
    private String registration;
    @NotNull
    private VehicleKind kind;
    @NotBlank
    private String division;
    @NotNull @Digits(integer = 8, fraction = 1)
    private BigDecimal capacityKg;
    @NotNull @Digits(integer = 6, fraction = 2)
    private BigDecimal capacityM3;
    @Digits(integer = 1, fraction = 2) @DecimalMax("5")
    private BigDecimal heightM;
    @Digits(integer = 1, fraction = 2) @DecimalMax("3.5")
    private BigDecimal widthM;
    @Digits(integer = 3, fraction = 2) @DecimalMax("100")
    private BigDecimal grossWeightT;
    @Digits(integer = 4, fraction = 1) @DecimalMax("3000")
    private BigDecimal rangeKm;
    @Max(1440)
    private Integer sortieMinutes;
    @Digits(integer = 3, fraction = 1) @DecimalMax("150")
    private BigDecimal speedKmh;
    /** The code of the home base: a warehouse (trucks, vans), a port (boats), an air base (helicopters). */
    @NotBlank @Size(max = 32)
    private String base;
    @NotNull
    private OwnerKind ownerKind;
    private Instant availableFrom;
    private Instant availableUntil;
    @NotNull @Digits(integer = 2, fraction = 1)
    private BigDecimal dutyHoursPerDay;
    @NotBlank @Size(max = 60)
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
    private String crewName;
    @NotBlank @Size(max = 30)
    @Pattern(regexp = "[0-9+() -]{3,30}", message = "digits, spaces and + ( ) - only")
    private String crewPhone;
    /** On update: the version read. */
    private Long version;

    public String getRegistration() { return registration; }
    public void setRegistration(String registration) { this.registration = registration; }
    public VehicleKind getKind() { return kind; }
    public void setKind(VehicleKind kind) { this.kind = kind; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public BigDecimal getCapacityKg() { return capacityKg; }
    public void setCapacityKg(BigDecimal capacityKg) { this.capacityKg = capacityKg; }
    public BigDecimal getCapacityM3() { return capacityM3; }
    public void setCapacityM3(BigDecimal capacityM3) { this.capacityM3 = capacityM3; }
    public BigDecimal getHeightM() { return heightM; }
    public void setHeightM(BigDecimal heightM) { this.heightM = heightM; }
    public BigDecimal getWidthM() { return widthM; }
    public void setWidthM(BigDecimal widthM) { this.widthM = widthM; }
    public BigDecimal getGrossWeightT() { return grossWeightT; }
    public void setGrossWeightT(BigDecimal grossWeightT) { this.grossWeightT = grossWeightT; }
    public BigDecimal getRangeKm() { return rangeKm; }
    public void setRangeKm(BigDecimal rangeKm) { this.rangeKm = rangeKm; }
    public Integer getSortieMinutes() { return sortieMinutes; }
    public void setSortieMinutes(Integer sortieMinutes) { this.sortieMinutes = sortieMinutes; }
    public BigDecimal getSpeedKmh() { return speedKmh; }
    public void setSpeedKmh(BigDecimal speedKmh) { this.speedKmh = speedKmh; }
    public String getBase() { return base; }
    public void setBase(String base) { this.base = base; }
    public OwnerKind getOwnerKind() { return ownerKind; }
    public void setOwnerKind(OwnerKind ownerKind) { this.ownerKind = ownerKind; }
    public Instant getAvailableFrom() { return availableFrom; }
    public void setAvailableFrom(Instant availableFrom) { this.availableFrom = availableFrom; }
    public Instant getAvailableUntil() { return availableUntil; }
    public void setAvailableUntil(Instant availableUntil) { this.availableUntil = availableUntil; }
    public BigDecimal getDutyHoursPerDay() { return dutyHoursPerDay; }
    public void setDutyHoursPerDay(BigDecimal dutyHoursPerDay) { this.dutyHoursPerDay = dutyHoursPerDay; }
    public String getCrewName() { return crewName; }
    public void setCrewName(String crewName) { this.crewName = crewName; }
    public String getCrewPhone() { return crewPhone; }
    public void setCrewPhone(String crewPhone) { this.crewPhone = crewPhone; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
