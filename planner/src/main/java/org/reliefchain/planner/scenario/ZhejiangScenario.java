package org.reliefchain.planner.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;
import org.reliefchain.planner.air.AirNetwork;
import org.reliefchain.planner.road.BlockedAreas;
import org.reliefchain.planner.road.RoadNetwork;
import org.reliefchain.planner.sea.SeaNetwork;
import org.reliefchain.planner.scenario.ZhejiangData.Base;
import org.reliefchain.planner.scenario.ZhejiangData.Division;

/**
 * A Lekima-like typhoon scenario over the whole province, different for every seed: landfall at
 * Wenling, affected villages drawn from the counties the 2019 typhoon hit (data/zhejiang/
 * typhoon_lekima_2019.csv), more of them near landfall; flooded areas that cut villages off from the
 * roads; ports whose sea lanes stay closed for the first hours; county, city and province reserve
 * depots with trucks, ports with boats, air bases with helicopters.
 *
 * <p>Synthetic, and says so: village positions and populations are generated (the public data has
 * none), the affected share and the stock are drawn, and travel uses {@link StraightLineNetwork}
 * until the road and sea networks exist. Times are seconds from the incident start.
 */
public final class ZhejiangScenario {

    public static final long HOUR = 3600;
    /** Basic-living relief must reach every affected person within ten hours. */
    public static final long DEADLINE = 10 * HOUR;
    /** Wenling, Chengnan town coast (approximate). */
    static final double LANDFALL_LON = 121.42;
    static final double LANDFALL_LAT = 28.28;
    /** Largest delivery one stop takes, so that any vehicle (a helicopter carries 1.5 t) can make it. */
    static final long CHUNK_KG = 1000;

    /** What one person needs for the first day: kg and litres of packed volume. */
    public record Need(String material, double kg, double litres) {
    }

    public static final List<Need> NEEDS = List.of(
            new Need("WATER", 3.0, 3.2),         // drinking water, Sphere survival intake
            new Need("FOOD", 0.6, 1.5),          // instant food, about 2,100 kcal
            new Need("KIT", 1.5, 7.0));          // family kit (quilt, hygiene) per three people, per person share

    /** Where temporary helicopter landing points go first: mountain and island counties. */
    private static final Set<String> LANDING_FAVOURED = union(ZhejiangGeography.MOUNTAIN_COUNTIES,
            ZhejiangGeography.ISLAND_COUNTIES);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    public record Area(double lon, double lat, double radiusMetres) {
        boolean contains(double lon2, double lat2) {
            return Geo.metres(lon, lat, lon2, lat2) <= radiusMetres;
        }
    }

    public record Scenario(String name, long seed, ReliefPlan plan, List<Area> flooded, List<String> closedPorts,
                           long affectedPeople, String summary) {
    }

    private final ZhejiangData data;
    private final Random random;
    private final long seed;
    private final Map<String, Division> divisions = new HashMap<>();

    private ZhejiangScenario(ZhejiangData data, long seed) {
        this.data = data;
        this.seed = seed;
        this.random = new Random(seed);
        data.divisions().forEach(d -> divisions.put(d.code(), d));
    }

    /** With straight-line travel for trucks (tests, quick runs). */
    public static Scenario generate(Path dataDir, long seed, int points) throws IOException {
        return generate(dataDir, seed, points, null);
    }

    /**
     * With trucks on the road network when {@code roads} is given: truck times come from its truck
     * profile around the flooded areas (a matrix over all depots and demand points).
     */
    public static Scenario generate(Path dataDir, long seed, int points, RoadNetwork roads) throws IOException {
        return generate(dataDir, seed, points, roads, true);
    }

    /**
     * @param prepositioned whether the province moved stock, requisitioned trucks and rescue boats into the forecast
     *                      landfall area before landfall ({@link #PREPOSITION_FACTOR} x within
     *                      {@link #PREPOSITION_METRES} of landfall), as it does when a typhoon is
     *                      forecast; without, only the standing reserves and their trucks
     */
    public static Scenario generate(Path dataDir, long seed, int points, RoadNetwork roads, boolean prepositioned)
            throws IOException {
        ZhejiangData data = ZhejiangData.read(dataDir);
        Set<String> hit = affectedCounties(dataDir.resolve("typhoon_lekima_2019.csv"), data);
        ZhejiangScenario s = new ZhejiangScenario(data, seed);
        s.roads = roads;
        s.prepositioned = prepositioned;
        return s.build(hit, points);
    }

