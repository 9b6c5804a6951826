package org.reliefchain.dispatch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reliefchain.audit.AuditTrail;
import org.reliefchain.fleet.Vehicle;
import org.reliefchain.fleet.VehicleStatus;
import org.reliefchain.incident.Incident;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.network.Warehouse;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.LedgerWriter;
import org.reliefchain.stock.MovementType;
import org.reliefchain.stock.Quantity;
import org.reliefchain.stock.StockLot;

/**
 * Dispatch orders (派车单) in the field: each trip goes LOADED, DEPARTED, per stop ARRIVED and DELIVERED
 * (received, damaged, receiver), RETURNED, from field reports. A report carries a client key: sent twice
 * (a bad connection), it counts once. What comes back unused is received back into the lots it left.
 * Arrival estimates of the stops still ahead move with the delay last reported.
 */
@Stateless
@RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER", "FINANCE", "AUDITOR"})
public class TripService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private IncidentService incidents;

    @Inject
    private DeliveryReportService deliveries;

    @Inject
    private LedgerWriter ledger;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** A field report. {@code stop} is the stop's number on the trip (ARRIVED, DELIVERED). */
    public record EventForm(String key, String type, Integer stop, Instant at, String receiver,
                            List<LineReport> lines, String note) {
    }

    /** What a stop received of a material, and what arrived damaged. */
    public record LineReport(String material, BigDecimal received, BigDecimal damaged) {
    }

    public List<TripView> list(Long incidentId, String status) {
        Caller caller = guard.caller();
        if (incidentId == null) {
            throw new InvalidInputException("incident", "name the incident whose trips to list");
        }
        Incident incident = incidents.visible(incidentId, caller);
        var query = em.createQuery("select t.id from DispatchTrip t where t.incidentId = :i"
                + (status == null || status.isBlank() ? "" : " and t.status = :s") + " order by t.number", Long.class)
                .setParameter("i", incident.id());
        if (status != null && !status.isBlank()) {
            query.setParameter("s", TripStatus.parse(status));
        }
        List<Long> ids = query.getResultList();
        return ids.stream().map(this::view).toList();
    }

    /** People of a county reached within the deadline: as approved plans schedule it, and as delivery reports say. */
    public record CountyReach(String county, String name, long people, long plannedInTime, long reachedInTime) {
    }

    /**
     * By county, inside the caller's jurisdiction, as the delivery report counts them: a point is planned
     * in time when every stop of it in approved plans is scheduled by the deadline and its orders carry all
     * it needs, reached when, besides, every one was reported delivered by then.
     */
    public List<CountyReach> reached(long incidentId) {
        // the report tallies only the points inside the caller's jurisdiction
        return deliveries.report(incidentId).counties().stream()
                .map(c -> new CountyReach(c.code(), c.nameZh(), c.people(), c.plannedInTime(), c.reachedInTime()))
                .toList();
    }

    public TripView get(long tripId) {
        DispatchTrip t = find(tripId);
        incidents.visible(t.incidentId(), guard.caller());
        return view(tripId);
    }

    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public TripView report(long tripId, EventForm form) {
        Caller caller = guard.caller();
        DispatchTrip trip = find(tripId);
        Incident incident = incidents.runnable(trip.incidentId(), caller);
        // Reports move stock of the plan's warehouses: only someone whose jurisdiction covers the plan's.
        DispatchPlan plan = em.find(DispatchPlan.class, trip.planId());
        caller.jurisdiction().requireCovers(org.reliefchain.division.DivisionCode.of(plan.jurisdiction()),
                "dispatch order " + trip.number());
        // One report at a time per trip: a retry of the same report waits for the first, then counts once.
        em.lock(trip, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (form == null || form.key() == null || form.key().isBlank() || form.key().length() > 64
                || Incident.hasControl(form.key())) {
            throw new InvalidInputException("key", "a client key of 1 to 64 characters makes a report count once");
        }
        TripEventType type = TripEventType.parse(form.type());
        TripEvent seen = em.createQuery("select e from TripEvent e where e.tripId = :t and e.clientKey = :k", TripEvent.class)
                .setParameter("t", tripId).setParameter("k", form.key()).getResultStream().findFirst().orElse(null);
        if (seen != null) {
            if (seen.type() != type || !java.util.Objects.equals(seen.stopSeq(), form.stop())) {
                throw new ConflictException("key-reused", "key " + form.key() + " was used for another report ("
                        + seen.type() + (seen.stopSeq() == null ? "" : " at stop " + seen.stopSeq()) + ")");
            }
            return view(tripId); // the same report again: already counted
        }
        Instant now = clock.now();
        Instant at = form.at() == null ? now : form.at();
        if (at.isAfter(now.plus(Duration.ofMinutes(10))) || at.isBefore(trip.departure().minus(Duration.ofDays(2)))) {
            throw new InvalidInputException("at", "a report's time must be between the trip's day and now");
        }
        if ((type == TripEventType.LOADED || type == TripEventType.DEPARTED) && trip.status() == TripStatus.PLANNED
                && trip.allocationId() != null) {
            issueFastTrack(trip, caller, now);
        }
        String detail = switch (type) {
            case LOADED -> trip.load(now);
            case DEPARTED -> trip.depart(at, now);
            case ARRIVED -> arrive(trip, stop(trip, form.stop()), at, now);
            case DELIVERED -> deliver(trip, stop(trip, form.stop()), form, at, now);
            case RETURNED -> giveBack(trip, incident, caller, at, now);
        };
        if (form.note() != null && (form.note().length() > 300 || Incident.hasControl(form.note()))) {
            throw new InvalidInputException("note", "at most 300 characters");
        }
        String text = detail + (form.note() == null || form.note().isBlank() ? "" : " (" + form.note().trim() + ")");
        em.persist(new TripEvent(tripId, form.key(), type, form.stop(), at, now, caller.username(), text));
        em.flush();
        audit.record("TRIP_" + type, "dispatch_trip", trip.number(), text);
        return view(tripId);
    }

    /**
     * A fast-track trip's load is issued when it is loaded, from the warehouse its emergency allocation
     * order brings it to, first expiry first out; refused, naming the order, while it has not arrived.
     */
    private void issueFastTrack(DispatchTrip trip, Caller caller, Instant now) {
        Warehouse at = em.find(Warehouse.class, trip.warehouseId());
        Object[] order = (Object[]) em.createNativeQuery("select o.number, o.status, w.name_zh from allocation_order o"
                + " join warehouse w on w.id = o.from_warehouse_id where o.id = ?1").setParameter(1, trip.allocationId())
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> lines = em.createNativeQuery("select l.material_code, sum(l.planned) from dispatch_stop_line l"
                + " join dispatch_stop s on s.id = l.stop_id where s.trip_id = ?1 group by l.material_code order by 1")
                .setParameter(1, trip.id()).getResultList();
        if (!List.of("RECEIVED", "CLOSED").contains((String) order[1])) {
            throw new ConflictException("fast-track-not-arrived", "dispatch order " + trip.number() + " loads what"
                    + " emergency allocation " + order[0] + " brings from " + order[2] + " to " + at.nameZh() + " ("
                    + at.code() + "); it is " + order[1] + ", not received yet: receive the allocation there first");
        }
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Shanghai"));
        for (Object[] l : lines) {
            Number usable = (Number) em.createNativeQuery("select coalesce(sum(b.quantity), 0) from stock_balance b"
                            + " join stock_lot x on x.id = b.lot_id where b.warehouse_id = ?1 and x.material_code = ?2"
                            + " and (x.expiry_date is null or x.expiry_date >= ?3)")
                    .setParameter(1, at.id()).setParameter(2, l[0]).setParameter(3, today).getSingleResult();
            if (new BigDecimal(usable.toString()).compareTo((BigDecimal) l[1]) < 0) {
                throw new ConflictException("fast-track-not-arrived", "dispatch order " + trip.number() + " carries "
                        + ((BigDecimal) l[1]).stripTrailingZeros().toPlainString() + " " + l[0] + " that emergency allocation "
                        + order[0] + " (" + order[1] + ") brings from " + order[2] + " to " + at.nameZh() + " (" + at.code()
                        + "), where " + new BigDecimal(usable.toString()).stripTrailingZeros().toPlainString()
                        + " is usable now: receive the allocation there first");
            }
        }
        long request = ledger.openRequest("trip-" + trip.id() + "-load", "dispatch-trip", caller.username(), now);
        LedgerWriter.Entry entry = new LedgerWriter.Entry(request, caller.username(), now, now,
                "relief loaded for dispatch order " + trip.number() + " (emergency allocation " + order[0] + ")",
                "dispatch order " + trip.number());
        for (Object[] l : lines) {
            org.reliefchain.catalog.Material material = em.find(org.reliefchain.catalog.Material.class, l[0]);
            for (org.reliefchain.stock.FefoPicker.Pick pick : ledger.choose(at, material, null, new Quantity((BigDecimal) l[1]), false)) {
                StockLot lot = em.find(StockLot.class, pick.lot().lotId());
                ledger.post(entry, MovementType.ISSUE, at, lot, pick.quantity().negate(), null);
                em.createNativeQuery("insert into dispatch_load (trip_id, warehouse_id, lot_id, quantity) values (?1, ?2, ?3, ?4)"
                                + " on conflict (trip_id, lot_id) do update set quantity = dispatch_load.quantity + excluded.quantity")
                        .setParameter(1, trip.id()).setParameter(2, at.id()).setParameter(3, lot.id())
                        .setParameter(4, pick.quantity().value()).executeUpdate();
            }
        }
    }

    private DispatchStop stop(DispatchTrip trip, Integer seq) {
        if (seq == null) {
            throw new InvalidInputException("stop", "name the stop's number on the trip");
        }
        return em.createQuery("select s from DispatchStop s where s.tripId = :t and s.seq = :n", DispatchStop.class)
                .setParameter("t", trip.id()).setParameter("n", seq).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("stop", "trip " + trip.number() + " has no stop " + seq));
    }

    private String arrive(DispatchTrip trip, DispatchStop stop, Instant at, Instant now) {
        trip.requireOnTheRoad();
        stop.arrive(at);
        trip.reportDelay(Duration.between(stop.plannedArrival(), at).getSeconds(), now);
        return "arrived at stop " + stop.seq() + " " + stop.name();
    }

    private String deliver(DispatchTrip trip, DispatchStop stop, EventForm form, Instant at, Instant now) {
        trip.requireOnTheRoad();
        if (form.receiver() == null || form.receiver().isBlank() || form.receiver().length() > 60
                || Incident.hasControl(form.receiver())) {
            throw new InvalidInputException("receiver", "the name of who received the relief (at most 60 characters)");
        }
        Map<String, LineReport> reported = new HashMap<>();
        if (form.lines() != null) {
            for (LineReport l : form.lines()) {
                if (l == null || l.material() == null) {
                    throw new InvalidInputException("lines", "each line names its material");
                }
                reported.put(l.material(), l);
            }
        }
        List<String> parts = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> lines = em.createNativeQuery("select material_code, planned from dispatch_stop_line where stop_id = ?1"
                + " order by material_code").setParameter(1, stop.id()).getResultList();
        for (String m : reported.keySet()) {
            if (lines.stream().noneMatch(l -> l[0].equals(m))) {
                throw new InvalidInputException("lines", "stop " + stop.seq() + " was not planned any " + m);
            }
        }
        for (Object[] l : lines) {
            BigDecimal planned = (BigDecimal) l[1];
            LineReport r = reported.get((String) l[0]);
            BigDecimal received = r == null || r.received() == null ? planned : r.received();
            BigDecimal damaged = r == null || r.damaged() == null ? BigDecimal.ZERO : r.damaged();
            if (received.signum() < 0 || damaged.signum() < 0 || received.add(damaged).compareTo(planned) > 0) {
                throw new InvalidInputException("lines", l[0] + ": received and damaged together cannot exceed the "
                        + planned.stripTrailingZeros().toPlainString() + " carried");
            }
            em.createNativeQuery("update dispatch_stop_line set received = ?1, damaged = ?2 where stop_id = ?3 and material_code = ?4")
                    .setParameter(1, received).setParameter(2, damaged).setParameter(3, stop.id()).setParameter(4, l[0])
                    .executeUpdate();
            parts.add(l[0] + " " + received.stripTrailingZeros().toPlainString()
                    + (damaged.signum() > 0 ? " (+" + damaged.stripTrailingZeros().toPlainString() + " damaged)" : ""));
        }
        stop.deliver(at, form.receiver().trim());
        trip.reportDelay(Duration.between(stop.plannedArrival(), at).getSeconds(), now);
        return "delivered at stop " + stop.seq() + " " + stop.name() + " to " + form.receiver().trim() + ": "
                + String.join(", ", parts);
    }

    /** Back at base: what was neither received nor damaged goes back into the lots it was issued from. */
    private String giveBack(DispatchTrip trip, Incident incident, Caller caller, Instant at, Instant now) {
        trip.returnToBase(at, now);
        @SuppressWarnings("unchecked")
        List<Object[]> unused = em.createNativeQuery("select l.material_code, sum(l.planned - coalesce(l.received, 0)"
                + " - coalesce(l.damaged, 0)) from dispatch_stop_line l join dispatch_stop s on s.id = l.stop_id"
                + " where s.trip_id = ?1 group by l.material_code having sum(l.planned - coalesce(l.received, 0)"
                + " - coalesce(l.damaged, 0)) > 0 order by 1").setParameter(1, trip.id()).getResultList();
        List<String> parts = new ArrayList<>();
        if (!unused.isEmpty()) {
            long request = ledger.openRequest("trip-" + trip.id() + "-return", "dispatch-trip", caller.username(), now);
            LedgerWriter.Entry entry = new LedgerWriter.Entry(request, caller.username(), at, now,
                    "unused relief back from dispatch order " + trip.number(), "dispatch order " + trip.number());
            for (Object[] u : unused) {
                BigDecimal left = (BigDecimal) u[1];
                BigDecimal unusedQty = left;
                // Back into the lots it left, latest expiry first (the reverse of how it was picked).
                @SuppressWarnings("unchecked")
                List<Object[]> lots = em.createNativeQuery("select d.lot_id, d.warehouse_id, d.quantity - d.returned"
                        + " from dispatch_load d join stock_lot l on l.id = d.lot_id where d.trip_id = ?1"
                        + " and l.material_code = ?2 and d.quantity > d.returned order by l.expiry_date desc nulls first,"
                        + " l.lot_number desc").setParameter(1, trip.id()).setParameter(2, u[0]).getResultList();
                for (Object[] lot : lots) {
                    if (left.signum() <= 0) {
                        break;
                    }
                    BigDecimal back = left.min((BigDecimal) lot[2]);
                    long lotId = ((Number) lot[0]).longValue();
                    ledger.post(entry, MovementType.RECEIPT, em.find(Warehouse.class, ((Number) lot[1]).longValue()),
                            em.find(StockLot.class, lotId), new Quantity(back), null);
                    em.createNativeQuery("update dispatch_load set returned = returned + ?1 where trip_id = ?2 and lot_id = ?3")
                            .setParameter(1, back).setParameter(2, trip.id()).setParameter(3, lotId).executeUpdate();
                    left = left.subtract(back);
                }
                BigDecimal back = unusedQty.subtract(left);
                if (back.signum() > 0) { // a fast-track trip that never loaded had nothing issued to give back
                    parts.add(u[0] + " " + back.stripTrailingZeros().toPlainString());
                }
            }
        }
        Long open = em.createQuery("select count(t) from DispatchTrip t where t.vehicleId = :v and t.status in :open", Long.class)
                .setParameter("v", trip.vehicleId())
                .setParameter("open", List.of(TripStatus.PLANNED, TripStatus.LOADED, TripStatus.DEPARTED)).getSingleResult();
        Vehicle v = em.find(Vehicle.class, trip.vehicleId());
        if (open == 0 && v.status() == VehicleStatus.ASSIGNED) {
            v.changeStatus(VehicleStatus.AVAILABLE, null, now);
        }
        return "returned to " + trip.baseName() + (parts.isEmpty() ? "" : "; back into stock: " + String.join(", ", parts));
    }

    private DispatchTrip find(long id) {
        DispatchTrip t = em.find(DispatchTrip.class, id);
        if (t == null) {
            throw new NotFoundException("trip", id);
        }
        return t;
    }

    private TripView view(long tripId) {
        DispatchTrip t = em.find(DispatchTrip.class, tripId);
        em.refresh(t);
        Vehicle v = em.find(Vehicle.class, t.vehicleId());
        List<DispatchStop> stops = em.createQuery("select s from DispatchStop s where s.tripId = :t order by s.seq",
                DispatchStop.class).setParameter("t", tripId).getResultList();
        List<TripView.StopView> stopViews = new ArrayList<>();
        for (DispatchStop s : stops) {
            em.refresh(s);
            @SuppressWarnings("unchecked")
            List<Object[]> lines = em.createNativeQuery("select l.material_code, m.name_zh, m.unit_zh, l.planned, l.received,"
                    + " l.damaged from dispatch_stop_line l join material m on m.code = l.material_code where l.stop_id = ?1"
                    + " order by l.material_code").setParameter(1, s.id()).getResultList();
            Instant expected = s.status() == StopStatus.PLANNED ? s.plannedArrival().plusSeconds(t.delaySeconds())
                    : s.arrivedAt() != null ? s.arrivedAt() : s.deliveredAt();
            stopViews.add(new TripView.StopView(s.seq(), s.divisionCode(), s.name(), s.people(), s.plannedArrival(),
                    expected, s.deadline(), expected != null && expected.isAfter(s.deadline()), s.status(), s.arrivedAt(),
                    s.deliveredAt(), s.receiver(), lines.stream().map(l -> new TripView.LineView((String) l[0], (String) l[1],
                    (String) l[2], (BigDecimal) l[3], (BigDecimal) l[4], (BigDecimal) l[5])).toList()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> loads = em.createNativeQuery("select w.code, w.name_zh, l.material_code, m.name_zh, l.lot_number, d.quantity, d.returned"
                + " from dispatch_load d join stock_lot l on l.id = d.lot_id join warehouse w on w.id = d.warehouse_id"
                + " join material m on m.code = l.material_code"
                + " where d.trip_id = ?1 order by l.material_code, l.lot_number").setParameter(1, tripId).getResultList();
        List<TripView.LoadView> loadViews = loads.stream().map(l -> new TripView.LoadView((String) l[0], (String) l[1],
                (String) l[2], (String) l[3], (String) l[4], (BigDecimal) l[5], (BigDecimal) l[6])).toList();
        List<TripView.EventView> events = em.createQuery("select e from TripEvent e where e.tripId = :t order by e.id",
                TripEvent.class).setParameter("t", tripId).getResultList().stream()
                .map(e -> new TripView.EventView(e.type(), e.stopSeq(), e.occurredAt(), e.actor(), e.detail())).toList();
        var crew = v.view(false);
        return new TripView(t.id(), t.number(), t.planId(), t.incidentId(), v.registration(), v.kind().name(),
                crew.crewName(), crew.crewPhone(), t.tripNo(), t.baseName(), t.departure(),
                t.plannedReturn(), t.status(), t.delaySeconds(), t.version(), stopViews, loadViews, events,
                t.allocationId() == null ? null : (String) em.createNativeQuery("select number from allocation_order where id = ?1")
                        .setParameter(1, t.allocationId()).getSingleResult());
    }
}
