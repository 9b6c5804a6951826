package org.reliefchain.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reliefchain.planner.road.RoadNetwork;

/**
 * Truck trips drawn along the roads they were planned on, around the same blocked areas: where a straight
 * line between stops would cross a flooded valley, the map shows the way the truck actually takes. Boats
 * and helicopters keep straight legs (their times come from straight legs or the sea-lane graph).
 */
final class RoadShapes {

    private RoadShapes() {
    }

    /** Per trip index of {@code solution.trips()}: its line as lon/lat pairs; trucks only. */
    static Map<Integer, List<double[]>> draw(PlanSolution solution, ProblemBuilder.Problem problem, RoadNetwork roads) {
        RoadNetwork.RoadPaths paths = roads.paths(RoadNetwork.TRUCK, ProblemBuilder.SNAP_METRES, problem.roadBlocks());
        Map<String, List<RoadNetwork.Point>> legs = new HashMap<>();
        Map<Integer, List<double[]>> out = new HashMap<>();
        List<PlanSolution.Trip> trips = solution.trips();
        for (int i = 0; i < trips.size(); i++) {
            PlanSolution.Trip t = trips.get(i);
            if (!t.mode().equals("TRUCK")) {
                continue;
            }
            List<RoadNetwork.Point> stops = new ArrayList<>();
            stops.add(new RoadNetwork.Point(t.baseLon(), t.baseLat()));
            t.stops().forEach(s -> stops.add(new RoadNetwork.Point(s.lon(), s.lat())));
            stops.add(new RoadNetwork.Point(t.baseLon(), t.baseLat()));
            List<double[]> line = new ArrayList<>();
            for (int k = 0; k + 1 < stops.size(); k++) {
                RoadNetwork.Point a = stops.get(k);
                RoadNetwork.Point b = stops.get(k + 1);
                List<RoadNetwork.Point> leg = legs.computeIfAbsent(a + ">" + b, key -> paths.between(a, b));
                if (leg.isEmpty()) {
                    leg = List.of(a, b); // no road path (should not happen in a feasible plan): the order at least
                }
                for (RoadNetwork.Point p : leg) {
                    line.add(new double[] {p.lon(), p.lat()});
                }
            }
            out.put(i, line);
        }
        return out;
    }
}
