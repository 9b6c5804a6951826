package org.reliefchain.planner.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVPrinter;

import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.scenario.Csv;
import org.reliefchain.planner.scenario.StraightLineNetwork;

/**
 * A scenario as a folder of three CSV files that a dispatcher can read, edit and send:
 *
 * <pre>
 * depots.csv    id,name,lon,lat,modes,material,stock           (one row per depot and material)
 * vehicles.csv  id,mode,depot,weight_kg,volume_l,available_min,duty_end_min,max_trips,load_min,range_km
 * demand.csv    delivery,point,name,lon,lat,people,priority,modes,material,quantity,weight_kg,volume_l,people_covered,service_min,deadline_min
 * </pre>
 *
 * Modes are separated by '|'. Times are minutes from the incident start. Travel is computed from the
 * positions ({@link StraightLineNetwork}: roads 1.35 x straight at 50 km/h, sea 1.2 x at 22 km/h,
 * air straight at 220 km/h) until the road and sea networks are part of the planner.
 */
public final class ScenarioFiles {

    private ScenarioFiles() {
    }

    public static void write(ReliefPlan plan, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (CSVPrinter w = Csv.writer(dir.resolve("depots.csv"))) {
            w.printRecord("id", "name", "lon", "lat", "modes", "material", "stock");
            for (Depot d : plan.getDepots()) {
                for (Map.Entry<String, Long> s : new java.util.TreeMap<>(d.stock()).entrySet()) {
                    w.printRecord(d.id(), d.location().name(), num(d.location().lon()), num(d.location().lat()),
                            modes(d.modes()), s.getKey(), s.getValue());
                }
            }
        }
        try (CSVPrinter w = Csv.writer(dir.resolve("vehicles.csv"))) {
            w.printRecord("id", "mode", "depot", "weight_kg", "volume_l", "available_min", "duty_end_min", "max_trips",
                    "load_min", "range_km");
            for (Vehicle v : plan.getVehicles()) {
                if (v.isReal()) {
                    w.printRecord(v.getId(), v.getMode().name(), v.getHome().id(), v.getWeightCapacity(),
                            v.getVolumeCapacity(), v.getAvailableFrom() / 60, v.getDutyEnd() / 60, v.getMaxTrips(),
                            v.getLoadTime() / 60, v.getRange() >= Long.MAX_VALUE / 8 ? "" : v.getRange() / 1000);
                }
            }
        }
        try (CSVPrinter w = Csv.writer(dir.resolve("demand.csv"))) {
            w.printRecord("delivery", "point", "name", "lon", "lat", "people", "priority", "modes", "material",
                    "quantity", "weight_kg", "volume_l", "people_covered", "service_min", "deadline_min");
            for (Visit x : plan.getVisits()) {
                DemandPoint p = x.getPoint();
                w.printRecord(x.getId(), p.id(), p.name(), num(p.location().lon()), num(p.location().lat()),
                        p.population(), p.priority(), modes(p.modes()), x.getMaterial(), x.getQuantity(), x.getWeight(),
                        x.getVolume(), x.getPeople(), x.getServiceTime() / 60, x.getDeadline() / 60);
            }
        }
    }

