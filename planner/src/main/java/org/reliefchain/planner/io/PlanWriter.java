package org.reliefchain.planner.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVPrinter;

import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.ScheduleListener;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.scenario.Csv;

/**
 * Writes a solved plan for people and maps: {@code routes.geojson} (one LineString per vehicle trip,
 * depot to stops and back) and {@code deliveries.csv} (per demand point and material: what arrives,
 * when, and whether the point is fully served by its deadline). How a leg is drawn is up to the
 * caller's {@link LegShape}: along the roads for trucks when the road network is at hand, otherwise a
 * straight line (boats and helicopters, whose times come from straight legs or the sea-lane graph).
 */
public final class PlanWriter {

    /** The line a vehicle follows from one place to the next: lon/lat pairs, both ends included. */
    @FunctionalInterface
    public interface LegShape {
        List<double[]> between(Vehicle vehicle, Location from, Location to);

        LegShape STRAIGHT = (vehicle, from, to) -> List.of(new double[] {from.lon(), from.lat()},
                new double[] {to.lon(), to.lat()});
    }

    private PlanWriter() {
    }

    public static void write(ReliefPlan plan, Path dir) throws IOException {
        write(plan, dir, LegShape.STRAIGHT);
    }

    public static void write(ReliefPlan plan, Path dir, LegShape shape) throws IOException {
        Files.createDirectories(dir);
        writeRoutes(plan, dir.resolve("routes.geojson"), shape);
        writeDeliveries(plan, dir.resolve("deliveries.csv"));
    }

    private static void writeRoutes(ReliefPlan plan, Path file, LegShape shape) throws IOException {
        List<String> features = new ArrayList<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isBucket() || v.getVisits().isEmpty()) {
                continue;
            }
            ScheduleListener.Schedule s = ScheduleListener.Schedule.of(v);
            List<Visit> visits = v.getVisits();
            int from = 0;
            for (int i = 0; i < visits.size(); i++) {
                if (s.closes[i]) {
                    List<Location> line = new ArrayList<>();
                    line.add(v.location());
                    long kg = 0;
                    for (int k = from; k <= i; k++) {
                        line.add(visits.get(k).location());
                        kg += visits.get(k).getWeight();
                    }
                    line.add(v.location());
                    long leaves = s.arrival[i] + visits.get(i).getServiceTime();
                    long back = leaves + v.getTravel().time(visits.get(i).location(), v.location(), leaves);
                    features.add(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\","
                                    + "\"coordinates\":[%s]},\"properties\":{\"vehicle\":\"%s\",\"mode\":\"%s\",\"depot\":\"%s\","
                                    + "\"trip\":%d,\"stops\":%d,\"loadKg\":%d,\"firstArrivalMin\":%d,\"backAtDepotMin\":%d}}",
                            coordinates(v, line, shape), json(v.getId()), v.getMode(), json(v.getHome().id()), s.trip[i] + 1,
                            i - from + 1, kg, s.arrival[from] / 60, back / 60));
                    from = i + 1;
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"name\":\"" + json(plan.getName()) + "\",\"features\":[\n");
            w.write(String.join(",\n", features));
            w.write("\n]}\n");
        }
    }

    private static String coordinates(Vehicle v, List<Location> stops, LegShape shape) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i + 1 < stops.size(); i++) {
            List<double[]> leg = shape.between(v, stops.get(i), stops.get(i + 1));
            // Each leg starts where the one before ended.
            for (int k = i == 0 ? 0 : 1; k < leg.size(); k++) {
                points.add(String.format(Locale.ROOT, "[%.6f,%.6f]", leg.get(k)[0], leg.get(k)[1]));
            }
        }
        return String.join(",", points);
    }

    /** What one point gets of one material. */
    private static final class Line {
        long planned;
        long delivered;
        long first = Long.MAX_VALUE;
        long last = -1;
        long deadline = Long.MAX_VALUE;
        final TreeSet<String> vehicles = new TreeSet<>();
    }

    private static void writeDeliveries(ReliefPlan plan, Path file) throws IOException {
        Map<Visit, Long> arrival = new LinkedHashMap<>();
        Map<Visit, Vehicle> vehicleOf = new LinkedHashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isBucket()) {
                continue;
            }
            ScheduleListener.Schedule s = ScheduleListener.Schedule.of(v);
            for (int i = 0; i < v.getVisits().size(); i++) {
                arrival.put(v.getVisits().get(i), s.arrival[i]);
                vehicleOf.put(v.getVisits().get(i), v);
            }
        }
        Map<DemandPoint, Map<String, Line>> byPoint = new LinkedHashMap<>();
        Map<DemandPoint, Boolean> served = new LinkedHashMap<>();
        for (Visit x : plan.getVisits()) {
            Line line = byPoint.computeIfAbsent(x.getPoint(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(x.getMaterial(), m -> new Line());
            line.planned += x.getQuantity();
            line.deadline = Math.min(line.deadline, x.getDeadline());
            Long at = arrival.get(x);
            boolean onTime = at != null && at <= x.getDeadline();
            served.merge(x.getPoint(), onTime, Boolean::logicalAnd);
            if (at != null) {
                line.delivered += x.getQuantity();
                line.first = Math.min(line.first, at);
                line.last = Math.max(line.last, at);
                line.vehicles.add(vehicleOf.get(x).getId());
            }
        }
        try (CSVPrinter w = Csv.writer(file)) {
            w.printRecord("point", "name", "people", "priority", "modes", "material", "needed", "delivered",
                    "first_arrival_min", "last_arrival_min", "deadline_min", "point_served_by_deadline", "vehicles");
            for (Map.Entry<DemandPoint, Map<String, Line>> p : byPoint.entrySet()) {
                DemandPoint point = p.getKey();
                for (Map.Entry<String, Line> m : p.getValue().entrySet()) {
                    Line l = m.getValue();
                    w.printRecord(point.id(), point.name(), point.population(), point.priority(),
                            ScenarioFiles.modes(point.modes()), m.getKey(), l.planned, l.delivered,
                            l.last < 0 ? "" : l.first / 60, l.last < 0 ? "" : l.last / 60, l.deadline / 60,
                            served.get(point) ? "yes" : "no", String.join("|", l.vehicles));
                }
            }
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
