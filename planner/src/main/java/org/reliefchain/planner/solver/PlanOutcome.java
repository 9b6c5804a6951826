package org.reliefchain.planner.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/**
 * What a plan achieves, next to what is physically possible.
 *
 * <p>The <b>10-hour figure</b>: people at demand points whose every delivery is made by its deadline.
 * The <b>bound</b>: people at points where, for every material they need, some vehicle of a mode that
 * can reach them, based at a depot holding that material, could arrive by the deadline if it drove
 * there first and did nothing else. No plan can beat it; capacity and fleet size are ignored.
 * {@code servedPoints} tells, per demand point, whether it is fully served by its deadline.
 */
public record PlanOutcome(long affectedPeople, long servedByDeadline, long bound, long pointsServed, long points,
                          long unmetDeliveries, long lateDeliveries, Map<DemandPoint, Boolean> servedPoints) {

    public double percentOfBound() {
        return bound == 0 ? 100.0 : 100.0 * servedByDeadline / bound;
    }

    public static PlanOutcome of(ReliefPlan plan) {
        return of(plan, bound(plan));
    }

    /** With a bound computed before: it depends only on the problem, not on the plan's routes. */
    public static PlanOutcome of(ReliefPlan plan, long bound) {
        Map<DemandPoint, Boolean> served = new HashMap<>();
        long unmet = 0;
        long late = 0;
        Map<Visit, Vehicle> vehicleOf = new HashMap<>();
        Map<Visit, Long> arrivalOf = new HashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isBucket()) {
                v.getVisits().forEach(x -> vehicleOf.put(x, v));
                continue;
            }
            var schedule = org.reliefchain.planner.model.ScheduleListener.Schedule.of(v);
            List<Visit> visits = v.getVisits();
            for (int i = 0; i < visits.size(); i++) {
                vehicleOf.put(visits.get(i), v);
                arrivalOf.put(visits.get(i), schedule.arrival[i]);
            }
        }
        for (Visit x : plan.getVisits()) {
            Vehicle v = vehicleOf.get(x);
            boolean made = v != null && v.isReal();
            boolean onTime = made && arrivalOf.get(x) <= x.getDeadline();
            if (!made) {
                unmet++;
            } else if (!onTime) {
                late++;
            }
            served.merge(x.getPoint(), onTime, Boolean::logicalAnd);
        }
        long affected = 0;
        long servedPeople = 0;
        long pointsServed = 0;
        for (Map.Entry<DemandPoint, Boolean> e : served.entrySet()) {
            affected += e.getKey().population();
            if (e.getValue()) {
                servedPeople += e.getKey().population();
                pointsServed++;
            }
        }
        return new PlanOutcome(affected, servedPeople, bound, pointsServed, served.size(), unmet, late,
                Map.copyOf(served));
    }

    /** People at points every needed material could reach by the deadline at best. */
    public static long bound(ReliefPlan plan) {
        return reachableInTime(plan).stream().mapToLong(DemandPoint::population).sum();
    }

    /**
     * The points for which, for every material they need, some vehicle of a mode that reaches them
     * could come from a depot holding it by that material's deadline there (leaving at once, straight
     * there). Each material against its own deadline: a point whose water is due early and whose food is
     * due late may get its food from a depot farther away.
     */
    public static java.util.Set<DemandPoint> reachableInTime(ReliefPlan plan) {
        Map<DemandPoint, Map<String, Long>> materials = new HashMap<>();
        for (Visit x : plan.getVisits()) {
            materials.computeIfAbsent(x.getPoint(), p -> new HashMap<>()).merge(x.getMaterial(), x.getDeadline(), Math::min);
        }
        List<Vehicle> fleet = plan.getVehicles().stream().filter(Vehicle::isReal).toList();
        java.util.Set<DemandPoint> reachable = new java.util.HashSet<>();
        for (Map.Entry<DemandPoint, Map<String, Long>> e : materials.entrySet()) {
            DemandPoint p = e.getKey();
            boolean all = true;
            for (Map.Entry<String, Long> due : e.getValue().entrySet()) {
                String material = due.getKey();
                long earliest = TravelMatrix.UNREACHABLE;
                for (Vehicle v : fleet) {
                    if (p.modes().contains(v.getMode()) && v.getHome().stockOf(material) > 0) {
                        // Leaving as early as it can arrives earliest: later never arrives sooner.
                        long start = v.getAvailableFrom() + v.getLoadTime();
                        long t = v.getTravel().time(v.location(), p.location(), start);
                        if (t < TravelMatrix.UNREACHABLE) {
                            earliest = Math.min(earliest, start + t);
                        }
                    }
                }
                if (earliest > due.getValue()) {
                    all = false;
                    break;
                }
            }
            if (all) {
                reachable.add(p);
            }
        }
        return reachable;
    }
}
