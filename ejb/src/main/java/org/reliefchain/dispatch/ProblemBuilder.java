package org.reliefchain.dispatch;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.reliefchain.incident.HazardFeature;
import org.reliefchain.incident.HazardType;
import org.reliefchain.planner.air.AirNetwork;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.road.BlockedAreas;
import org.reliefchain.planner.road.RoadNetwork;
import org.reliefchain.planner.scenario.Geo;
import org.reliefchain.planner.sea.SeaNetwork;

/**
 * Turns a plan's inputs into the planner's problem: locations (warehouses, hubs, demand points), one
 * travel matrix per mode (trucks on the road network around blocked areas and closed roads, boats on
 * the harbour graph with its lane closures, helicopters via landing points around no-fly areas), the
 * fleet, and the deliveries. Times are seconds from the moment of planning.
 *
 * <p>Transshipment: a port or air base whose boats or helicopters are in the plan is fed by the
 * warehouse nearest to it by road that holds stock; its vehicles start once a first transfer could have
 * arrived (road time plus loading), and what they carry is issued from that warehouse.
 *
 * <p>Emergency fast-track: a truck base of the jurisdiction without usable stock is fed in the same way
 * by the nearest warehouse outside the jurisdiction (when the dispatcher asked for fast-track); approval
 * turns that transfer into an emergency allocation order.
 */
public final class ProblemBuilder {

    /** Largest delivery of one stop, so that any vehicle (a helicopter carries about 1.5 t) can make it. */
    static final long CHUNK_KG = 1_000;
    /** How far a place may be from the road it is put on. */
    static final double SNAP_METRES = 3_000;
    /** How far boats carry from a harbour to people (by small craft); beyond it a point is not served by sea. */
    static final double BOAT_APPROACH_METRES = 30_000;
    static final double LANE_METRES = 80_000;
    static final double BOAT_KMH = 22;
    static final double HELICOPTER_KMH = 220;
    static final long SERVICE_SECONDS = 10 * 60;
    /** Loading a truck at a hub after the transfer from its feeder. */
    static final long TRANSFER_LOADING_SECONDS = 30 * 60;

    private ProblemBuilder() {
    }

    /** The problem and how to read its answer back into the product's terms. */
    public record Problem(ReliefPlan plan, PlanInputs inputs, Map<String, PlanInputs.Store> storeOf,
                          Map<String, PlanInputs.Hub> hubOf, Map<String, PlanInputs.Transport> transportOf,
                          Map<String, PlanInputs.Point> pointOf, Map<String, String> whyUnreachableByRoad,
                          BlockedAreas roadBlocks, String summary, PlanFacts facts,
                          Map<String, List<String>> startFrom, Map<String, PlanInputs.Store> fastTrackTo) {
    }

