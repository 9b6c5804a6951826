package org.reliefchain.dispatch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.incident.DemandService;
import org.reliefchain.incident.DemandView;
import org.reliefchain.incident.Incident;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.JurisdictionGuard;

/**
 * Reads how far the relief of an incident has come (救灾物资送达情况), for whoever may see the incident
 * (404 for anyone else, as for its trips). Read-only.
 */
@Stateless
@RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER", "FINANCE", "AUDITOR"})
public class DeliveryReportService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private IncidentService incidents;

    @Inject
    private DemandService demand;

    /** One stop of a trip of an approved plan, as the tally needs it. */
    record StopOutcome(long tripId, String tripNumber, String vehicle, String vehicleKind, TripStatus tripStatus,
                       Instant departure, String division, long people, Instant plannedArrival, Instant deadline,
                       StopStatus status, Instant deliveredAt) {

        boolean plannedInTime() {
            return !plannedArrival.isAfter(deadline);
        }

        boolean delivered() {
            return status == StopStatus.DELIVERED;
        }

        boolean reachedInTime() {
            return delivered() && deliveredAt != null && !deliveredAt.isAfter(deadline);
        }

        /** The county a demand point lies in (a point above county level stands for itself). */
        String county() {
            return division.length() > 6 ? division.substring(0, 6) : division;
        }
    }

    public DeliveryReport report(long incidentId) {
        Incident incident = incidents.visible(incidentId, guard.caller());
        List<Object[]> rows = em.createQuery("select t, s, v.registration, v.kind from DispatchTrip t, DispatchStop s,"
                        + " Vehicle v, DispatchPlan p where s.tripId = t.id and v.id = t.vehicleId and p.id = t.planId"
                        + " and p.status in :carried and t.status <> :cancelled and t.incidentId = :i"
                        + " order by t.number, s.seq", Object[].class)
                // a revised plan's trips under way or done count too; its orders the revision replaced do not
                .setParameter("carried", List.of(PlanStatus.APPROVED, PlanStatus.REVISED))
                .setParameter("cancelled", TripStatus.CANCELLED).setParameter("i", incident.id()).getResultList();
        List<StopOutcome> all = new ArrayList<>();
        for (Object[] r : rows) {
            DispatchTrip t = (DispatchTrip) r[0];
            DispatchStop s = (DispatchStop) r[1];
            all.add(new StopOutcome(t.id(), t.number(), (String) r[2], String.valueOf(r[3]), t.status(), t.departure(),
                    s.divisionCode(), s.people(), s.plannedArrival(), s.deadline(), s.status(), s.deliveredAt()));
        }
        // Counties are tallied from the points inside the reader's jurisdiction only; what is short is judged
        // against the whole incident's demand, so that a figure is the same whoever reads it.
        Jurisdiction within = guard.caller().jurisdiction();
        List<StopOutcome> stops = all.stream().filter(s -> within.covers(DivisionCode.of(s.division()))).toList();
        Map<String, Division> names = new TreeMap<>();
        List<String> codes = stops.stream().map(StopOutcome::county).distinct().toList();
        if (!codes.isEmpty()) {
            em.createQuery("select d from Division d where d.code in :c", Division.class).setParameter("c", codes)
                    .getResultList().forEach(d -> names.put(d.codeValue(), d));
        }
        List<DeliveryReport.County> counties = byCounty(stops, shortOfDemand(incident)).stream().map(c -> {
            Division d = names.get(c.code());
            return new DeliveryReport.County(c.code(), d == null ? c.code() : d.nameZh(), d == null ? c.code() : d.nameEn(),
                    c.points(), c.people(), c.plannedInTime(), c.reachedInTime(), c.reached());
        }).toList();
        return new DeliveryReport(incident.id(), incident.number(), incident.name(), incident.deadline(), counties,
                byTrip(all));
    }

    /**
     * The points whose dispatch orders do not carry all they need: for some material of the demand as it
     * stands now, the orders of the approved plans (and of a revised plan's trips under way or done)
     * carry less. A point a plan serves in part, because stock or vehicles ran short, has stops on time
     * for what it gets; its people have not been reached until the rest comes too.
     */
    private Set<String> shortOfDemand(Incident incident) {
        Map<String, BigDecimal> planned = new HashMap<>();
        for (Object r : em.createNativeQuery("select s.division_code, l.material_code, sum(l.planned)"
                        + " from dispatch_stop_line l join dispatch_stop s on s.id = l.stop_id"
                        + " join dispatch_trip t on t.id = s.trip_id join relief_plan p on p.id = t.plan_id"
                        + " where t.incident_id = ?1 and p.status in ('APPROVED', 'REVISED') and t.status <> 'CANCELLED'"
                        + " group by s.division_code, l.material_code")
                .setParameter(1, incident.id()).getResultList()) {
            Object[] row = (Object[]) r;
            planned.put(row[0] + "|" + row[1], (BigDecimal) row[2]);
        }
        Set<String> served = new HashSet<>();
        planned.keySet().forEach(k -> served.add(k.substring(0, k.indexOf('|'))));
        Set<String> wanting = new HashSet<>();
        for (DemandView line : demand.linesWithin(incident, "", null)) {
            if (served.contains(line.division()) && line.quantity().signum() > 0 && planned.getOrDefault(
                    line.division() + "|" + line.material(), BigDecimal.ZERO).compareTo(line.quantity()) < 0) {
                wanting.add(line.division());
            }
        }
        return wanting;
    }

    /**
     * Per county (by code), the demand points served: each point once with its people, in time when every one
     * of its stops is and its orders carry all it needs ({@code shortOfDemand} lists the points whose orders
     * do not), reached when, besides, every one of its stops was delivered. Names are left to the caller.
     */
    static List<DeliveryReport.County> byCounty(List<StopOutcome> stops, Set<String> shortOfDemand) {
        Map<String, List<StopOutcome>> byPoint = new LinkedHashMap<>();
        stops.forEach(s -> byPoint.computeIfAbsent(s.division(), k -> new ArrayList<>()).add(s));
        Map<String, long[]> sums = new TreeMap<>();
        for (List<StopOutcome> visits : byPoint.values()) {
            long people = visits.stream().mapToLong(StopOutcome::people).max().orElse(0);
            long[] sum = sums.computeIfAbsent(visits.get(0).county(), k -> new long[5]);
            sum[0]++;
            sum[1] += people;
            if (shortOfDemand.contains(visits.get(0).division())) {
                continue;
            }
            sum[2] += visits.stream().allMatch(StopOutcome::plannedInTime) ? people : 0;
            sum[3] += visits.stream().allMatch(StopOutcome::reachedInTime) ? people : 0;
            sum[4] += visits.stream().allMatch(StopOutcome::delivered) ? people : 0;
        }
        List<DeliveryReport.County> out = new ArrayList<>();
        sums.forEach((county, s) -> out.add(new DeliveryReport.County(county, null, null, (int) s[0], s[1], s[2], s[3],
                s[4])));
        return out;
    }

    /** Per trip, in the order given: its stops, those delivered, their people and those reached in time. */
    static List<DeliveryReport.Trip> byTrip(List<StopOutcome> stops) {
        Map<Long, List<StopOutcome>> trips = new LinkedHashMap<>();
        stops.forEach(s -> trips.computeIfAbsent(s.tripId(), k -> new ArrayList<>()).add(s));
        List<DeliveryReport.Trip> out = new ArrayList<>();
        for (List<StopOutcome> trip : trips.values()) {
            StopOutcome first = trip.get(0);
            out.add(new DeliveryReport.Trip(first.tripId(), first.tripNumber(), first.vehicle(), first.vehicleKind(),
                    first.tripStatus(), first.departure(), trip.size(), (int) trip.stream().filter(StopOutcome::delivered).count(),
                    trip.stream().mapToLong(StopOutcome::people).sum(),
                    trip.stream().filter(StopOutcome::reachedInTime).mapToLong(StopOutcome::people).sum()));
        }
        return out;
    }
}
