package org.reliefchain.dispatch;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.reliefchain.catalog.Material;
import org.reliefchain.incident.Incident;
import org.reliefchain.network.Warehouse;
import org.reliefchain.stock.FefoPicker;
import org.reliefchain.stock.LedgerWriter;
import org.reliefchain.stock.MovementType;
import org.reliefchain.stock.Quantity;
import org.reliefchain.stock.StockLot;

/**
 * Writes an approved plan: per trip a dispatch order (派车单) with its stops and lines, and what the plan
 * loads issued from stock through the one ledger writer, one ISSUE per warehouse, material and lot (first
 * expiry first out, referring to the plan and incident), its lots shared out to the trips. Inside the
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

    @Inject
    private org.reliefchain.allocation.AllocationService allocations;

    /** The application's datasource: inside the approving transaction it hands out that transaction's connection. */
    @Resource(lookup = org.reliefchain.platform.DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

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

    /**
     * What the orders a revision replaces were issued and still hold, lot by lot: their loads go on with
     * the revision's trips without a movement, and only what is left over goes back into stock.
     */
    public static final class Handover {
        private record Held(long tripId, long lotId, BigDecimal[] left) {
        }

        private final Map<Long, Map<String, java.util.ArrayDeque<Held>>> held = new HashMap<>();

        long total(long warehouse, String material) {
            return held.getOrDefault(warehouse, Map.of()).getOrDefault(material, new java.util.ArrayDeque<>()).stream()
                    .map(h -> h.left()[0]).reduce(BigDecimal.ZERO, BigDecimal::add).longValue();
        }
    }

    /** Reads what the orders {@code tripIds} still hold, first expiry first (so the revision hands those on first). */
    public Handover handover(java.util.Collection<Long> tripIds) {
        Handover h = new Handover();
        if (tripIds.isEmpty()) {
            return h;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.trip_id, d.warehouse_id, d.lot_id, l.material_code,"
                        + " d.quantity - d.returned - d.handed_over from dispatch_load d join stock_lot l on l.id = d.lot_id"
                        + " where d.trip_id = any (?1) and d.quantity - d.returned - d.handed_over > 0"
                        + " order by l.expiry_date nulls last, l.lot_number, d.trip_id")
                .setParameter(1, tripIds.toArray(new Long[0])).getResultList();
        for (Object[] r : rows) {
            h.held.computeIfAbsent(((Number) r[1]).longValue(), k -> new HashMap<>())
                    .computeIfAbsent((String) r[3], k -> new java.util.ArrayDeque<>())
                    .add(new Handover.Held(((Number) r[0]).longValue(), ((Number) r[2]).longValue(),
                            new BigDecimal[] {(BigDecimal) r[4]}));
        }
        return h;
    }

    /** Loads that usable stock no longer covers, in words: "warehouse (code): material needs X, usable now Y". */
    public List<String> shortages(PlanSolution solution, Instant now) {
        return shortages(solution, now, new Handover());
    }

    /** As {@link #shortages(PlanSolution, Instant)}, counting first what {@code handover} holds. */
    public List<String> shortages(PlanSolution solution, Instant now, Handover handover) {
        List<Long> warehouses = new ArrayList<>();
        List<String> materials = new ArrayList<>();
        List<Long> needed = new ArrayList<>();
        for (Map.Entry<Long, Map<String, Long>> w : loads(solution).entrySet()) {
            for (Map.Entry<String, Long> m : w.getValue().entrySet()) {
                long toIssue = m.getValue() - handover.total(w.getKey(), m.getKey());
                if (toIssue > 0) {
                    warehouses.add(w.getKey());
                    materials.add(m.getKey());
                    needed.add(toIssue);
                }
            }
        }
        if (warehouses.isEmpty()) {
            return List.of();
        }
        // What each warehouse holds usable of each material, all in one statement (a plan draws on hundreds).
        @SuppressWarnings("unchecked")
        List<Object[]> usable = em.createNativeQuery("select (select coalesce(sum(b.quantity), 0) from stock_balance b"
                        + " join stock_lot l on l.id = b.lot_id where b.warehouse_id = n.w and l.material_code = n.m"
                        + " and (l.expiry_date is null or l.expiry_date >= ?3)), n.i"
                        + " from unnest(?1, ?2) with ordinality as n (w, m, i) order by n.i")
                .setParameter(1, warehouses.toArray(new Long[0])).setParameter(2, materials.toArray(new String[0]))
                .setParameter(3, LocalDate.ofInstant(now, CHINA)).getResultList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            BigDecimal have = new BigDecimal(usable.get(i)[0].toString());
            if (have.compareTo(BigDecimal.valueOf(needed.get(i))) < 0) {
                Warehouse warehouse = em.find(Warehouse.class, warehouses.get(i));
                out.add(String.format("%s (%s): %s needs %d, usable now %s", warehouse.nameZh(), warehouse.code(),
                        materials.get(i), needed.get(i), have.stripTrailingZeros().toPlainString()));
            }
        }
        return out;
    }

    public ReliefPlanService.ApprovalView issue(DispatchPlan plan, Incident incident, PlanSolution solution, String user,
                                          Instant now) {
        return issue(plan, incident, solution, user, now, new Handover());
    }

    /**
     * Writes the plan's dispatch orders. Each trip's load is taken first from what {@code handover} holds
     * (lots already issued to the orders a revision replaces), then issued from stock; what the handover
     * still holds at the end goes back into its lots. So a revision issues and returns only the difference.
     */
    public ReliefPlanService.ApprovalView issue(DispatchPlan plan, Incident incident, PlanSolution solution, String user,
                                          Instant now, Handover handover) {
        long request = ledger.openRequest("plan-" + plan.id() + "-approve", "relief-plan", user, now);
        int movements = 0;
        int returns = 0;
        List<String> numbers = new ArrayList<>();
        FastTrack fastTrack = fastTrackOrders(plan, incident, solution);
        // The dispatch orders, stops and lines in JDBC batches (thousands of rows on a large incident); their
        // ids drawn from the sequences first, so that stops and lines can name them.
        List<PlanSolution.Trip> trips = solution.trips();
        List<Long> tripIds = ids("dispatch_trip_id_seq", trips.size());
        int stopCount = trips.stream().mapToInt(t -> t.stops().size()).sum();
        List<Long> stopIds = ids("dispatch_stop_id_seq", stopCount);
        List<Map<String, Long>> tripLoads = new ArrayList<>();
        OrderRows rows = new OrderRows();
        int stopIndex = 0;
        for (int i = 0; i < trips.size(); i++) {
            PlanSolution.Trip t = trips.get(i);
            String number = String.format("%s-P%d-%03d", incident.number(), plan.number(), i + 1);
            numbers.add(number);
            Long allocation = t.fastTrack() ? fastTrack.ids().get(t.warehouseId() + ">" + t.viaWarehouseId()) : null;
            rows.trip(tripIds.get(i), number, t, allocation, plan);
            Map<String, Long> load = new TreeMap<>();
            int stopNo = 0;
            for (PlanSolution.Stop s : t.stops()) {
                long stopId = stopIds.get(stopIndex++);
                rows.stop(stopId, tripIds.get(i), ++stopNo, s, plan);
                for (PlanSolution.Line l : s.lines()) {
                    rows.line(stopId, l);
                    load.merge(l.material(), l.quantity(), Long::sum);
                }
            }
            tripLoads.add(load);
        }
        try (Connection c = dataSource.getConnection()) {
            rows.write(c, plan.id(), incident.id());
        } catch (SQLException e) {
            throw new IllegalStateException("writing the dispatch orders of plan " + plan.number() + " failed", e);
        }

        // What each trip loads: first what a revision hands over; the rest is issued from stock, one ISSUE per
        // warehouse, material and lot for the whole plan (first expiry first out), and its lots shared out
        // to the trips in order.
        Map<String, List<long[]>> wanted = new java.util.LinkedHashMap<>(); // "warehouse/material" -> [trip, units]
        for (int i = 0; i < trips.size(); i++) {
            PlanSolution.Trip t = trips.get(i);
            if (t.fastTrack()) {
                continue; // issued from where it loads once the emergency order has brought it there (TripService)
            }
            for (Map.Entry<String, Long> m : tripLoads.get(i).entrySet()) {
                BigDecimal toIssue = takeOver(handover, t.warehouseId(), m.getKey(), BigDecimal.valueOf(m.getValue()),
                        tripIds.get(i));
                if (toIssue.signum() > 0) {
                    wanted.computeIfAbsent(t.warehouseId() + "/" + m.getKey(), k -> new ArrayList<>())
                            .add(new long[] {tripIds.get(i), toIssue.longValueExact()});
                }
            }
        }
        LedgerWriter.Entry entry = new LedgerWriter.Entry(request, user, now, now, "relief plan " + plan.number()
                + " of " + incident.number() + " approved", reference(plan, incident));
        Map<String, Material> materials = new HashMap<>();
        List<LedgerWriter.Outgoing> outgoing = new ArrayList<>();
        for (Map.Entry<String, List<long[]>> w : wanted.entrySet()) {
            String[] key = w.getKey().split("/", 2);
            long total = w.getValue().stream().mapToLong(x -> x[1]).sum();
            outgoing.add(new LedgerWriter.Outgoing(em.find(Warehouse.class, Long.valueOf(key[0])),
                    materials.computeIfAbsent(key[1], k -> em.find(Material.class, k)), new Quantity(BigDecimal.valueOf(total))));
        }
        Map<LedgerWriter.Outgoing, List<FefoPicker.Pick>> taken = ledger.issueAll(entry, outgoing);
        // One row per trip and lot ([trip, warehouse, lot] -> quantity): a lot goes to a trip in one piece per
        // line (a trip loads each warehouse's material once), merged all the same so that the one statement
        // below never meets a row twice.
        Map<List<Long>, BigDecimal> perTripAndLot = new java.util.LinkedHashMap<>();
        java.util.Iterator<List<long[]>> loadsOfLine = wanted.values().iterator();
        for (LedgerWriter.Outgoing line : outgoing) {
            java.util.Iterator<long[]> trip = loadsOfLine.next().iterator();
            long[] current = trip.next();
            BigDecimal owed = BigDecimal.valueOf(current[1]);
            for (FefoPicker.Pick pick : taken.get(line)) {
                movements++;
                BigDecimal left = pick.quantity().value();
                while (left.signum() > 0) {
                    if (owed.signum() == 0) { // this trip has all it loads: the lot goes on to the next
                        if (!trip.hasNext()) {
                            throw new IllegalStateException("the ledger picked more " + line.material().code()
                                    + " than the trips load");
                        }
                        current = trip.next();
                        owed = BigDecimal.valueOf(current[1]);
                    }
                    BigDecimal take = left.min(owed);
                    perTripAndLot.merge(List.of(current[0], line.warehouse().id(), pick.lot().lotId()), take, BigDecimal::add);
                    left = left.subtract(take);
                    owed = owed.subtract(take);
                }
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement loadRow = c.prepareStatement("insert into dispatch_load (trip_id, warehouse_id, lot_id, quantity)"
                     + " select * from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::numeric[])"
                     + " on conflict (trip_id, lot_id) do update set quantity = dispatch_load.quantity + excluded.quantity")) {
            loadRow.setArray(1, c.createArrayOf("bigint", perTripAndLot.keySet().stream().map(k -> k.get(0)).toArray(Long[]::new)));
            loadRow.setArray(2, c.createArrayOf("bigint", perTripAndLot.keySet().stream().map(k -> k.get(1)).toArray(Long[]::new)));
            loadRow.setArray(3, c.createArrayOf("bigint", perTripAndLot.keySet().stream().map(k -> k.get(2)).toArray(Long[]::new)));
            loadRow.setArray(4, c.createArrayOf("numeric", perTripAndLot.values().toArray(BigDecimal[]::new)));
            loadRow.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the loads of plan " + plan.number() + " failed", e);
        }
        // What the replaced orders held and no new trip took goes back into the lots it came from.
        LedgerWriter.Entry back = new LedgerWriter.Entry(request, user, now, now, "relief plan " + plan.number()
                + " of " + incident.number() + " approved: not needed any more", reference(plan, incident));
        for (Map.Entry<Long, Map<String, java.util.ArrayDeque<Handover.Held>>> w : handover.held.entrySet()) {
            Warehouse warehouse = em.find(Warehouse.class, w.getKey());
            for (java.util.ArrayDeque<Handover.Held> lots : w.getValue().values()) {
                for (Handover.Held h : lots) {
                    if (h.left()[0].signum() > 0) {
                        ledger.post(back, MovementType.RECEIPT, warehouse, em.find(StockLot.class, h.lotId()),
                                new Quantity(h.left()[0]), null);
                        em.createNativeQuery("update dispatch_load set returned = returned + ?1 where trip_id = ?2 and lot_id = ?3")
                                .setParameter(1, h.left()[0]).setParameter(2, h.tripId()).setParameter(3, h.lotId())
                                .executeUpdate();
                        h.left()[0] = BigDecimal.ZERO;
                        returns++;
                    }
                }
            }
        }
        return new ReliefPlanService.ApprovalView(plan.id(), numbers.size(), movements + returns, returns, numbers,
                fastTrack.numbers());
    }

    /**
     * The rows of a plan's dispatch orders, column by column, written with one statement per table (a
     * large incident has thousands of stops: a row per statement cost a millisecond a row).
     */
    private static final class OrderRows {
        private final List<Long> tripId = new ArrayList<>();
        private final List<String> tripNumber = new ArrayList<>();
        private final List<Long> vehicle = new ArrayList<>();
        private final List<Integer> tripNo = new ArrayList<>();
        private final List<String> baseName = new ArrayList<>();
        private final List<Double> baseLon = new ArrayList<>();
        private final List<Double> baseLat = new ArrayList<>();
        private final List<Long> warehouse = new ArrayList<>();
        private final List<String> departure = new ArrayList<>();
        private final List<String> plannedReturn = new ArrayList<>();
        private final List<Long> allocation = new ArrayList<>();
        private final List<Long> stopId = new ArrayList<>();
        private final List<Long> stopTrip = new ArrayList<>();
        private final List<Integer> seq = new ArrayList<>();
        private final List<String> division = new ArrayList<>();
        private final List<String> stopName = new ArrayList<>();
        private final List<Double> lon = new ArrayList<>();
        private final List<Double> lat = new ArrayList<>();
        private final List<Long> people = new ArrayList<>();
        private final List<String> arrival = new ArrayList<>();
        private final List<String> deadline = new ArrayList<>();
        private final List<Long> lineStop = new ArrayList<>();
        private final List<String> material = new ArrayList<>();
        private final List<BigDecimal> planned = new ArrayList<>();

        void trip(long id, String number, PlanSolution.Trip t, Long allocationId, DispatchPlan plan) {
            tripId.add(id);
            tripNumber.add(number);
            vehicle.add(t.vehicleId());
            tripNo.add(t.trip());
            baseName.add(t.baseName());
            baseLon.add(t.baseLon());
            baseLat.add(t.baseLat());
            warehouse.add(t.loadsAt());
            departure.add(plan.plannedAt().plusSeconds(t.departure()).toString());
            plannedReturn.add(plan.plannedAt().plusSeconds(Math.min(t.back(), 30L * 24 * 3600)).toString());
            allocation.add(allocationId);
        }

        void stop(long id, long trip, int no, PlanSolution.Stop s, DispatchPlan plan) {
            stopId.add(id);
            stopTrip.add(trip);
            seq.add(no);
            division.add(s.division());
            stopName.add(s.name());
            lon.add(s.lon());
            lat.add(s.lat());
            people.add(s.people());
            arrival.add(plan.plannedAt().plusSeconds(s.arrival()).toString());
            deadline.add(plan.deadline().toString());
        }

        void line(long stop, PlanSolution.Line l) {
            lineStop.add(stop);
            material.add(l.material());
            planned.add(BigDecimal.valueOf(l.quantity()));
        }

        void write(Connection c, long planId, long incidentId) throws SQLException {
            try (PreparedStatement trips = c.prepareStatement("insert into dispatch_trip (id, number, plan_id, incident_id,"
                         + " vehicle_id, trip_no, base_name, base_lon, base_lat, warehouse_id, departure, planned_return,"
                         + " status, allocation_id) select t.id, t.number, ?, ?, t.vehicle, t.trip_no, t.base_name, t.lon,"
                         + " t.lat, t.warehouse, t.departure, t.back, 'PLANNED', t.allocation from unnest(?::bigint[],"
                         + " ?::text[], ?::bigint[], ?::int[], ?::text[], ?::float8[], ?::float8[], ?::bigint[],"
                         + " ?::timestamptz[], ?::timestamptz[], ?::bigint[]) as t (id, number, vehicle, trip_no, base_name,"
                         + " lon, lat, warehouse, departure, back, allocation)");
                 PreparedStatement stops = c.prepareStatement("insert into dispatch_stop (id, trip_id, seq, division_code,"
                         + " name, lon, lat, people, planned_arrival, deadline, status) select *, 'PLANNED' from unnest("
                         + "?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::bigint[],"
                         + " ?::timestamptz[], ?::timestamptz[])");
                 PreparedStatement lines = c.prepareStatement("insert into dispatch_stop_line (stop_id, material_code, planned)"
                         + " select * from unnest(?::bigint[], ?::text[], ?::numeric[])")) {
                trips.setLong(1, planId);
                trips.setLong(2, incidentId);
                bind(c, trips, 3, tripId, tripNumber, vehicle, tripNo, baseName, baseLon, baseLat, warehouse, departure,
                        plannedReturn, allocation);
                trips.executeUpdate();
                bind(c, stops, 1, stopId, stopTrip, seq, division, stopName, lon, lat, people, arrival, deadline);
                stops.executeUpdate();
                bind(c, lines, 1, lineStop, material, planned);
                lines.executeUpdate();
            }
        }

        /** Binds each column as an array from {@code first} on; its SQL type is the cast in the statement. */
        private static void bind(Connection c, PreparedStatement s, int first, List<?>... columns) throws SQLException {
            for (int i = 0; i < columns.length; i++) {
                List<?> column = columns[i];
                Object sample = column.stream().filter(java.util.Objects::nonNull).findFirst().map(Object.class::cast).orElse("");
                java.sql.Array array = sample instanceof Long ? c.createArrayOf("bigint", column.toArray(new Long[0]))
                        : sample instanceof Integer ? c.createArrayOf("int4", column.toArray(new Integer[0]))
                        : sample instanceof Double ? c.createArrayOf("float8", column.toArray(new Double[0]))
                        : sample instanceof BigDecimal ? c.createArrayOf("numeric", column.toArray(new BigDecimal[0]))
                        : c.createArrayOf("text", column.toArray(new String[0]));
                s.setArray(first + i, array);
            }
        }
    }

    /** The emergency orders of a plan's fast-track trips: ids by "source>base" warehouse ids, and their numbers. */
    private record FastTrack(Map<String, Long> ids, List<String> numbers) {
    }

    /**
     * One emergency allocation order per source outside the jurisdiction and truck base it feeds, for
     * everything the plan's fast-track trips carry from there. Submitted at once: the source may ship
     * before the order's approval.
     */
    private FastTrack fastTrackOrders(DispatchPlan plan, Incident incident, PlanSolution solution) {
        Map<String, Map<String, Quantity>> lines = new TreeMap<>();
        for (PlanSolution.Trip t : solution.trips()) {
            if (t.fastTrack()) {
                Map<String, Quantity> l = lines.computeIfAbsent(t.warehouseId() + ">" + t.viaWarehouseId(), k -> new TreeMap<>());
                t.stops().forEach(s -> s.lines().forEach(x -> l.merge(x.material(),
                        new Quantity(BigDecimal.valueOf(x.quantity())), Quantity::plus)));
            }
        }
        Map<String, Long> ids = new HashMap<>();
        List<String> numbers = new ArrayList<>();
        for (Map.Entry<String, Map<String, Quantity>> e : lines.entrySet()) {
            String[] ends = e.getKey().split(">");
            var order = allocations.forRelief(em.find(Warehouse.class, Long.valueOf(ends[0])),
                    em.find(Warehouse.class, Long.valueOf(ends[1])), incident, e.getValue(),
                    "救援调度方案 " + plan.number() + " 紧急调拨 (" + incident.number() + ")");
            ids.put(e.getKey(), order.id());
            numbers.add(order.number());
        }
        return new FastTrack(ids, numbers);
    }

    /** Takes up to {@code quantity} from what the handover holds onto the new trip; returns what is still to issue. */
    private BigDecimal takeOver(Handover handover, long warehouse, String material, BigDecimal quantity, long tripId) {
        java.util.ArrayDeque<Handover.Held> lots = handover.held.getOrDefault(warehouse, Map.of()).get(material);
        BigDecimal left = quantity;
        while (lots != null && !lots.isEmpty() && left.signum() > 0) {
            Handover.Held h = lots.peek();
            BigDecimal take = left.min(h.left()[0]);
            em.createNativeQuery("update dispatch_load set handed_over = handed_over + ?1 where trip_id = ?2 and lot_id = ?3")
                    .setParameter(1, take).setParameter(2, h.tripId()).setParameter(3, h.lotId()).executeUpdate();
            em.createNativeQuery("insert into dispatch_load (trip_id, warehouse_id, lot_id, quantity) values (?1, ?2, ?3, ?4)"
                            + " on conflict (trip_id, lot_id) do update set quantity = dispatch_load.quantity + excluded.quantity")
                    .setParameter(1, tripId).setParameter(2, warehouse).setParameter(3, h.lotId()).setParameter(4, take)
                    .executeUpdate();
            h.left()[0] = h.left()[0].subtract(take);
            left = left.subtract(take);
            if (h.left()[0].signum() == 0) {
                lots.poll();
            }
        }
        return left;
    }

    /** What the ledger's movements of a plan's approval refer to: "relief plan 2 of INC-...". */
    public static String reference(DispatchPlan plan, Incident incident) {
        return "relief plan " + plan.number() + " of " + incident.number();
    }

    /** The next {@code n} values of a sequence, for rows written in a batch that others must name. */
    private List<Long> ids(String sequence, int n) {
        if (n == 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select nextval('" + sequence + "') from generate_series(1, ?1)")
                .setParameter(1, n).getResultList();
        return rows.stream().map(Number::longValue).toList();
    }
}