    public static Problem build(PlanInputs in, RoadNetwork roads, String roadsDescription) {
        List<Location> locations = new ArrayList<>();
        Map<String, PlanInputs.Store> storeOf = new LinkedHashMap<>();
        Map<String, PlanInputs.Hub> hubOf = new LinkedHashMap<>();
        Map<String, Depot> depotOf = new HashMap<>();
        List<Depot> depots = new ArrayList<>();

        // Only warehouses trucks load at are depots: stock where no vehicle is based moves only by a transfer,
        // which is a truck's trip too (and keeps the travel matrices to the places that matter).
        java.util.Set<String> truckBases = new java.util.HashSet<>();
        in.fleet().stream().filter(t -> t.kind() == PlanInputs.Kind.TRUCK).forEach(t -> truckBases.add(t.base()));
        List<PlanInputs.Store> stores = in.stores().stream()
                .filter(s -> !s.outside() && !s.stock().isEmpty() && truckBases.contains(s.code())).toList();
        for (PlanInputs.Store s : stores) {
            Location at = new Location(locations.size(), s.name(), s.lon(), s.lat());
            locations.add(at);
            Depot d = new Depot("W-" + s.code(), at, s.stock(), EnumSet.of(Mode.TRUCK));
            depots.add(d);
            depotOf.put(s.code(), d);
            storeOf.put(d.id(), s);
        }
        List<Depot> own = List.copyOf(depots);
        // Fast-track: stock outside the jurisdiction (no vehicle loads there) and the bare truck bases it may go to.
        List<PlanInputs.Store> bare = in.stores().stream()
                .filter(s -> !s.outside() && s.stock().isEmpty() && truckBases.contains(s.code())).toList();
        List<Depot> sources = new ArrayList<>();
        Map<Depot, Location> bareAt = new LinkedHashMap<>();
        Map<Location, PlanInputs.Store> bareStore = new HashMap<>();
        if (!bare.isEmpty()) {
            for (PlanInputs.Store s : in.stores()) {
                if (s.outside()) {
                    Location at = new Location(locations.size(), s.name(), s.lon(), s.lat());
                    locations.add(at);
                    Depot d = new Depot("O-" + s.code(), at, s.stock(), EnumSet.noneOf(Mode.class));
                    depots.add(d);
                    sources.add(d);
                    storeOf.put(d.id(), s);
                }
            }
            for (PlanInputs.Store s : bare) {
                Location at = new Location(locations.size(), s.name(), s.lon(), s.lat());
                locations.add(at);
                bareStore.put(at, s);
            }
        }
        int firstHub = locations.size();
        List<PlanInputs.Hub> hubs = in.hubs();
        for (PlanInputs.Hub h : hubs) {
            locations.add(new Location(locations.size(), h.name(), h.lon(), h.lat()));
        }
        int firstPoint = locations.size();
        Map<String, PlanInputs.Point> pointOf = new LinkedHashMap<>();
        for (PlanInputs.Point p : in.points()) {
            locations.add(new Location(locations.size(), p.name(), p.lon(), p.lat()));
            pointOf.put(p.division(), p);
        }
        int n = locations.size();

        // Roads: trucks between warehouses, hubs (for transfers) and points, around the blocks.
        BlockedAreas roadBlocks = blocks(in.hazards(), HazardType.BLOCKED_AREA, HazardType.CLOSED_ROAD);
        List<RoadNetwork.Point> positions = locations.stream().map(l -> new RoadNetwork.Point(l.lon(), l.lat())).toList();
        RoadNetwork.RoadMatrix rm = roads.matrix(positions, positions, RoadNetwork.TRUCK, SNAP_METRES, roadBlocks);
        long[] time = rm.seconds();
        long[] metres = rm.metres();
        for (int i = 0; i < n; i++) {
            time[i * n + i] = 0; // a place is where it is, even when no road reaches it
            metres[i * n + i] = 0;
        }
        TravelMatrix road = new TravelMatrix("road: " + roadsDescription, n, time, metres);
        Map<String, String> whyUnreachable = new HashMap<>();
        for (String reason : rm.unplaced()) {
            // "source 12: inside the blocked area X" -> the point at index 12
            int space = reason.indexOf(' ');
            int colon = reason.indexOf(':');
            if (reason.startsWith("source ") && colon > space) {
                int index = Integer.parseInt(reason.substring(space + 1, colon));
                if (index >= firstPoint) {
                    whyUnreachable.put(in.points().get(index - firstPoint).division(), reason.substring(colon + 2));
                }
            }
        }

        // Sea: harbours are the ports; a point within reach of one is served by boat.
        List<SeaNetwork.Harbour> harbours = new ArrayList<>();
        for (PlanInputs.Hub h : hubs) {
            if (h.port()) {
                harbours.add(new SeaNetwork.Harbour(h.name(), h.lon(), h.lat(), false));
            }
        }
        List<HazardFeature> laneClosures = in.hazards().stream().filter(h -> h.type() == HazardType.CLOSED_LANE).toList();
        SeaNetwork sea = SeaNetwork.build(harbours, LANE_METRES, laneRule(laneClosures, in));
        boolean[] byBoat = new boolean[n];
        for (int i = firstHub; i < n; i++) {
            Location l = locations.get(i);
            boolean isPort = i < firstPoint && hubs.get(i - firstHub).port();
            byBoat[i] = isPort || i >= firstPoint && harbours.stream()
                    .anyMatch(h -> Geo.metres(h.lon(), h.lat(), l.lon(), l.lat()) <= BOAT_APPROACH_METRES);
        }
        IntPredicate boatUsable = i -> byBoat[i];
        TravelMatrix seaMatrix = harbours.isEmpty() ? unreachable("sea (no port)", n)
                : sea.matrix("sea lanes between ports" + (laneClosures.isEmpty() ? "" : ", closures as reported"),
                        locations, BOAT_KMH, BOAT_APPROACH_METRES, boatUsable);

        // Air: helicopters fly from air bases to the landing point nearest each point (within carrying distance).
        BlockedAreas noFly = blocks(in.hazards(), HazardType.NO_FLY);
        List<Location> landing = in.landingPoints().stream()
                .map(s -> new Location(-1, s.name(), s.lon(), s.lat())).toList();
        Location[] landingOf = new Location[n];
        for (int i = firstHub; i < n; i++) {
            Location l = locations.get(i);
            if (i < firstPoint) {
                landingOf[i] = hubs.get(i - firstHub).port() ? null : l;
            } else if (noFly.areaAt(l.lon(), l.lat()) == null) {
                landingOf[i] = AirNetwork.landingFor(l, landing);
            }
        }
        TravelMatrix air = AirNetwork.matrix("air via landing points" + (noFly.isEmpty() ? "" : ", around no-fly areas"),
                locations, i -> landingOf[i], HELICOPTER_KMH, noFly);

        // Hubs fed by the nearest stocked warehouse by road (transshipment).
        Map<String, Long> hubStart = new HashMap<>();
        List<Depot> warehouses = own;
        java.util.Set<String> bases = new java.util.HashSet<>();
        in.fleet().forEach(t -> bases.add(t.base()));
        for (int h = 0; h < hubs.size(); h++) {
            int at = firstHub + h;
            if (!bases.contains(hubs.get(h).code()) || !in.transshipment()) {
                continue; // a harbour boats sail between, not a base anything loads at (or transfers are off)
            }
            Depot feeder = null;
            long best = TravelMatrix.UNREACHABLE;
            for (Depot d : warehouses) {
                long t = road.time(d.location(), locations.get(at));
                if (t < best && d.stock().values().stream().anyMatch(q -> q > 0)) {
                    best = t;
                    feeder = d;
                }
            }
            PlanInputs.Hub hub = hubs.get(h);
            if (feeder != null) {
                Depot d = Depot.fedBy((hub.port() ? "P-" : "A-") + hub.code(), locations.get(at),
                        EnumSet.of(hub.port() ? Mode.BOAT : Mode.HELICOPTER), feeder);
                depots.add(d);
                depotOf.put(hub.code(), d);
                hubOf.put(d.id(), hub);
                storeOf.put(d.id(), storeOf.get(feeder.id()));
                hubStart.put(hub.code(), best + TRANSFER_LOADING_SECONDS);
            }
        }

        // Bare truck bases fed by the nearest source outside the jurisdiction (emergency fast-track).
        Map<String, PlanInputs.Store> fastTrackTo = new HashMap<>();
        java.util.Set<Depot> feeding = new java.util.HashSet<>();
        for (Map.Entry<Location, PlanInputs.Store> b : bareStore.entrySet()) {
            Depot feeder = null;
            long best = TravelMatrix.UNREACHABLE;
            for (Depot d : sources) {
                long t = road.time(d.location(), b.getKey());
                if (t < best) {
                    best = t;
                    feeder = d;
                }
            }
            if (feeder != null) {
                Depot d = Depot.fedBy("F-" + b.getValue().code(), b.getKey(), EnumSet.of(Mode.TRUCK), feeder);
                depots.add(d);
                depotOf.put(b.getValue().code(), d);
                storeOf.put(d.id(), storeOf.get(feeder.id()));
                fastTrackTo.put(d.id(), b.getValue());
                hubStart.put(b.getValue().code(), best + TRANSFER_LOADING_SECONDS);
                feeding.add(feeder);
            }
        }

        // The fleet.
        long start = in.plannedAt().getEpochSecond();
        List<Vehicle> vehicles = new ArrayList<>();
        Map<String, PlanInputs.Transport> transportOf = new LinkedHashMap<>();
        int trucks = 0;
        int boats = 0;
        int helicopters = 0;
        for (PlanInputs.Transport t : in.fleet()) {
            Depot home = depotOf.get(t.base());
            if (home == null) {
                continue; // a base without stock or feeder: nothing to carry
            }
            long from = Math.max(0, t.availableFrom() == null ? 0 : t.availableFrom().getEpochSecond() - start);
            from = Math.max(from, hubStart.getOrDefault(t.base(), 0L));
            long duty = from + Math.round(t.dutyHours() * 3600);
            if (t.availableUntil() != null) {
                duty = Math.min(duty, t.availableUntil().getEpochSecond() - start);
            }
            if (duty <= from) {
                continue;
            }
            long kg = (long) Math.floor(t.capacityKg());
            long litres = (long) Math.floor(t.capacityM3() * 1000);
            Vehicle v = switch (t.kind()) {
                case TRUCK -> new Vehicle(t.registration(), Mode.TRUCK, home, road, kg, litres, from, duty, 6, 20 * 60,
                        Long.MAX_VALUE / 4);
                case BOAT -> new Vehicle(t.registration(), Mode.BOAT, home, seaMatrix, kg, litres, from, duty, 4, 30 * 60,
                        Long.MAX_VALUE / 4);
                case HELICOPTER -> new Vehicle(t.registration(), Mode.HELICOPTER, home, air, kg, litres, from, duty, 10,
                        (t.sortieMinutes() == null ? 15 : t.sortieMinutes()) * 60L,
                        t.rangeKm() == null ? 500_000 : Math.round(t.rangeKm() * 1000));
            };
            switch (t.kind()) {
                case TRUCK -> trucks++;
                case BOAT -> boats++;
                case HELICOPTER -> helicopters++;
            }
            vehicles.add(v);
            transportOf.put(v.getId(), t);
        }
        vehicles.add(Vehicle.bucket(depots.isEmpty() ? new Depot("nowhere", locations.isEmpty()
                ? new Location(0, "nowhere", 0, 0) : locations.get(0), Map.of(), EnumSet.noneOf(Mode.class))
                : depots.get(0)));

        // Deliveries: per point and material, split so that one stop carries at most CHUNK_KG.
        long deadline = Math.max(0, in.deadline().getEpochSecond() - start);
        List<Visit> visits = new ArrayList<>();
        Map<String, List<String>> visitsOf = new HashMap<>(); // "division/material" -> its deliveries' ids
        long affected = 0;
        int cutOff = 0;
        for (int k = 0; k < in.points().size(); k++) {
            PlanInputs.Point p = in.points().get(k);
            Location at = locations.get(firstPoint + k);
            EnumSet<Mode> modes = EnumSet.of(Mode.TRUCK);
            if (byBoat[firstPoint + k]) {
                modes.add(Mode.BOAT);
            }
            if (landingOf[firstPoint + k] != null) {
                modes.add(Mode.HELICOPTER);
            }
            if (whyUnreachable.containsKey(p.division())) {
                cutOff++;
            }
            // Cut-off places weigh most, then places with vulnerable people (the planner's priority grows with need).
            int priority = p.cutOff() ? 3 : p.vulnerable() ? 2 : 1;
            DemandPoint point = new DemandPoint(p.division(), p.name(), at, p.people(), priority, modes);
            affected += p.people();
            List<PlanInputs.Need> needs = p.needs().stream().filter(x -> x.quantity() > 0).toList();
            for (PlanInputs.Need need : needs) {
                long kg = (long) Math.ceil(need.quantity() * need.unitKg());
                int chunks = (int) Math.max(1, Math.min(need.quantity(), (kg + CHUNK_KG - 1) / CHUNK_KG));
                for (int c = 0; c < chunks; c++) {
                    long share = need.quantity() / chunks + (c < need.quantity() % chunks ? 1 : 0);
                    String id = p.division() + "/" + need.material() + "/" + (c + 1);
                    visitsOf.computeIfAbsent(p.division() + "/" + need.material(), x -> new ArrayList<>()).add(id);
                    visits.add(new Visit(id, point, need.material(),
                            share, (long) Math.ceil(share * need.unitKg()), (long) Math.ceil(share * need.unitM3() * 1000),
                            Math.max(1, p.people() / needs.size() / chunks), SERVICE_SECONDS, 0, deadline));
                }
            }
        }
        ReliefPlan plan = new ReliefPlan("plan", 60, depots, vehicles, visits);
        String summary = String.format(java.util.Locale.ROOT,
                "%d points (%,d people, %d unreachable by road), %d deliveries; %d warehouses with stock and trucks, %d hubs fed"
                        + " by transfer; %d trucks, %d boats, %d helicopters; %d road blocks, %d lane closures, %d no-fly"
                        + " areas; trucks on %s%s", in.points().size(), affected, cutOff, visits.size(), stores.size(),
                hubOf.size(), trucks, boats, helicopters, roadBlocks.areas().size() + roadBlocks.closedRoads().size(),
                laneClosures.size(), noFly.areas().size(), roadsDescription, fastTrackTo.isEmpty() ? ""
                        : "; " + fastTrackTo.size() + " truck bases fed by emergency fast-track from " + feeding.size()
                        + " warehouses outside the jurisdiction");
        PlanFacts facts = new PlanFacts(in.points().size(), affected, cutOff, visits.size(), stores.size(), hubOf.size(),
                trucks, boats, helicopters, roadBlocks.areas().size() + roadBlocks.closedRoads().size(), laneClosures.size(),
                noFly.areas().size(), roadsDescription.startsWith("the synthetic"), fastTrackTo.size(), feeding.size());
        // A revision starts from the orders it replans: a vehicle's vehicle id is its registration.
        Map<String, List<String>> startFrom = new HashMap<>();
        in.startFrom().forEach((registration, keys) -> startFrom.put(registration, keys.stream()
                .flatMap(k -> visitsOf.getOrDefault(k, List.of()).stream()).distinct().toList()));
        return new Problem(plan, in, storeOf, hubOf, transportOf, pointOf, whyUnreachable, roadBlocks, summary, facts,
                startFrom, fastTrackTo);
    }

