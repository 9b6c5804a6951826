package org.reliefchain.dispatch;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads where an incident's relief stands for a revision of its approved plan (see {@link Revision}). */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RevisionReader {

    @PersistenceContext
    private EntityManager em;

    public Revision read(DispatchPlan approved) {
        long incident = approved.incidentId();
        Map<Long, Long> open = new TreeMap<>();
        Set<Long> vehicles = new HashSet<>();
        Map<Long, Instant> busyUntil = new HashMap<>();
        for (Object[] t : rows("select id, version, status, vehicle_id, planned_return, delay_seconds, allocation_id"
                + " from dispatch_trip where incident_id = ?1 and status in ('PLANNED', 'LOADED', 'DEPARTED') order by id",
                incident)) {
            long vehicle = ((Number) t[3]).longValue();
            vehicles.add(vehicle);
            // A fast-track order not yet loaded stays as it is: its emergency allocation is already under way.
            if ("PLANNED".equals(t[2]) && t[6] == null) {
                open.put(((Number) t[0]).longValue(), ((Number) t[1]).longValue());
            } else {
                Instant back = instant(t[4]).plusSeconds(Math.max(0, ((Number) t[5]).longValue()));
                busyUntil.merge(vehicle, back, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        // Delivered is what was received; what is on board (loaded, on the road) will be delivered as planned.
        Map<String, Map<String, Long>> committed = new HashMap<>();
        for (Object[] r : rows("select s.division_code, l.material_code, sum(case when s.status = 'DELIVERED'"
                + " then coalesce(l.received, 0) when t.status in ('LOADED', 'DEPARTED') or t.allocation_id is not null"
                + " then l.planned else 0 end)"
                + " from dispatch_stop_line l join dispatch_stop s on s.id = l.stop_id join dispatch_trip t on t.id = s.trip_id"
                + " where t.incident_id = ?1 and t.status <> 'CANCELLED' group by s.division_code, l.material_code", incident)) {
            long q = ((BigDecimal) r[2]).setScale(0, RoundingMode.FLOOR).longValue();
            if (q > 0) {
                committed.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((String) r[1], q);
            }
        }
        Map<Long, Map<String, Long>> loads = new TreeMap<>();
        for (Object[] r : rows("select d.warehouse_id, l.material_code, sum(d.quantity - d.returned - d.handed_over)"
                + " from dispatch_load d join stock_lot l on l.id = d.lot_id join dispatch_trip t on t.id = d.trip_id"
                + " where t.incident_id = ?1 and t.status = 'PLANNED' and t.allocation_id is null"
                + " group by d.warehouse_id, l.material_code", incident)) {
            long q = ((BigDecimal) r[2]).setScale(0, RoundingMode.FLOOR).longValue();
            if (q > 0) {
                loads.computeIfAbsent(((Number) r[0]).longValue(), k -> new TreeMap<>()).put((String) r[1], q);
            }
        }
        Map<Long, List<String>> startFrom = new LinkedHashMap<>();
        for (Object[] r : rows("select t.vehicle_id, s.division_code, l.material_code from dispatch_stop_line l"
                + " join dispatch_stop s on s.id = l.stop_id join dispatch_trip t on t.id = s.trip_id"
                + " where t.incident_id = ?1 and t.status = 'PLANNED' and t.allocation_id is null"
                + " order by t.vehicle_id, t.trip_no, s.seq, l.material_code",
                incident)) {
            startFrom.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(r[1] + "/" + r[2]);
        }
        return new Revision(approved.id(), open, vehicles, committed, loads, busyUntil, startFrom);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long incident) {
        return em.createNativeQuery(sql).setParameter(1, incident).getResultList();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
