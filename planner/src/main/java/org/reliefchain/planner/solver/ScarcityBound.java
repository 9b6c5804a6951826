package org.reliefchain.planner.solver;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.solver.TransportRelaxation.VehicleClass;

/**
 * An upper bound on the 10-hour figure that counts stock and fleet together: the one to judge a plan
 * by when stock or vehicles run short. The physical bound asks only whether something could reach a
 * point; the fleet-aware one ({@link FleetBound}) also what the vehicles could carry, but as if every
 * depot held all the stock anyone needs.
 *
 * <p>It is the least of several relaxations, each a flow problem solved exactly (people gained per unit
 * that arrives, {@link TransportRelaxation.Network}), each at least what any plan serves, so their least
 * is too:
 * <ul>
 *   <li><b>one per material</b>: units flow from each depot's usable stock of that material (a port or
 *       air base fed by a warehouse draws on the warehouse's), through the vehicles based there, each
 *       carrying at most its capacity by weight and by volume times the trips it has time for, to the
 *       points it could reach by their deadline and still be home by the end of duty (fewer trips to a
 *       far point than to a near one); a point yields its people in proportion to the share of its
 *       need of that material that arrives. Points that do not need the material count in full. A
 *       material in short supply, or that only a few vehicles can bring in time, shows here.</li>
 *   <li><b>all materials by weight</b>: the same network in kg, each depot capped by what all its
 *       stock weighs and each vehicle by its weight capacity shared by every material it carries: a
 *       fleet too small for everything shows here.</li>
 * </ul>
 * What a plan must also respect and these ignore (the order of stops, a vehicle's hours beyond its
 * trip count, whole points only, range) can only lower what is achievable. Like the physical bound,
 * it takes travel times to be shortest paths (going straight is never slower than via a stop).
 */
public final class ScarcityBound {

    /** The bound and the relaxation that set it: a material's name, or {@link #ALL_BY_WEIGHT}. */
    public record Result(long people, String limitedBy) {
    }

    public static final String ALL_BY_WEIGHT = "all materials by weight";

    /** The fleet-aware bound and this one, from one relaxation (building it is the slow part). */
    public record WithFleet(long fleetBound, Result scarcity) {
    }

    private ScarcityBound() {
    }

    public static long of(ReliefPlan plan) {
        return explain(plan).people();
    }

    public static Result explain(ReliefPlan plan) {
        return explain(new TransportRelaxation(plan));
    }

    public static WithFleet withFleetBound(ReliefPlan plan) {
        TransportRelaxation facts = new TransportRelaxation(plan);
        return new WithFleet(FleetBound.of(facts), explain(facts));
    }

    private static Result explain(TransportRelaxation facts) {
        Result best = new Result(byWeight(facts), ALL_BY_WEIGHT);
        Set<String> materials = new LinkedHashSet<>();
        facts.inBound.forEach(p -> materials.addAll(facts.needs.get(p).quantity.keySet()));
        for (String material : materials) {
            long people = ofMaterial(facts, material);
            if (people <= best.people()) { // a material names the cause better than "by weight"
                best = new Result(people, material);
            }
        }
        return best;
    }

    private static long ofMaterial(TransportRelaxation facts, String material) {
        long unconstrained = 0;
        TransportRelaxation.Network units = new TransportRelaxation.Network();
        Set<Depot> supplied = new HashSet<>();
        for (VehicleClass c : facts.classes) {
            Depot holder = c.holder();
            long stock = holder.stockOf(material);
            if (stock <= 0) {
                continue;
            }
            if (supplied.add(holder)) {
                units.arc(units.source(), holder, stock);
            }
            long perTrip = facts.unitsPerTrip(c, material);
            units.arc(holder, c, TransportRelaxation.times(perTrip, c.trips));
            c.onTime.forEach((p, trips) -> {
                if (facts.needs.get(p).quantityOf(material) > 0) {
                    units.arc(c, p, TransportRelaxation.times(perTrip, trips));
                }
            });
        }
        for (DemandPoint p : facts.inBound) {
            long need = facts.needs.get(p).quantityOf(material);
            if (need == 0) {
                unconstrained += p.population();
            } else {
                units.demand(p, need, p.population());
            }
        }
        return unconstrained + units.solve();
    }

    private static long byWeight(TransportRelaxation facts) {
        TransportRelaxation.Network kg = new TransportRelaxation.Network();
        Set<Depot> supplied = new HashSet<>();
        Set<String> needed = new HashSet<>();
        facts.inBound.forEach(p -> needed.addAll(facts.needs.get(p).quantity.keySet()));
        for (VehicleClass c : facts.classes) {
            Depot holder = c.holder();
            if (supplied.add(holder)) {
                long stockKg = 0;
                for (Map.Entry<String, Long> e : holder.stock().entrySet()) {
                    if (needed.contains(e.getKey()) && e.getValue() > 0) {
                        stockKg += (long) Math.ceil(e.getValue() * facts.mostKgPerUnit.getOrDefault(e.getKey(), 0.0));
                    }
                }
                kg.arc(kg.source(), holder, stockKg);
            }
            long perTrip = c.model.getWeightCapacity();
            kg.arc(holder, c, TransportRelaxation.times(perTrip, c.trips));
            c.onTime.forEach((p, trips) -> kg.arc(c, p, TransportRelaxation.times(perTrip, trips)));
        }
        long weightless = facts.weightDemands(kg);
        return weightless + kg.solve();
    }
}