    private static TravelMatrix unreachable(String name, int n) {
        long[] cells = new long[n * n];
        java.util.Arrays.fill(cells, TravelMatrix.UNREACHABLE);
        for (int i = 0; i < n; i++) {
            cells[i * n + i] = 0;
        }
        return new TravelMatrix(name, n, cells, cells.clone());
    }

    /**
     * A lane closes while a reported closure covers its midpoint: inside a closed sea area, or within 5 km
     * of a closed lane's line. Times are from the moment of planning.
     */
    private static SeaNetwork.LaneRule laneRule(List<HazardFeature> closures, PlanInputs in) {
        if (closures.isEmpty()) {
            return SeaNetwork.LaneRule.ALL_OPEN;
        }
        long start = in.plannedAt().getEpochSecond();
        List<BlockedAreas> shapes = closures.stream().map(h -> blocks(List.of(h), HazardType.CLOSED_LANE)).toList();
        return (lon, lat) -> {
            for (int i = 0; i < closures.size(); i++) {
                BlockedAreas b = shapes.get(i);
                boolean covered = b.areaAt(lon, lat) != null || b.closedRoads().stream()
                        .anyMatch(p -> Geo.metres(p.lon(), p.lat(), lon, lat) < 5_000);
                if (covered) {
                    HazardFeature h = closures.get(i);
                    long from = h.validFrom() == null ? Long.MIN_VALUE : h.validFrom().getEpochSecond() - start;
                    long until = h.validUntil() == null ? Long.MAX_VALUE : h.validUntil().getEpochSecond() - start;
                    return new SeaNetwork.Closure(from, until);
                }
            }
            return null;
        };
    }

