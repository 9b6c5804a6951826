package org.reliefchain.dispatch;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * A plan for the map: one LineString per trip (base, stops in order, base: along the roads for trucks
 * once the plan is final, straight legs otherwise) with vehicle, mode, trip and load; one Point per demand
 * point with its outcome (IN_TIME, LATE, PARTLY, UNSERVED) and reason.
 */
final class RoutesGeoJson {

    private RoutesGeoJson() {
    }

    static String write(PlanSolution solution, Instant plannedAt) {
        return write(solution, plannedAt, java.util.Map.of());
    }

    /** With {@code shapes}: the lines of the trips drawn along the roads (by trip index); others straight. */
    static String write(PlanSolution solution, Instant plannedAt, java.util.Map<Integer, java.util.List<double[]>> shapes) {
        JsonArrayBuilder features = Json.createArrayBuilder();
        for (int i = 0; i < solution.trips().size(); i++) {
            PlanSolution.Trip t = solution.trips().get(i);
            JsonArrayBuilder line = Json.createArrayBuilder();
            long load = 0;
            for (PlanSolution.Stop s : t.stops()) {
                load += s.lines().stream().mapToLong(PlanSolution.Line::quantity).sum();
            }
            if (shapes.containsKey(i)) {
                shapes.get(i).forEach(p -> line.add(pair(p[0], p[1])));
            } else {
                line.add(pair(t.baseLon(), t.baseLat()));
                t.stops().forEach(s -> line.add(pair(s.lon(), s.lat())));
                line.add(pair(t.baseLon(), t.baseLat()));
            }
            features.add(feature(Json.createObjectBuilder().add("type", "LineString").add("coordinates", line),
                    Json.createObjectBuilder().add("kind", "trip").add("vehicle", t.registration()).add("mode", t.mode())
                            .add("trip", t.trip()).add("base", t.baseName()).add("warehouse", t.warehouseName())
                            .add("transfer", t.transfer()).add("stops", t.stops().size()).add("units", load)
                            .add("alongRoads", shapes.containsKey(i))
                            .add("departure", plannedAt.plusSeconds(t.departure()).toString())));
        }
        for (PlanSolution.PointResult p : solution.points()) {
            JsonObjectBuilder props = Json.createObjectBuilder().add("kind", "point").add("division", p.division())
                    .add("name", p.name()).add("people", p.people()).add("status", p.status())
                    .add("priority", p.priority());
            if (p.arrival() >= 0) {
                props.add("arrival", plannedAt.plusSeconds(p.arrival()).toString());
            }
            if (p.reason() != null) {
                props.add("reason", p.reason());
            }
            features.add(feature(Json.createObjectBuilder().add("type", "Point").add("coordinates", pair(p.lon(), p.lat())), props));
        }
        return Json.createObjectBuilder().add("type", "FeatureCollection").add("features", features).build().toString();
    }

    private static JsonObjectBuilder feature(JsonObjectBuilder geometry, JsonObjectBuilder properties) {
        return Json.createObjectBuilder().add("type", "Feature").add("geometry", geometry).add("properties", properties);
    }

    private static JsonArrayBuilder pair(double lon, double lat) {
        return Json.createArrayBuilder().add(Math.round(lon * 1e6) / 1e6).add(Math.round(lat * 1e6) / 1e6);
    }
}
