package org.reliefchain.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.reliefchain.platform.ConflictException;

/** A dispatch order (派车单): one trip of one vehicle of an approved plan, and where it is. */
@Entity
@Table(name = "dispatch_trip")
public class DispatchTrip {

    @Id
    private Long id;
    private String number;
    @Column(name = "plan_id")
    private long planId;
    @Column(name = "incident_id")
    private long incidentId;
    @Column(name = "vehicle_id")
    private long vehicleId;
    @Column(name = "trip_no")
    private int tripNo;
    @Column(name = "base_name")
    private String baseName;
    private Instant departure;
    @Column(name = "planned_return")
    private Instant plannedReturn;
    @Enumerated(EnumType.STRING)
    private TripStatus status;
    @Column(name = "last_report_at")
    private Instant lastReportAt;
    @Column(name = "delay_seconds")
    private long delaySeconds;
    /** Where it loads. */
    @Column(name = "warehouse_id")
    private long warehouseId;
    /** The emergency fast-track order bringing its load there from outside the jurisdiction; null for most trips. */
    @Column(name = "allocation_id")
    private Long allocationId;
    @Version
    private long version;

    protected DispatchTrip() {
    }

    String load(Instant now) {
        require(status == TripStatus.PLANNED, "loaded");
        status = TripStatus.LOADED;
        lastReportAt = now;
        return "loaded at " + baseName;
    }

    String depart(Instant at, Instant now) {
        require(status == TripStatus.PLANNED || status == TripStatus.LOADED, "departed");
        status = TripStatus.DEPARTED;
        reportDelay(java.time.Duration.between(departure, at).getSeconds(), now);
        return "departed from " + baseName;
    }

    void requireOnTheRoad() {
        require(status == TripStatus.DEPARTED, "at a stop");
    }

    /** The latest report says the trip runs this many seconds behind (or ahead of) its plan. */
    void reportDelay(long seconds, Instant now) {
        delaySeconds = seconds;
        lastReportAt = now;
    }

    /** Back at base, or never gone (a breakdown before leaving): what was not delivered goes back into stock. */
    void returnToBase(Instant at, Instant now) {
        require(status != TripStatus.RETURNED && status != TripStatus.CANCELLED, "returned");
        status = TripStatus.RETURNED;
        lastReportAt = now;
    }

    /** A revision took its place before it was loaded; what it was issued goes on with the revision's trips. */
    void cancel(Instant now) {
        require(status == TripStatus.PLANNED, "cancelled");
        status = TripStatus.CANCELLED;
        lastReportAt = now;
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new ConflictException("wrong-trip-status", "trip " + number + " is " + status + "; it cannot be reported " + what);
        }
    }

    public Long id() { return id; }
    public String number() { return number; }
    public long planId() { return planId; }
    public long incidentId() { return incidentId; }
    public long vehicleId() { return vehicleId; }
    public int tripNo() { return tripNo; }
    public String baseName() { return baseName; }
    public Instant departure() { return departure; }
    public Instant plannedReturn() { return plannedReturn; }
    public TripStatus status() { return status; }
    public long delaySeconds() { return delaySeconds; }
    public long warehouseId() { return warehouseId; }
    public Long allocationId() { return allocationId; }
    public long version() { return version; }
}
