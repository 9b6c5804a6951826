package org.reliefchain.network;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A warehouse as a client sends it (create and update). A bean, not a record: Payara's OpenAPI
 * scanner fails on Bean Validation annotations of record components.
 */
public class WarehouseForm implements Serializable {

    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "2-32 capital letters, digits or '-'")
    private String code;
    @NotBlank @Size(max = 100)
    private String nameZh;
    @Size(max = 200)
    private String nameEn;
    @NotBlank
    private String division;
    @NotNull
    private WarehouseKind kind;
    @NotBlank @Size(max = 200)
    private String address;
    @NotNull @DecimalMin("-180") @DecimalMax("180")
    private Double lon;
    @NotNull @DecimalMin("-90") @DecimalMax("90")
    private Double lat;
    @NotNull @Positive @Digits(integer = 11, fraction = 1)
    private BigDecimal floorAreaM2;
    @NotNull @Positive @Digits(integer = 13, fraction = 1)
    private BigDecimal volumeM3;
    private boolean roadAccess = true;
    private boolean portAccess;
    private boolean helipad;
    @NotBlank @Size(max = 60)
    private String contactName;
    @NotBlank @Size(max = 30)
    private String contactPhone;
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
    public WarehouseKind getKind() { return kind; }
    public void setKind(WarehouseKind kind) { this.kind = kind; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Double getLon() { return lon; }
    public void setLon(Double lon) { this.lon = lon; }
    public Double getLat() { return lat; }
    public void setLat(Double lat) { this.lat = lat; }
    public BigDecimal getFloorAreaM2() { return floorAreaM2; }
    public void setFloorAreaM2(BigDecimal floorAreaM2) { this.floorAreaM2 = floorAreaM2; }
    public BigDecimal getVolumeM3() { return volumeM3; }
    public void setVolumeM3(BigDecimal volumeM3) { this.volumeM3 = volumeM3; }
    public boolean isRoadAccess() { return roadAccess; }
    public void setRoadAccess(boolean roadAccess) { this.roadAccess = roadAccess; }
    public boolean isPortAccess() { return portAccess; }
    public void setPortAccess(boolean portAccess) { this.portAccess = portAccess; }
    public boolean isHelipad() { return helipad; }
    public void setHelipad(boolean helipad) { this.helipad = helipad; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