    /** Stock and trucks at depots near the forecast landfall are multiplied by this when pre-positioned. */
    public static final int PREPOSITION_FACTOR = 4;
    public static final double PREPOSITION_METRES = 120_000;

    private RoadNetwork roads;
    private boolean prepositioned;

    private int preposition(Location at) {
        return prepositioned && Geo.metres(at.lon(), at.lat(), LANDFALL_LON, LANDFALL_LAT) < PREPOSITION_METRES
                ? PREPOSITION_FACTOR : 1;
    }

    /** Counties named in the typhoon file; a city named there stands for all its counties. */
    static Set<String> affectedCounties(Path typhoonCsv, ZhejiangData data) throws IOException {
        Set<String> codes = new HashSet<>();
        for (Map<String, String> r : Csv.read(typhoonCsv)) {
            codes.add(r.get("area_code"));
        }
        Set<String> counties = new HashSet<>();
        for (Division d : data.level("COUNTY")) {
            if (codes.contains(d.code()) || codes.contains(d.parent() + "00")) {
                counties.add(d.code());
            }
        }
        return counties;
    }

    private Scenario build(Set<String> hitCounties, int wanted) {
        List<Location> locations = new ArrayList<>();
        List<Depot> depots = new ArrayList<>();
        List<Vehicle> vehicles = new ArrayList<>();
        Map<Integer, String> countyOf = new HashMap<>();

        // Depots: province, cities and counties hold stock for trucks.
        List<Division> reserves = new ArrayList<>();
        reserves.addAll(data.level("PROVINCE"));
        reserves.addAll(data.level("CITY"));
        reserves.addAll(data.level("COUNTY"));
        for (Division d : reserves) {
            Location at = new Location(locations.size(), d.name(), d.lon(), d.lat());
            locations.add(at);
            countyOf.put(at.index(), d.level().equals("COUNTY") ? d.code() : "");
            long peopleStocked = Math.round(d.population() * (d.level().equals("PROVINCE") ? 0.002 : 0.01)
                    * (0.5 + random.nextDouble())) * preposition(at);
            Depot depot = new Depot("D-" + d.code(), at, stock(peopleStocked), EnumSet.of(Mode.TRUCK));
            depots.add(depot);
        }
        // Ports and air bases: boats and helicopters load relief staged there before landfall.
        List<String> closed = new ArrayList<>();
        Map<Depot, Long> portReopens = new HashMap<>();
        List<Base> nearPorts = data.ports().stream()
                .filter(p -> Geo.metres(p.lon(), p.lat(), LANDFALL_LON, LANDFALL_LAT) < 250_000).toList();
        for (Base p : data.ports()) {
            Location at = new Location(locations.size(), p.name() + (p.approximate() ? " (approx.)" : ""), p.lon(), p.lat());
            locations.add(at);
            countyOf.put(at.index(), p.county());
            Depot port = new Depot("P-" + depots.size(), at, stock(20_000), EnumSet.of(Mode.BOAT));
            depots.add(port);
            boolean near = nearPorts.contains(p);
            if (near && random.nextDouble() < 0.25) {
                closed.add(p.name());
                portReopens.put(port, (4 + random.nextInt(3)) * HOUR); // sea state above the limit until then
            }
        }
        List<Depot> airBases = new ArrayList<>();
        for (Base b : data.airBases()) {
            Location at = new Location(locations.size(), b.name(), b.lon(), b.lat());
            locations.add(at);
            countyOf.put(at.index(), "");
            Depot base = new Depot("A-" + depots.size(), at, stock(20_000), EnumSet.of(Mode.HELICOPTER));
            depots.add(base);
            airBases.add(base);
        }

        // Harbours: the ports, and a landing point at every island township.
        List<SeaNetwork.Harbour> harbours = new ArrayList<>();
        data.ports().forEach(p -> harbours.add(new SeaNetwork.Harbour(p.name(), p.lon(), p.lat(), p.approximate())));
        data.level("TOWNSHIP").stream().filter(t -> ZhejiangGeography.ISLAND_COUNTIES.contains(t.parent()))
                .forEach(t -> harbours.add(new SeaNetwork.Harbour("landing point " + t.name(), t.lon(), t.lat(), true)));

        // Air: temporary landing points (mountain and island townships first) and the storm's core, where
        // nothing flies during the planning window.
        List<Location> landingPoints = AirNetwork.landingPoints(data, 300, LANDING_FAVOURED);
        BlockedAreas noFly = new BlockedAreas(List.of(BlockedAreas.Area.circle("storm core", LANDFALL_LON, LANDFALL_LAT,
                8_000 + random.nextInt(8_000))), List.of());
        Map<Integer, Location> landingOf = new HashMap<>();
        airBases.forEach(b -> landingOf.put(b.location().index(), b.location()));

        // Demand: villages of the hit counties, more of them near landfall.
        List<Division> candidates = data.level("VILLAGE").stream()
                .filter(v -> hitCounties.contains(v.code().substring(0, 6))).toList();
        Map<String, Integer> villagesPerCounty = new HashMap<>();
        data.level("VILLAGE").forEach(v -> villagesPerCounty.merge(v.code().substring(0, 6), 1, Integer::sum));
        List<Division> chosen = sampleNearLandfall(candidates, Math.min(wanted, candidates.size()));
        List<Area> flooded = floodedAreas(chosen);

        List<DemandPoint> points = new ArrayList<>();
        Map<DemandPoint, Long> peopleOf = new HashMap<>();
        Set<Integer> truckless = new HashSet<>();
        Set<Integer> boatable = new HashSet<>();
        long affected = 0;
        for (Division v : chosen) {
            String county = v.code().substring(0, 6);
            Division c = divisions.get(county);
            long population = Math.max(50, Math.round(c.population() / (double) villagesPerCounty.get(county)
                    * Math.exp(0.5 * random.nextGaussian())));
            long people = Math.max(10, Math.round(population * (0.08 + 0.12 * random.nextDouble())));
            Location at = new Location(locations.size(), v.name(), v.lon(), v.lat());
            locations.add(at);
            countyOf.put(at.index(), county);
            boolean underWater = flooded.stream().anyMatch(a -> a.contains(v.lon(), v.lat()));
            boolean island = ZhejiangGeography.NO_FIXED_LINK.contains(county);
            EnumSet<Mode> modes = EnumSet.noneOf(Mode.class);
            Location landing = AirNetwork.landingFor(at, landingPoints);
            boolean inStormCore = noFly.areaAt(v.lon(), v.lat()) != null;
            if (landing != null && !inStormCore) {
                modes.add(Mode.HELICOPTER);
                landingOf.put(at.index(), landing);
            }
            if (!underWater && !island) {
                modes.add(Mode.TRUCK);
            } else {
                truckless.add(at.index());
            }
            boolean nearPort = harbours.stream().anyMatch(h -> Geo.metres(h.lon(), h.lat(), v.lon(), v.lat()) < 30_000);
            if ((underWater || island) && nearPort) {
                modes.add(Mode.BOAT);
                boatable.add(at.index());
            }
            DemandPoint point = new DemandPoint(v.code(), v.name(), at, people, modes.contains(Mode.TRUCK) ? 1 : 2, modes);
            points.add(point);
            peopleOf.put(point, people);
            affected += people;
        }

        // Networks.
        int portFrom = data.level("PROVINCE").size() + data.level("CITY").size() + data.level("COUNTY").size();
        int portTo = portFrom + data.ports().size();
        java.util.function.IntPredicate truckCanUse =
                i -> !truckless.contains(i) && !(i >= portFrom && i < portTo && ZhejiangGeography.NO_FIXED_LINK.contains(countyOf.get(i)));
        TravelMatrix road = roads == null
                ? StraightLineNetwork.matrix("road (straight-line stand-in)", locations, 1.35,
                        i -> ZhejiangGeography.MOUNTAIN_COUNTIES.contains(countyOf.get(i)) ? 35 : 55, truckCanUse)
                : roadMatrix(locations, flooded, truckCanUse);
        // Sea lanes between ports and island landing points. Near the landfall coast the sea state closes
        // them (wind above force 8) until the storm has weakened enough: hourly readings of a forecast
        // falling off over 40 km from landfall and calming with an e-folding time of 12 hours.
        double peakWind = 30 + 10 * random.nextDouble();
        SeaNetwork seaLanes = SeaNetwork.build(harbours, 80_000, SeaNetwork.LaneRule.windBelow(GALE_MS,
                (lon, lat, t) -> peakWind * Math.exp(-Geo.metres(lon, lat, LANDFALL_LON, LANDFALL_LAT) / 40_000)
                        * Math.exp(-t / (double) STORM_CALMING),
                HOUR, FORECAST_HOURS * HOUR));
        TravelMatrix sea = seaLanes.matrix("sea lanes (harbour graph, lanes closed while the storm lasts)", locations, 22, 30_000,
                i -> (i >= portFrom && i < portTo) || boatable.contains(i));
        TravelMatrix air = AirNetwork.matrix("air (straight legs via landing points, around the storm core)", locations,
                landingOf::get, 220, noFly);

        // Fleet.
        for (Depot d : depots) {
            double km = Geo.metres(d.location().lon(), d.location().lat(), LANDFALL_LON, LANDFALL_LAT) / 1000;
            if (d.modes().contains(Mode.TRUCK) && km < 220) {
                int trucks = (2 + (int) Math.round(10 * Math.exp(-km / 70))) * preposition(d.location());
                for (int i = 0; i < trucks; i++) {
                    long from = random.nextInt(90) * 60L; // mobilised within 90 minutes
                    vehicles.add(new Vehicle("T-" + d.id() + "-" + (i + 1), Mode.TRUCK, d, road, 8_000, 30_000, from,
                            from + 12 * HOUR, 6, 20 * 60, Long.MAX_VALUE / 4));
                }
            } else if (d.modes().contains(Mode.BOAT) && km < 250) {
                long from = portReopens.getOrDefault(d, 0L);
                // Rescue boats are moved to the forecast landfall coast with the trucks.
                int boats = 3 * preposition(d.location());
                for (int i = 0; i < boats; i++) {
                    vehicles.add(new Vehicle("B-" + d.id() + "-" + (i + 1), Mode.BOAT, d, sea, 3_000, 15_000, from,
                            from + 12 * HOUR, 4, 30 * 60, Long.MAX_VALUE / 4));
                }
            } else if (d.modes().contains(Mode.HELICOPTER) && km < 300) {
                for (int i = 0; i < 2; i++) {
                    long from = HOUR + random.nextInt(60) * 60L; // flying resumes after the storm's core passes
                    vehicles.add(new Vehicle("H-" + d.id() + "-" + (i + 1), Mode.HELICOPTER, d, air, 1_500, 8_000,
                            from, from + 10 * HOUR, 10, 15 * 60, 500_000));
                }
            }
        }
        vehicles.add(Vehicle.bucket(depots.get(0)));

        // Deliveries: per point and material, split so that one stop is at most CHUNK_KG.
        List<Visit> visits = new ArrayList<>();
        for (DemandPoint p : points) {
            long people = peopleOf.get(p);
            for (Need need : NEEDS) {
                long kg = (long) Math.ceil(people * need.kg());
                int chunks = (int) Math.max(1, (kg + CHUNK_KG - 1) / CHUNK_KG);
                for (int k = 0; k < chunks; k++) {
                    long share = people / chunks + (k < people % chunks ? 1 : 0);
                    visits.add(new Visit(p.id() + "-" + need.material() + "-" + (k + 1), p, need.material(), share,
                            (long) Math.ceil(share * need.kg()), (long) Math.ceil(share * need.litres()),
                            Math.max(1, share / NEEDS.size()), 10 * 60, 0, DEADLINE));
                }
            }
        }
        String name = "zhejiang-lekima-seed-" + seed;
        ReliefPlan plan = new ReliefPlan(name, 60, depots, vehicles, visits);
        String summary = String.format("%s: %d demand points (%d cut off from roads), %,d affected people, %d deliveries;"
                        + " %d depots%s; %d trucks, %d boats, %d helicopters; %d flooded areas; ports closed at first: %s; %d of %d sea lanes closed by the storm for a while (%d of them beyond the forecast's %d h);"
                        + " synthetic positions and populations, %s", name, points.size(),
                truckless.size(), affected, visits.size(), depots.size(),
                prepositioned ? " (stock, trucks and boats within 120 km of landfall x" + PREPOSITION_FACTOR + ", pre-positioned)" : "",
                vehicles.stream().filter(v -> v.getMode() == Mode.TRUCK).count(),
                vehicles.stream().filter(v -> v.getMode() == Mode.BOAT).count(),
                vehicles.stream().filter(v -> v.getMode() == Mode.HELICOPTER).count(), flooded.size(),
                closed.isEmpty() ? "none" : String.join("; ", closed), seaLanes.closedLanes().size(),
                seaLanes.lanes().size(), seaLanes.closedForGood().size(), FORECAST_HOURS,
                roads == null ? "straight-line travel" : "trucks on the synthetic road network, boats and helicopters on straight lines");
        return new Scenario(name, seed, plan, flooded, closed, affected, summary);
    }