    /**
     * Hazards of the given types as areas and closed-road points: polygons and circles become areas, a
     * line becomes points along it (every vertex and every 500 m between), which close the roads they snap to.
     */
    static BlockedAreas blocks(List<HazardFeature> hazards, HazardType... types) {
        List<BlockedAreas.Area> areas = new ArrayList<>();
        List<RoadNetwork.Point> lines = new ArrayList<>();
        for (HazardFeature h : hazards) {
            if (!List.of(types).contains(h.type())) {
                continue;
            }
            JsonObject g = Json.createReader(new StringReader(h.geometry())).readObject();
            JsonArray c = g.getJsonArray("coordinates");
            switch (g.getString("type")) {
                case "Point" -> areas.add(BlockedAreas.Area.circle(h.name(), num(c, 0), num(c, 1),
                        h.radiusMetres() == null ? 500 : h.radiusMetres()));
                case "Polygon" -> areas.add(ring(h.name(), c.getJsonArray(0)));
                case "MultiPolygon" -> c.forEach(p -> areas.add(ring(h.name(), ((JsonArray) p).getJsonArray(0))));
                case "LineString" -> along(c, lines);
                case "MultiLineString" -> c.forEach(l -> along((JsonArray) l, lines));
                default -> throw new IllegalArgumentException("unexpected geometry " + g.getString("type"));
            }
        }
        return new BlockedAreas(areas, lines);
    }

