package org.reliefchain.place;

import java.io.Serializable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A place as a client sends it (create and update; the kind comes from the path). A bean, not a
 * record: Payara's OpenAPI scanner fails on Bean Validation annotations of record components.
 */
public class PlaceForm implements Serializable {

    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "2-32 capital letters, digits or '-'")
    private String code;
    @NotBlank @Size(max = 200)
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
    private String nameZh;
    @Size(max = 200)
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
    private String nameEn;
    @NotBlank
    private String division;
    @NotNull @DecimalMin("-180") @DecimalMax("180")
    private Double lon;
    @NotNull @DecimalMin("-90") @DecimalMax("90")
    private Double lat;
    /** Air bases only. */
    private AirKind airKind;
    /** Shelters only: how many people it takes in. */
    @Positive
    private Integer capacityPeople;
    @Size(max = 200)
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
    private String serves;
    @Size(max = 1000)
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
    private String note;
    /** On update: the version read. */
    private Long version;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public Double getLon() { return lon; }
    public void setLon(Double lon) { this.lon = lon; }
    public Double getLat() { return lat; }
    public void setLat(Double lat) { this.lat = lat; }
    public AirKind getAirKind() { return airKind; }
    public void setAirKind(AirKind airKind) { this.airKind = airKind; }
    public Integer getCapacityPeople() { return capacityPeople; }
    public void setCapacityPeople(Integer capacityPeople) { this.capacityPeople = capacityPeople; }
    public String getServes() { return serves; }
    public void setServes(String serves) { this.serves = serves; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
