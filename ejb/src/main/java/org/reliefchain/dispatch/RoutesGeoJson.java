package org.reliefchain.dispatch;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * A plan for the map: one LineString per trip (base, stops in order, base; straight legs between
 * stops, drawn as the order of the route) with vehicle, mode, trip and load; one Point per demand
 * point with its outcome (IN_TIME, LATE, PARTLY, UNSERVED) and reason.
 */
final class RoutesGeoJson {

    private RoutesGeoJson() {
    }

    static String write(PlanSolution solution, Instant plannedAt) {
        JsonArrayBuilder features = Json.createArrayBuilder();
        for (PlanSolution.Trip t : solution.trips()) {
            JsonArrayBuilder line = Json.createArrayBuilder().add(pair(t.baseLon(), t.baseLat()));
            long load = 0;
            for (PlanSolution.Stop s : t.stops()) {
                line.add(pair(s.lon(), s.lat()));
                load += s.lines().stream().mapToLong(PlanSolution.Line::quantity).sum();
            }
            line.add(pair(t.baseLon(), t.baseLat()));
            features.add(feature(Json.createObjectBuilder().add("type", "LineString").add("coordinates", line),
                    Json.createObjectBuilder().add("kind", "trip").add("vehicle", t.registration()).add("mode", t.mode())
                            .add("trip", t.trip()).add("base", t.baseName()).add("warehouse", t.warehouseName())
                            .add("transfer", t.transfer()).add("stops", t.stops().size()).add("units", load)
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
