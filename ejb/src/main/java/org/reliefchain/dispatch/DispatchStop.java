package org.reliefchain.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.reliefchain.platform.ConflictException;

/** One stop of a trip: a demand point, its planned arrival and deadline, and what happened there. */
@Entity
@Table(name = "dispatch_stop")
public class DispatchStop {

    @Id
    private Long id;
    @Column(name = "trip_id")
    private long tripId;
    private int seq;
    @Column(name = "division_code")
    private String divisionCode;
    private String name;
    private long people;
    @Column(name = "planned_arrival")
    private Instant plannedArrival;
    private Instant deadline;
    @Enumerated(EnumType.STRING)
    private StopStatus status;
    @Column(name = "arrived_at")
    private Instant arrivedAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    private String receiver;

    protected DispatchStop() {
    }

    void arrive(Instant at) {
        if (status != StopStatus.PLANNED) {
            throw new ConflictException("wrong-stop-status", "stop " + seq + " (" + name + ") is already " + status);
        }
        status = StopStatus.ARRIVED;
        arrivedAt = at;
    }

    void deliver(Instant at, String who) {
        if (status == StopStatus.DELIVERED) {
            throw new ConflictException("wrong-stop-status", "stop " + seq + " (" + name + ") was already delivered");
        }
        if (arrivedAt == null) {
            arrivedAt = at;
        }
        status = StopStatus.DELIVERED;
        deliveredAt = at;
        receiver = who;
    }

    public Long id() { return id; }
    public long tripId() { return tripId; }
    public int seq() { return seq; }
    public String divisionCode() { return divisionCode; }
    public String name() { return name; }
    public long people() { return people; }
    public Instant plannedArrival() { return plannedArrival; }
    public Instant deadline() { return deadline; }
    public StopStatus status() { return status; }
    public Instant arrivedAt() { return arrivedAt; }
    public Instant deliveredAt() { return deliveredAt; }
    public String receiver() { return receiver; }
}