    /** Reads a scenario folder into a plan with an unassigned bucket; bad rows are reported with their line. */
    public static ReliefPlan read(Path dir) throws IOException {
        List<Location> locations = new ArrayList<>();
        Map<String, Location> byKey = new HashMap<>();
        Map<String, Map<String, Long>> stock = new LinkedHashMap<>();
        Map<String, String[]> depotRows = new LinkedHashMap<>();
        for (Row r : rows(dir.resolve("depots.csv"))) {
            depotRows.putIfAbsent(r.get("id"), new String[] {r.get("name"), r.get("lon"), r.get("lat"), r.get("modes")});
            stock.computeIfAbsent(r.get("id"), k -> new java.util.TreeMap<>()).put(r.get("material"), r.longValue("stock"));
        }
        Map<String, Depot> depots = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : depotRows.entrySet()) {
            String[] f = e.getValue();
            Location at = location(locations, byKey, f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            depots.put(e.getKey(), new Depot(e.getKey(), at, stock.get(e.getKey()), modes(f[3], "depots.csv, depot " + e.getKey())));
        }
        Map<String, DemandPoint> points = new LinkedHashMap<>();
        List<Row> demand = rows(dir.resolve("demand.csv"));
        for (Row r : demand) {
            if (!points.containsKey(r.get("point"))) {
                Location at = location(locations, byKey, r.get("name"), r.doubleValue("lon"), r.doubleValue("lat"));
                points.put(r.get("point"), new DemandPoint(r.get("point"), r.get("name"), at, r.longValue("people"),
                        (int) r.longValue("priority"), modes(r.get("modes"), "demand.csv line " + r.line())));
            }
        }
        Set<Integer> boatPlaces = new TreeSet<>();
        Set<Integer> truckPlaces = new TreeSet<>();
        for (Depot d : depots.values()) {
            if (d.modes().contains(Mode.BOAT)) {
                boatPlaces.add(d.location().index());
            }
            if (d.modes().contains(Mode.TRUCK)) {
                truckPlaces.add(d.location().index());
            }
        }
        for (DemandPoint p : points.values()) {
            if (p.modes().contains(Mode.BOAT)) {
                boatPlaces.add(p.location().index());
            }
            if (p.modes().contains(Mode.TRUCK)) {
                truckPlaces.add(p.location().index());
            }
        }
        Map<Mode, TravelMatrix> travel = Map.of(
                Mode.TRUCK, StraightLineNetwork.matrix("road (straight-line stand-in)", locations, 1.35, i -> 50, truckPlaces::contains),
                Mode.BOAT, StraightLineNetwork.matrix("sea (straight-line stand-in)", locations, 1.2, i -> 22, boatPlaces::contains),
                Mode.HELICOPTER, StraightLineNetwork.matrix("air (straight legs)", locations, 1.0, i -> 220, i -> true));
        List<Vehicle> vehicles = new ArrayList<>();
        for (Row r : rows(dir.resolve("vehicles.csv"))) {
            Mode mode = modes(r.get("mode"), "vehicles.csv line " + r.line()).stream().findFirst()
                    .orElseThrow(() -> new IOException("vehicles.csv line " + r.line() + ": mode is required"));
            Depot home = depots.get(r.get("depot"));
            if (home == null) {
                throw new IOException("vehicles.csv line " + r.line() + ": no depot " + r.get("depot"));
            }
            vehicles.add(new Vehicle(r.get("id"), mode, home, travel.get(mode), r.longValue("weight_kg"),
                    r.longValue("volume_l"), r.longValue("available_min") * 60, r.longValue("duty_end_min") * 60,
                    (int) r.longValue("max_trips"), r.longValue("load_min") * 60,
                    r.get("range_km").isBlank() ? Long.MAX_VALUE / 4 : r.longValue("range_km") * 1000));
        }
        if (depots.isEmpty() || vehicles.isEmpty() || demand.isEmpty()) {
            throw new IOException(dir + ": a scenario needs depots, vehicles and demand");
        }
        vehicles.add(Vehicle.bucket(depots.values().iterator().next()));
        List<Visit> visits = new ArrayList<>();
        for (Row r : demand) {
            visits.add(new Visit(r.get("delivery"), points.get(r.get("point")), r.get("material"), r.longValue("quantity"),
                    r.longValue("weight_kg"), r.longValue("volume_l"), r.longValue("people_covered"),
                    r.longValue("service_min") * 60, 0, r.longValue("deadline_min") * 60));
        }
        return new ReliefPlan(dir.getFileName().toString(), 60, new ArrayList<>(depots.values()), vehicles, visits);
    }

    private static Location location(List<Location> locations, Map<String, Location> byKey, String name, double lon,
                                     double lat) {
        String key = lon + "," + lat;
        return byKey.computeIfAbsent(key, k -> {
            Location l = new Location(locations.size(), name, lon, lat);
            locations.add(l);
            return l;
        });
    }

    static String modes(Set<Mode> modes) {
        return String.join("|", modes.stream().map(Mode::name).sorted().toList());
    }

    static Set<Mode> modes(String text, String where) throws IOException {
        EnumSet<Mode> modes = EnumSet.noneOf(Mode.class);
        for (String m : text.split("\\|")) {
            if (!m.isBlank()) {
                try {
                    modes.add(Mode.valueOf(m.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(where + ": unknown mode '" + m.trim() + "' (TRUCK, BOAT or HELICOPTER)");
                }
            }
        }
        return modes;
    }

    static String num(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    /** One data row, with its line number for messages. */
    record Row(int line, Map<String, String> fields) {
        String get(String column) {
            String v = fields.get(column);
            return v == null ? "" : v;
        }

        long longValue(String column) throws IOException {
            try {
                return Long.parseLong(get(column).trim());
            } catch (NumberFormatException e) {
                throw new IOException("line " + line + ": " + column + " must be a whole number, not '" + get(column) + "'");
            }
        }

        double doubleValue(String column) throws IOException {
            try {
                return Double.parseDouble(get(column).trim());
            } catch (NumberFormatException e) {
                throw new IOException("line " + line + ": " + column + " must be a number, not '" + get(column) + "'");
            }
        }
    }

    /** The data rows of one scenario file, numbered by line for messages. */
    static List<Row> rows(Path file) throws IOException {
        return Csv.rows(file).stream().map(r -> new Row(r.line(), r.fields())).toList();
    }
}
