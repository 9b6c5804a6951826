package org.reliefchain.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reliefchain.dispatch.StopStatus;
import org.reliefchain.dispatch.TripService;
import org.reliefchain.dispatch.TripStatus;
import org.reliefchain.dispatch.TripView;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.incident.IncidentView;

/**
 * A dispatch order (派车单) as the dispatcher follows it: vehicle and crew, what was loaded lot by lot,
 * stops with planned and expected arrival against the deadline, warnings for stops that will now be
 * late, the reports so far, and the reports themselves (loaded, departed, arrived, delivered with
 * receiver and quantities, returned). Every form carries a fresh key, so a double click counts once.
 */
@Named
@ViewScoped
public class TripPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TripService trips;
    @Inject
    private IncidentService incidents;
    @Inject
    private LocaleSelector locale;

    private Long id;
    private TripView trip;
    private IncidentView incident;
    private String key = UUID.randomUUID().toString();
    private Integer stop;
    private String receiver;
    private String note;
    /** Received and damaged per material of the chosen stop, as typed; blank received means all that was carried. */
    private final Map<String, String> received = new HashMap<>();
    private final Map<String, String> damaged = new HashMap<>();

    public void load() {
        if (id == null) {
            return;
        }
        trip = FacesMessages.attempt(() -> trips.get(id));
        if (trip != null) {
            incident = incidents.get(trip.incidentId());
        }
    }

    public void report(String type) {
        List<TripService.LineReport> lines = new ArrayList<>();
        if ("DELIVERED".equals(type) && stop != null) {
            for (TripView.LineView l : getStopLines()) {
                BigDecimal got = number(received.get(l.material()));
                BigDecimal broken = number(damaged.get(l.material()));
                if (got == null && notBlank(received.get(l.material())) || broken == null && notBlank(damaged.get(l.material()))) {
                    FacesMessages.error(locale.text("trip.badQuantity", l.materialName()));
                    return;
                }
                lines.add(new TripService.LineReport(l.material(), got, broken));
            }
        }
        Integer at = "ARRIVED".equals(type) || "DELIVERED".equals(type) ? stop : null;
        TripView v = FacesMessages.attempt(() -> trips.report(id, new TripService.EventForm(key, type, at, Instant.now(),
                receiver, lines, note)));
        if (v != null) {
            trip = v;
            key = UUID.randomUUID().toString();
            received.clear();
            damaged.clear();
            receiver = null;
            note = null;
            FacesMessages.info(locale.text("trip.reported", locale.text("trip.event." + type)));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** A typed quantity (digits, maybe grouped with commas as the number field shows them); null if blank or not one. */
    private static BigDecimal number(String s) {
        if (!notBlank(s)) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(s.replace(",", "").trim());
            return n.signum() < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean isRunnable() {
        return incident != null && incident.runnable();
    }

    public boolean can(String type) {
        if (!isRunnable() || trip == null) {
            return false;
        }
        TripStatus s = trip.status();
        return switch (type) {
            case "LOADED" -> s == TripStatus.PLANNED;
            case "DEPARTED" -> s == TripStatus.PLANNED || s == TripStatus.LOADED;
            case "ARRIVED", "DELIVERED" -> s == TripStatus.DEPARTED && !getOpenStops().isEmpty();
            case "RETURNED" -> s != TripStatus.RETURNED && s != TripStatus.CANCELLED; // also a trip that never left
            default -> false;
        };
    }

    /** Stops not yet delivered: the ones a report can be about. */
    public List<TripView.StopView> getOpenStops() {
        return trip.stops().stream().filter(s -> s.status() != StopStatus.DELIVERED).toList();
    }

    public List<TripView.LineView> getStopLines() {
        if (stop == null) {
            return List.of();
        }
        return trip.stops().stream().filter(s -> s.seq() == stop).findFirst().map(TripView.StopView::lines).orElse(List.of());
    }

    public String time(Instant t) {
        return t == null ? "" : locale.time(t);
    }

    public String statusLabel(TripStatus s) {
        return locale.text("trip.status." + s);
    }

    public String stopStatusLabel(StopStatus s) {
        return locale.text("trip.stopStatus." + s);
    }

    public String delay() {
        long m = trip.delaySeconds() / 60;
        return m == 0 ? locale.text("trip.onTime") : locale.text(m > 0 ? "trip.behind" : "trip.ahead", Math.abs(m));
    }

    public String quantity(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public TripView getTrip() { return trip; }
    public IncidentView getIncident() { return incident; }
    public Integer getStop() { return stop; }
    public void setStop(Integer stop) { this.stop = stop; }
    public String getReceiver() { return receiver; }
    public void setReceiver(String receiver) { this.receiver = receiver; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Map<String, String> getReceived() { return received; }
    public Map<String, String> getDamaged() { return damaged; }
}
