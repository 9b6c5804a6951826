package org.reliefchain.dispatch;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reliefchain.catalog.Material;
import org.reliefchain.incident.Incident;
import org.reliefchain.network.Warehouse;
import org.reliefchain.stock.FefoPicker;
import org.reliefchain.stock.LedgerWriter;
import org.reliefchain.stock.MovementType;
import org.reliefchain.stock.Quantity;
import org.reliefchain.stock.StockLot;

/**
 * Writes an approved plan: per trip a dispatch order (派车单) with its stops and lines, and what it loads
 * issued from stock lot by lot, first expiry first out, through the one ledger writer. Inside the
 * approving transaction; the caller checks permissions.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DispatchOrders {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LedgerWriter ledger;

    /** What each warehouse must issue per material for the whole plan. */
    static Map<Long, Map<String, Long>> loads(PlanSolution solution) {
        Map<Long, Map<String, Long>> out = new TreeMap<>();
        for (PlanSolution.Trip t : solution.trips()) {
            for (PlanSolution.Stop s : t.stops()) {
                for (PlanSolution.Line l : s.lines()) {
                    out.computeIfAbsent(t.warehouseId(), k -> new TreeMap<>()).merge(l.material(), l.quantity(), Long::sum);
                }
            }
        }
        return out;
    }

    /** Loads that usable stock no longer covers, in words: "warehouse (code): material needs X, usable now Y". */
    public List<String> shortages(PlanSolution solution, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        List<String> out = new ArrayList<>();
        for (Map.Entry<Long, Map<String, Long>> w : loads(solution).entrySet()) {
            Warehouse warehouse = em.find(Warehouse.class, w.getKey());
            for (Map.Entry<String, Long> m : w.getValue().entrySet()) {
                Number usable = (Number) em.createNativeQuery("select coalesce(sum(b.quantity), 0) from stock_balance b"
                                + " join stock_lot l on l.id = b.lot_id where b.warehouse_id = ?1 and l.material_code = ?2"
                                + " and (l.expiry_date is null or l.expiry_date >= ?3)")
                        .setParameter(1, w.getKey()).setParameter(2, m.getKey()).setParameter(3, today).getSingleResult();
                if (new BigDecimal(usable.toString()).compareTo(BigDecimal.valueOf(m.getValue())) < 0) {
                    out.add(String.format("%s (%s): %s needs %d, usable now %s", warehouse.nameZh(), warehouse.code(),
                            m.getKey(), m.getValue(), new BigDecimal(usable.toString()).stripTrailingZeros().toPlainString()));
                }
            }
        }
        return out;
    }

    public ReliefPlanService.ApprovalView issue(DispatchPlan plan, Incident incident, PlanSolution solution, String user,
                                          Instant now) {
        long request = ledger.openRequest("plan-" + plan.id() + "-approve", "relief-plan", user, now);
        int movements = 0;
        List<String> numbers = new ArrayList<>();
        int seq = 0;
        Map<String, Material> materials = new HashMap<>();
        for (PlanSolution.Trip t : solution.trips()) {
            String number = String.format("%s-P%d-%03d", incident.number(), plan.number(), ++seq);
            numbers.add(number);
            Instant departure = plan.plannedAt().plusSeconds(t.departure());
            Instant back = plan.plannedAt().plusSeconds(Math.min(t.back(), 30L * 24 * 3600));
            long tripId = ((Number) em.createNativeQuery("insert into dispatch_trip (number, plan_id, incident_id,"
                            + " vehicle_id, trip_no, base_name, base_lon, base_lat, warehouse_id, departure, planned_return,"
                            + " status) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'PLANNED') returning id")
                    .setParameter(1, number).setParameter(2, plan.id()).setParameter(3, incident.id())
                    .setParameter(4, t.vehicleId()).setParameter(5, t.trip()).setParameter(6, t.baseName())
                    .setParameter(7, t.baseLon()).setParameter(8, t.baseLat()).setParameter(9, t.warehouseId())
                    .setParameter(10, ts(departure)).setParameter(11, ts(back)).getSingleResult()).longValue();
            Map<String, Long> load = new TreeMap<>();
            int stopNo = 0;
            for (PlanSolution.Stop s : t.stops()) {
                long stopId = ((Number) em.createNativeQuery("insert into dispatch_stop (trip_id, seq, division_code, name,"
                                + " lon, lat, people, planned_arrival, deadline, status) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                                + " ?9, 'PLANNED') returning id")
                        .setParameter(1, tripId).setParameter(2, ++stopNo).setParameter(3, s.division())
                        .setParameter(4, s.name()).setParameter(5, s.lon()).setParameter(6, s.lat())
                        .setParameter(7, s.people()).setParameter(8, ts(plan.plannedAt().plusSeconds(s.arrival())))
                        .setParameter(9, ts(plan.deadline())).getSingleResult()).longValue();
                for (PlanSolution.Line l : s.lines()) {
                    em.createNativeQuery("insert into dispatch_stop_line (stop_id, material_code, planned) values (?1, ?2, ?3)")
                            .setParameter(1, stopId).setParameter(2, l.material()).setParameter(3, BigDecimal.valueOf(l.quantity()))
                            .executeUpdate();
                    load.merge(l.material(), l.quantity(), Long::sum);
                }
            }
            Warehouse from = em.find(Warehouse.class, t.warehouseId());
            LedgerWriter.Entry entry = new LedgerWriter.Entry(request, user, now, now, "relief plan " + plan.number()
                    + " of " + incident.number() + " approved", "dispatch order " + number);
            for (Map.Entry<String, Long> m : load.entrySet()) {
                Material material = materials.computeIfAbsent(m.getKey(), k -> em.find(Material.class, k));
                for (FefoPicker.Pick pick : ledger.choose(from, material, null, new Quantity(BigDecimal.valueOf(m.getValue())), false)) {
                    StockLot lot = em.find(StockLot.class, pick.lot().lotId());
                    ledger.post(entry, MovementType.ISSUE, from, lot, pick.quantity().negate(), null);
                    em.createNativeQuery("insert into dispatch_load (trip_id, warehouse_id, lot_id, quantity) values (?1, ?2, ?3, ?4)"
                                    + " on conflict (trip_id, lot_id) do update set quantity = dispatch_load.quantity + excluded.quantity")
                            .setParameter(1, tripId).setParameter(2, from.id()).setParameter(3, lot.id())
                            .setParameter(4, pick.quantity().value()).executeUpdate();
                    movements++;
                }
            }
        }
        return new ReliefPlanService.ApprovalView(plan.id(), numbers.size(), movements, numbers);
    }

    /** Native queries take time as an offset date-time (the driver cannot bind an Instant). */
    private static java.time.OffsetDateTime ts(Instant t) {
        return t.atOffset(java.time.ZoneOffset.UTC);
    }
}