    /** Wind above which boats stay off a lane (m/s, Beaufort force 8). */
    public static final double GALE_MS = 17.2;
    /** The e-folding time of the storm's wind at sea after landfall (seconds). */
    static final long STORM_CALMING = 12 * HOUR;
    /** How far ahead the wind forecast reads; a lane still closed then stays closed. */
    static final int FORECAST_HOURS = 24;

    /** How far a place may be from the road it is put on. */
    public static final double SNAP_METRES = 3_000;

    /** The flooded areas as road blocks, as the truck matrix sees them. */
    public static BlockedAreas floodBlocks(List<Area> flooded) {
        List<BlockedAreas.Area> areas = new ArrayList<>();
        for (int i = 0; i < flooded.size(); i++) {
            Area a = flooded.get(i);
            areas.add(BlockedAreas.Area.circle("flood " + (i + 1), a.lon(), a.lat(), a.radiusMetres()));
        }
        return new BlockedAreas(areas, List.of());
    }

    /** Truck times over the road network, around the flooded areas; places trucks cannot use are cut off. */
    private TravelMatrix roadMatrix(List<Location> locations, List<Area> flooded, java.util.function.IntPredicate usable) {
        List<RoadNetwork.Point> points = locations.stream().map(l -> new RoadNetwork.Point(l.lon(), l.lat())).toList();
        RoadNetwork.RoadMatrix m = roads.matrix(points, points, RoadNetwork.TRUCK, SNAP_METRES, floodBlocks(flooded));
        int n = locations.size();
        long[] time = new long[n * n];
        long[] metres = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean open = i == j || usable.test(i) && usable.test(j);
                time[i * n + j] = open ? m.seconds(i, j) : TravelMatrix.UNREACHABLE;
                metres[i * n + j] = open ? m.metres(i, j) : TravelMatrix.UNREACHABLE;
            }
        }
        return new TravelMatrix("road (synthetic network, truck profile, around floods)", n, time, metres);
    }

    private static Map<String, Long> stock(long people) {
        Map<String, Long> stock = new HashMap<>();
        for (Need need : NEEDS) {
            stock.put(need.material(), people);
        }
        return stock;
    }

    /** Weighted sampling without replacement (Efraimidis-Spirakis), weight falling with distance to landfall. */
    private List<Division> sampleNearLandfall(List<Division> candidates, int n) {
        record Keyed(Division d, double key) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (Division d : candidates) {
            double km = Geo.metres(d.lon(), d.lat(), LANDFALL_LON, LANDFALL_LAT) / 1000;
            double weight = Math.exp(-km / 60);
            keyed.add(new Keyed(d, Math.pow(random.nextDouble(), 1 / Math.max(weight, 1e-9))));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed());
        return keyed.subList(0, n).stream().map(Keyed::d).toList();
    }

    private List<Area> floodedAreas(List<Division> affected) {
        List<Area> areas = new ArrayList<>();
        int count = 5 + random.nextInt(5);
        for (int i = 0; i < count && !affected.isEmpty(); i++) {
            Division centre = affected.get(random.nextInt(Math.min(affected.size(), 300)));
            areas.add(new Area(centre.lon(), centre.lat(), 2_000 + random.nextInt(4_000)));
        }
        return areas;
    }
}