    private static BlockedAreas.Area ring(String name, JsonArray ring) {
        double[] lon = new double[ring.size()];
        double[] lat = new double[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            lon[i] = num(ring.getJsonArray(i), 0);
            lat[i] = num(ring.getJsonArray(i), 1);
        }
        return new BlockedAreas.Area(name, lon, lat);
    }

    private static void along(JsonArray line, List<RoadNetwork.Point> out) {
        for (int i = 0; i < line.size(); i++) {
            double lon = num(line.getJsonArray(i), 0);
            double lat = num(line.getJsonArray(i), 1);
            out.add(new RoadNetwork.Point(lon, lat));
            if (i + 1 < line.size()) {
                double lon2 = num(line.getJsonArray(i + 1), 0);
                double lat2 = num(line.getJsonArray(i + 1), 1);
                int steps = (int) (Geo.metres(lon, lat, lon2, lat2) / 500);
                for (int s = 1; s < steps; s++) {
                    double f = s / (double) steps;
                    out.add(new RoadNetwork.Point(lon + f * (lon2 - lon), lat + f * (lat2 - lat)));
                }
            }
        }
    }

    private static double num(JsonArray a, int i) {
        JsonValue v = a.get(i);
        return ((jakarta.json.JsonNumber) v).doubleValue();
    }
}
