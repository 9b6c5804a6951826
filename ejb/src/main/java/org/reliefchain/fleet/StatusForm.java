package org.reliefchain.fleet;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A status change: the new status, why (it goes to the audit trail), optionally a new availability
 * window (both ends replace the old ones when either is given) and the version read.
 */
public class StatusForm {

    @NotNull
    private VehicleStatus status;
    @NotBlank @Size(max = 200)
    private String reason;
    private Instant availableFrom;
    private Instant availableUntil;
    private Long version;

    public VehicleStatus getStatus() { return status; }
    public void setStatus(VehicleStatus status) { this.status = status; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Instant getAvailableFrom() { return availableFrom; }
    public void setAvailableFrom(Instant availableFrom) { this.availableFrom = availableFrom; }
    public Instant getAvailableUntil() { return availableUntil; }
    public void setAvailableUntil(Instant availableUntil) { this.availableUntil = availableUntil; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
