package org.reliefchain.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A field report of a trip, append-only; its client key makes a repeated report count once. */
@Entity
@Table(name = "trip_event")
public class TripEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "trip_id")
    private long tripId;
    @Column(name = "client_key")
    private String clientKey;
    @Enumerated(EnumType.STRING)
    private TripEventType type;
    @Column(name = "stop_seq")
    private Integer stopSeq;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    private String actor;
    private String detail;

    protected TripEvent() {
    }

    TripEvent(long tripId, String clientKey, TripEventType type, Integer stopSeq, Instant occurredAt, Instant recordedAt,
              String actor, String detail) {
        this.tripId = tripId;
        this.clientKey = clientKey;
        this.type = type;
        this.stopSeq = stopSeq;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.detail = detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail;
    }

    public TripEventType type() { return type; }
    public Integer stopSeq() { return stopSeq; }
    public Instant occurredAt() { return occurredAt; }
    public String actor() { return actor; }
    public String detail() { return detail; }
}
