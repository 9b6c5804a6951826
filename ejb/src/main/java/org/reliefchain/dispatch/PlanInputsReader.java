package org.reliefchain.dispatch;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.fleet.AvailableVehicle;
import org.reliefchain.fleet.BaseKind;
import org.reliefchain.fleet.FleetService;
import org.reliefchain.incident.DemandService;
import org.reliefchain.incident.DemandView;
import org.reliefchain.incident.HazardFeature;
import org.reliefchain.incident.HazardType;
import org.reliefchain.incident.Incident;
import org.reliefchain.incident.IncidentService;


/**
 * Reads what a plan is made from at one moment, inside the caller's jurisdiction: the incident's demand
 * lines of the points the caller may see, the usable stock of the caller's active warehouses, the
 * caller's available fleet, the hazards, ports, air bases and landing points. Plain values out.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PlanInputsReader {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DemandService demand;

    @Inject
    private FleetService fleet;

    @Inject
    private IncidentService incidents;

    public PlanInputs read(Incident incident, DivisionCode jurisdiction, Instant now) {
        return read(incident, jurisdiction, now, null, false);
    }

    /**
     * The inputs of a revision when {@code revision} is not null: demand less what is delivered or on
     * board, stock plus what the orders not yet loaded were issued, and their vehicles (and those on the
     * road, from when they are back) next to the available fleet; the search starts from those orders.
     * With {@code fastTrack}, the jurisdiction's truck bases without usable stock are listed, and the
     * warehouses outside the jurisdiction nearest to the demand that hold it ({@link #FAST_TRACK_SOURCES}).
     */
    public PlanInputs read(Incident incident, DivisionCode jurisdiction, Instant now, Revision revision, boolean fastTrack) {
        // Demand of the points in the plan's jurisdiction only: a province dispatcher revising a city's plan
        // plans that city's demand with its warehouses and vehicles.
        List<DemandView> lines = demand.demandLines(incident.id(), jurisdiction.value(), null);
        Map<String, double[]> unit = units();
        Map<String, double[]> position = positions(lines.stream().map(DemandView::division).distinct().toList());
        Map<String, List<DemandView>> byPoint = lines.stream()
                .collect(Collectors.groupingBy(DemandView::division, LinkedHashMap::new, Collectors.toList()));
        List<PlanInputs.Point> points = new ArrayList<>();
        for (Map.Entry<String, List<DemandView>> e : byPoint.entrySet()) {
            double[] at = position.get(e.getKey());
            DemandView first = e.getValue().get(0);
            if (at == null || first.people() <= 0) {
                continue;
            }
            List<PlanInputs.Need> needs = e.getValue().stream()
                    .filter(l -> l.quantity().signum() > 0 && unit.containsKey(l.material()))
                    .map(l -> {
                        long q = l.quantity().setScale(0, RoundingMode.CEILING).longValueExact();
                        return new PlanInputs.Need(l.material(), revision == null ? q
                                : revision.remaining(e.getKey(), l.material(), q), unit.get(l.material())[0],
                                unit.get(l.material())[1]);
                    })
                    .filter(n -> n.quantity() > 0)
                    .toList();
            if (!needs.isEmpty()) {
                points.add(new PlanInputs.Point(e.getKey(), first.name(), at[0], at[1], first.people(),
                        first.priority() == 1, first.priority() == 2, needs));
            }
        }
        Set<String> materials = lines.stream().map(DemandView::material).collect(Collectors.toSet());
        List<PlanInputs.Store> stores = stores(jurisdiction, materials, now);
        if (revision != null) {
            stores = withOpenLoads(stores, revision.openLoads());
        }
        List<PlanInputs.Transport> transports = new ArrayList<>();
        Map<String, Long> vehicleIds = vehicleIds(jurisdiction);
        Map<String, PlanInputs.Hub> hubs = new LinkedHashMap<>();
        List<AvailableVehicle> usable = new ArrayList<>(fleet.available(jurisdiction));
        if (revision != null) {
            usable.addAll(fleet.assigned(jurisdiction, revision.vehicles()));
        }
        Map<String, List<String>> startFrom = new HashMap<>();
        for (AvailableVehicle v : usable) {
            long id = vehicleIds.get(v.registration());
            Instant from = v.availableFrom();
            if (revision != null && revision.busyUntil().containsKey(id)) {
                Instant back = revision.busyUntil().get(id); // on the road: free again once back at its base
                from = from == null || back.isAfter(from) ? back : from;
                startFrom.put(v.registration(), List.of());
            } else if (revision != null && revision.startFrom().containsKey(id)) {
                startFrom.put(v.registration(), revision.startFrom().get(id));
            }
            PlanInputs.Kind kind = switch (v.kind()) {
                case TRUCK, VAN -> PlanInputs.Kind.TRUCK;
                case BOAT -> PlanInputs.Kind.BOAT;
                case HELICOPTER -> PlanInputs.Kind.HELICOPTER;
            };
            if (v.base().kind() != BaseKind.WAREHOUSE) {
                hubs.putIfAbsent(v.base().code(), new PlanInputs.Hub(v.base().code(), v.base().nameZh(),
                        v.base().kind() == BaseKind.PORT, v.base().lon(), v.base().lat()));
            }
            transports.add(new PlanInputs.Transport(id, v.registration(), kind,
                    v.capacityKg().doubleValue(), v.capacityM3().doubleValue(), num(v.rangeKm()), v.sortieMinutes(),
                    num(v.speedKmh()), v.base().code(), from, v.availableUntil(),
                    v.dutyHoursPerDay().doubleValue()));
        }
        if (fastTrack) {
            stores = withFastTrack(stores, usable, jurisdiction, materials, points, now);
        }
        // Ports without boats of the caller still are harbours boats sail between.
        for (Object[] r : places("PORT")) {
            hubs.putIfAbsent((String) r[0], new PlanInputs.Hub((String) r[0], (String) r[1], true, (Double) r[2], (Double) r[3]));
        }
        List<PlanInputs.Site> landing = places("LANDING_POINT").stream()
                .map(r -> new PlanInputs.Site((String) r[0], (String) r[1], (Double) r[2], (Double) r[3])).toList();
        List<HazardFeature> hazards = incidents.hazardsOf(incident.id()).stream()
                .filter(h -> h.type() == HazardType.CLOSED_LANE
                        || (h.validFrom() == null || !h.validFrom().isAfter(now)) && (h.validUntil() == null || h.validUntil().isAfter(now)))
                .toList();
        return new PlanInputs(now, incident.deadline(), points, stores, List.copyOf(hubs.values()), transports, hazards,
                landing, startFrom, true);
    }

    /** The stores with what the open orders were issued added back: it is still in those warehouses. */
    private List<PlanInputs.Store> withOpenLoads(List<PlanInputs.Store> stores, Map<Long, Map<String, Long>> loads) {
        Map<Long, PlanInputs.Store> out = new LinkedHashMap<>();
        stores.forEach(s -> out.put(s.warehouseId(), new PlanInputs.Store(s.warehouseId(), s.code(), s.name(), s.division(),
                s.lon(), s.lat(), new TreeMap<>(s.stock()), s.outside())));
        for (Map.Entry<Long, Map<String, Long>> w : loads.entrySet()) {
            PlanInputs.Store s = out.get(w.getKey());
            if (s == null) {
                Object[] r = (Object[]) em.createNativeQuery("select code, name_zh, division_code, lon, lat from warehouse"
                        + " where id = ?1").setParameter(1, w.getKey()).getSingleResult();
                s = new PlanInputs.Store(w.getKey(), (String) r[0], (String) r[1], (String) r[2],
                        ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue(), new TreeMap<>(), false);
                out.put(w.getKey(), s);
            }
            PlanInputs.Store store = s;
            w.getValue().forEach((m, q) -> store.stock().merge(m, q, Long::sum));
        }
        return List.copyOf(out.values());
    }

    /** What each line needs per unit: kg and m³. */
    private Map<String, double[]> units() {
        Map<String, double[]> out = new HashMap<>();
        for (Object[] r : rows("select code, unit_weight_kg, unit_volume_m3 from material")) {
            out.put((String) r[0], new double[] {((BigDecimal) r[1]).doubleValue(), ((BigDecimal) r[2]).doubleValue()});
        }
        return out;
    }

    private Map<String, double[]> positions(List<String> codes) {
        Map<String, double[]> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, lon, lat from division where code = any (?1)")
                .setParameter(1, codes.toArray(new String[0])).getResultList();
        rows.forEach(r -> out.put((String) r[0], new double[] {((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()}));
        return out;
    }

    /** How many warehouses outside the jurisdiction a fast-track plan may draw on: the nearest to the demand. */
    static final int FAST_TRACK_SOURCES = 10;

    /** Active warehouses of the jurisdiction with their usable (unexpired) stock of the materials, whole units. */
    private List<PlanInputs.Store> stores(DivisionCode jurisdiction, Set<String> materials, Instant now) {
        return stores("w.division_code like ?1", jurisdiction.value() + "%", materials, now, false);
    }

    /**
     * The stores plus, for a fast-track plan, the jurisdiction's truck bases without usable stock (where
     * stock from outside would go) and, if there are such bases, the nearest warehouses outside the
     * jurisdiction holding the demanded materials.
     */
    private List<PlanInputs.Store> withFastTrack(List<PlanInputs.Store> stores, List<AvailableVehicle> fleet,
                                                 DivisionCode jurisdiction, Set<String> materials,
                                                 List<PlanInputs.Point> points, Instant now) {
        Set<String> stocked = stores.stream().map(PlanInputs.Store::code).collect(Collectors.toSet());
        Set<String> bare = fleet.stream().filter(v -> v.kind().road() && v.base().kind() == BaseKind.WAREHOUSE
                && !stocked.contains(v.base().code())).map(v -> v.base().code()).collect(Collectors.toSet());
        if (bare.isEmpty() || points.isEmpty() || materials.isEmpty()) {
            return stores;
        }
        List<PlanInputs.Store> out = new ArrayList<>(stores);
        for (Object[] r : rows("select id, code, name_zh, division_code, lon, lat from warehouse where status = 'ACTIVE'"
                + " and code = any (?1) order by code", (Object) bare.toArray(new String[0]))) {
            out.add(new PlanInputs.Store(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue(), Map.of(), false));
        }
        double lon = 0;
        double lat = 0;
        for (PlanInputs.Point p : points) { // the centre of the demand: where outside stock is looked for
            lon += p.lon() / points.size();
            lat += p.lat() / points.size();
        }
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Shanghai"));
        @SuppressWarnings("unchecked")
        List<Number> nearest = em.createNativeQuery("select w.id from warehouse w where w.status = 'ACTIVE'"
                        + " and w.division_code not like ?1 and exists (select 1 from stock_balance b join stock_lot l"
                        + " on l.id = b.lot_id where b.warehouse_id = w.id and b.quantity >= 1 and l.material_code = any (?2)"
                        + " and (l.expiry_date is null or l.expiry_date >= ?3))"
                        + " order by power(w.lon - ?4, 2) + power(w.lat - ?5, 2), w.code limit " + FAST_TRACK_SOURCES)
                .setParameter(1, jurisdiction.value() + "%").setParameter(2, materials.toArray(new String[0]))
                .setParameter(3, today).setParameter(4, lon).setParameter(5, lat).getResultList();
        if (!nearest.isEmpty()) {
            out.addAll(stores("w.id = any (?1)", nearest.stream().map(Number::longValue).toArray(Long[]::new),
                    materials, now, true));
        }
        return out;
    }

    /** Active warehouses matching {@code condition} (on ?1) with their usable stock of the materials, whole units. */
    private List<PlanInputs.Store> stores(String condition, Object value, Set<String> materials, Instant now,
                                          boolean outside) {
        if (materials.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Shanghai"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select w.id, w.code, w.name_zh, w.division_code, w.lon, w.lat,"
                        + " l.material_code, floor(sum(b.quantity)) from stock_balance b join stock_lot l on l.id = b.lot_id"
                        + " join warehouse w on w.id = b.warehouse_id where w.status = 'ACTIVE' and " + condition
                        + " and (l.expiry_date is null or l.expiry_date >= ?2) and l.material_code = any (?3)"
                        + " and b.quantity > 0 group by w.id, w.code, w.name_zh, w.division_code, w.lon, w.lat, l.material_code"
                        + " order by w.code, l.material_code")
                .setParameter(1, value).setParameter(2, today)
                .setParameter(3, materials.toArray(new String[0])).getResultList();
        Map<Long, PlanInputs.Store> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            long q = ((BigDecimal) r[7]).longValue();
            if (q <= 0) {
                continue;
            }
            out.computeIfAbsent(id, k -> new PlanInputs.Store(id, (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue(), new TreeMap<>(), outside))
                    .stock().put((String) r[6], q);
        }
        return List.copyOf(out.values());
    }

    private Map<String, Long> vehicleIds(DivisionCode jurisdiction) {
        Map<String, Long> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select registration, id from vehicle where division_code like ?1")
                .setParameter(1, jurisdiction.value() + "%").getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> places(String kind) {
        return em.createNativeQuery("select code, name_zh, lon, lat from place where kind = ?1 order by code")
                .setParameter(1, kind).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        return q.getResultList();
    }

    private static Double num(BigDecimal b) {
        return b == null ? null : b.doubleValue();
    }
}
