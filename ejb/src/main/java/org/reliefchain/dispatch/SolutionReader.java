package org.reliefchain.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.ScheduleListener;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.solver.PlanOutcome;

/** Reads a solved plan back into the product's terms ({@link PlanSolution}). */
final class SolutionReader {

    private SolutionReader() {
    }

    static PlanSolution read(ReliefPlan plan, ProblemBuilder.Problem problem) {
        List<PlanSolution.Trip> trips = new ArrayList<>();
        Map<String, Long> lastArrival = new HashMap<>();
        Map<String, Boolean> allInTime = new HashMap<>();
        Map<String, Map<String, Long>> delivered = new HashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isBucket() || v.getVisits().isEmpty()) {
                continue;
            }
            PlanInputs.Transport t = problem.transportOf().get(v.getId());
            PlanInputs.Store store = problem.storeOf().get(v.getHome().id());
            PlanInputs.Hub hub = problem.hubOf().get(v.getHome().id());
            PlanInputs.Store via = problem.fastTrackTo().get(v.getHome().id());
            ScheduleListener.Schedule s = ScheduleListener.Schedule.of(v);
            List<Visit> visits = v.getVisits();
            int from = 0;
            for (int i = 0; i < visits.size(); i++) {
                Visit x = visits.get(i);
                lastArrival.merge(x.getPoint().id(), s.arrival[i], Math::max);
                allInTime.merge(x.getPoint().id(), s.arrival[i] <= x.getDeadline(), Boolean::logicalAnd);
                delivered.computeIfAbsent(x.getPoint().id(), k -> new HashMap<>()).merge(x.getMaterial(), x.getQuantity(), Long::sum);
                if (!s.closes[i]) {
                    continue;
                }
                Map<String, PlanSolution.Stop> stops = new LinkedHashMap<>();
                Map<String, Map<String, Long>> lines = new LinkedHashMap<>();
                for (int k = from; k <= i; k++) {
                    Visit y = visits.get(k);
                    DemandPoint p = y.getPoint();
                    long arrival = s.arrival[k];
                    stops.putIfAbsent(p.id(), new PlanSolution.Stop(p.id(), p.name(), p.location().lon(), p.location().lat(),
                            arrival, 0, List.of()));
                    lines.computeIfAbsent(p.id(), key -> new TreeMap<>()).merge(y.getMaterial(), y.getQuantity(), Long::sum);
                }
                List<PlanSolution.Stop> tripStops = new ArrayList<>();
                for (PlanSolution.Stop st : stops.values()) {
                    PlanInputs.Point point = problem.pointOf().get(st.division());
                    tripStops.add(new PlanSolution.Stop(st.division(), st.name(), st.lon(), st.lat(), st.arrival(),
                            point.people(), lines.get(st.division()).entrySet().stream()
                            .map(e -> new PlanSolution.Line(e.getKey(), e.getValue())).toList()));
                }
                long first = s.arrival[from];
                long departure = first - v.getTravel().time(v.location(), visits.get(from).location());
                long leaves = s.arrival[i] + x.getServiceTime();
                long back = Math.min(TravelMatrix.UNREACHABLE, leaves + v.getTravel().time(x.location(), v.location(), leaves));
                trips.add(new PlanSolution.Trip(t.id(), t.registration(), v.getMode().name(), s.trip[i] + 1,
                        hub != null ? hub.name() : via != null ? via.name() : store.name(), v.location().lon(),
                        v.location().lat(), store.warehouseId(), store.code(), store.name(), hub != null || via != null,
                        Math.max(v.getAvailableFrom(), departure), back, tripStops, via == null ? null : via.warehouseId()));
                from = i + 1;
            }
        }

        // Per point: what arrived, and why not where it did not.
        Set<DemandPoint> reachable = PlanOutcome.reachableInTime(plan);
        Map<String, DemandPoint> points = new LinkedHashMap<>();
        Map<String, Map<String, Long>> needed = new HashMap<>();
        for (Visit x : plan.getVisits()) {
            points.putIfAbsent(x.getPoint().id(), x.getPoint());
            needed.computeIfAbsent(x.getPoint().id(), k -> new TreeMap<>()).merge(x.getMaterial(), x.getQuantity(), Long::sum);
        }
        List<PlanSolution.PointResult> results = new ArrayList<>();
        for (DemandPoint p : points.values()) {
            Map<String, Long> got = delivered.getOrDefault(p.id(), Map.of());
            List<PlanSolution.Line> missing = new ArrayList<>();
            needed.get(p.id()).forEach((m, q) -> {
                long short_ = q - got.getOrDefault(m, 0L);
                if (short_ > 0) {
                    missing.add(new PlanSolution.Line(m, short_));
                }
            });
            String status;
            if (got.isEmpty()) {
                status = "UNSERVED";
            } else if (!missing.isEmpty()) {
                status = "PARTLY";
            } else {
                status = allInTime.getOrDefault(p.id(), false) ? "IN_TIME" : "LATE";
            }
            String reason = status.equals("IN_TIME") ? null : reason(plan, p, reachable.contains(p), missing, problem);
            PlanInputs.Point in = problem.pointOf().get(p.id());
            results.add(new PlanSolution.PointResult(p.id(), p.name(), p.location().lon(), p.location().lat(),
                    in.people(), p.priority(), status, lastArrival.getOrDefault(p.id(), -1L), reason, missing));
        }
        return new PlanSolution(trips, results);
    }

    /** Why a point is not fully served in time, in the terms a dispatcher acts on. */
    private static String reason(ReliefPlan plan, DemandPoint p, boolean reachableInTime, List<PlanSolution.Line> missing,
                                 ProblemBuilder.Problem problem) {
        List<Vehicle> fleet = plan.getVehicles().stream().filter(Vehicle::isReal).toList();
        boolean anyMode = fleet.stream().anyMatch(v -> p.modes().contains(v.getMode())
                && v.getTravel().reachable(v.location(), p.location()));
        if (!anyMode) {
            String road = problem.whyUnreachableByRoad().get(p.id());
            return "NO_MODE: no vehicle of the plan can reach it" + (road == null ? "" : " (by road: " + road + ")")
                    + (p.modes().contains(Mode.BOAT) || p.modes().contains(Mode.HELICOPTER) ? "" : "; no port or landing point near");
        }
        for (Visit x : plan.getVisits()) {
            if (x.getPoint() == p && fleet.stream().noneMatch(v -> p.modes().contains(v.getMode())
                    && v.getTravel().reachable(v.location(), p.location()) && v.getHome().stockOf(x.getMaterial()) > 0)) {
                return "NO_STOCK: no usable " + x.getMaterial() + " at any depot that can reach it";
            }
        }
        if (!reachableInTime) {
            return "DEADLINE: the deadline cannot be met there even by the nearest vehicle going straight";
        }
        return "NO_VEHICLE: no vehicle was free to reach it in time (the fleet is short)"
                + (missing.isEmpty() ? "" : "; stock may be short too");
    }
}
