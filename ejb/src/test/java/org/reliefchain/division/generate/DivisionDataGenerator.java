package org.reliefchain.division.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes {@code data/zhejiang/divisions.csv}, the one division file the product loads, from the public
 * source files in {@code data/zhejiang/source}.
 *
 * <p>Townships and villages have no public coordinates, so they get synthetic positions: townships
 * uniformly inside their county's polygon, villages scattered around their township and still inside
 * the county. Every county has its own {@link Random} seeded from {@link #SEED} and its code, so the file is
 * identical on every run and a change to one county never moves points of another. Rows say
 * {@code SYNTHETIC} in {@code position_source}.
 *
 * <p>The polygons are 2015-era; {@link #POLYGONS_OF} maps current counties onto them. Where one old
 * polygon is now shared by several counties, a point belongs to the county whose centre is nearest
 * (a Voronoi split of the old area).
 *
 * <p>Run: {@code mvn -pl ejb test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.reliefchain.division.generate.DivisionDataGenerator -Dexec.args="../data/zhejiang"}
 */
public final class DivisionDataGenerator {

    static final long SEED = 20190810L; // Typhoon Lekima's landfall date: any fixed number would do

    /** Current county code to the 2015 polygons that cover it. Counties not listed use their own code. */
    private static final Map<String, List<String>> POLYGONS_OF = Map.of(
            "330102", List.of("330102", "330104"),
            "330105", List.of("330103", "330105"),
            "330113", List.of("330110"),
            "330114", List.of("330104", "330109"),
            "330112", List.of("330185"),
            "330213", List.of("330283"),
            "331083", List.of("331021"),
            "330383", List.of("330327"));

    /**
     * Seats whose polygon centre is wrong for the current county: approximations from the data README
     * (临平, 钱塘, 龙港) and the new 余杭 seat at 仓前 after the 2021 split.
     */
    private static final Map<String, double[]> APPROXIMATE_SEATS = Map.of(
            "330113", new double[] {120.30, 30.42},
            "330114", new double[] {120.49, 30.30},
            "330383", new double[] {120.55, 27.58},
            "330110", new double[] {119.99, 30.29});

    /** Where each city's government sits (its seat district), used as the city's and province's position. */
    private static final Map<String, String> CITY_SEATS = Map.ofEntries(
            Map.entry("33", "330102"),
            Map.entry("3301", "330102"), Map.entry("3302", "330212"), Map.entry("3303", "330302"),
            Map.entry("3304", "330402"), Map.entry("3305", "330502"), Map.entry("3306", "330602"),
            Map.entry("3307", "330702"), Map.entry("3308", "330802"), Map.entry("3309", "330902"),
            Map.entry("3310", "331002"), Map.entry("3311", "331102"));

    record Row(String code, String parent, String level, String nameZh, String nameEn, Long population,
               double lon, double lat, String positionSource) {
    }

    private final Path sourceDir;
    private final EnglishNames english = new EnglishNames();

    DivisionDataGenerator(Path sourceDir) {
        this.sourceDir = sourceDir;
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data/zhejiang");
        List<Row> rows = new DivisionDataGenerator(dataDir.resolve("source")).generate();
        Path out = dataDir.resolve("divisions.csv");
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(rows, w);
        }
        System.out.printf("wrote %d divisions to %s%n", rows.size(), out);
    }

    List<Row> generate() throws IOException {
        Map<String, Region> polygons = readPolygons();
        Map<String, double[]> polygonCentres = readPolygonCentres();
        Map<String, Long> population = readPopulation();
        List<String[]> cities = readCsv("divisions-city.csv");
        List<String[]> counties = readCsv("divisions-county.csv");
        List<String[]> townships = readCsv("divisions-township.csv");
        List<String[]> villages = readCsv("divisions-village.csv");

        Map<String, double[]> seats = new LinkedHashMap<>();
        for (String[] county : counties) {
            String code = county[0];
            double[] seat = APPROXIMATE_SEATS.get(code);
            seats.put(code, seat != null ? seat : polygonCentres.get(polygonsOf(code).get(0)));
        }

        Map<String, List<String[]>> townshipsOf = groupByParent(townships);
        Map<String, List<String[]>> villagesOf = groupByParent(villages);

        List<Row> provinceAndCities = new ArrayList<>();
        List<Row> countyRows = new ArrayList<>();
        List<Row> townshipRows = new ArrayList<>();
        List<Row> villageRows = new ArrayList<>();
        Map<String, Long> cityPopulation = new HashMap<>();
        for (String[] county : counties) {
            String code = county[0];
            Long pop = population.get(code);
            cityPopulation.merge(county[2], pop, Long::sum);
            double[] seat = seats.get(code);
            String source = APPROXIMATE_SEATS.containsKey(code) ? "APPROXIMATE" : "OFFICIAL_CENTRE";
            countyRows.add(row(code, county[2], "COUNTY", county[1], pop, seat, source));
            CountyScatter scatter = new CountyScatter(code, regionOf(code, polygons), seats);
            List<String[]> ownTownships = townshipsOf.getOrDefault(code, List.of());
            for (String[] township : ownTownships) {
                double[] p = scatter.township();
                townshipRows.add(row(township[0], code, "TOWNSHIP", township[1], null, p, "SYNTHETIC"));
                for (String[] village : villagesOf.getOrDefault(township[0], List.of())) {
                    double[] v = scatter.village(p, ownTownships.size());
                    villageRows.add(row(village[0], township[0], "VILLAGE", village[1], null, v, "SYNTHETIC"));
                }
            }
        }
        long provincePopulation = cityPopulation.values().stream().mapToLong(Long::longValue).sum();
        provinceAndCities.add(row("33", "", "PROVINCE", "浙江省", provincePopulation, seats.get(CITY_SEATS.get("33")),
                "OFFICIAL_CENTRE"));
        for (String[] city : cities) {
            provinceAndCities.add(row(city[0], "33", "CITY", city[1], cityPopulation.get(city[0]),
                    seats.get(CITY_SEATS.get(city[0])), "OFFICIAL_CENTRE"));
        }
        List<Row> all = new ArrayList<>(provinceAndCities);
        all.addAll(countyRows);
        all.addAll(townshipRows);
        all.addAll(villageRows);
        return all;
    }

    /** The area of a current county: its old polygons (CountyScatter cuts shared ones by nearest seat). */
    private static Region regionOf(String code, Map<String, Region> polygons) {
        Region region = new Region();
        for (String polygonCode : polygonsOf(code)) {
            polygons.get(polygonCode).polygons().forEach(region::add);
        }
        return region;
    }

    private static List<String> polygonsOf(String countyCode) {
        return POLYGONS_OF.getOrDefault(countyCode, List.of(countyCode));
    }

    /** Current counties that share an old polygon, so that a sampled point can be given to the nearest seat. */
    static List<String> sharersOf(String polygonCode, List<String> counties) {
        List<String> sharers = new ArrayList<>();
        for (String county : counties) {
            if (polygonsOf(county).contains(polygonCode)) {
                sharers.add(county);
            }
        }
        return sharers;
    }

    /** Deterministic point sampling for one county. */
    private static final class CountyScatter {
        private final String county;
        private final Region region;
        private final Map<String, double[]> seats;
        private final List<String> rivals = new ArrayList<>();
        private final Random random;
        private final double areaKm2;

        CountyScatter(String county, Region region, Map<String, double[]> seats) {
            this.county = county;
            this.region = region;
            this.seats = seats;
            this.random = new Random(SEED ^ Long.parseLong(county));
            this.areaKm2 = region.areaKm2();
            for (String polygon : polygonsOf(county)) {
                for (String other : sharersOf(polygon, List.copyOf(seats.keySet()))) {
                    if (!other.equals(county) && !rivals.contains(other)) {
                        rivals.add(other);
                    }
                }
            }
        }

        double[] township() {
            for (int attempt = 0; attempt < 100_000; attempt++) {
                double lon = region.minLon() + random.nextDouble() * (region.maxLon() - region.minLon());
                double lat = region.minLat() + random.nextDouble() * (region.maxLat() - region.minLat());
                if (belongs(lon, lat)) {
                    return new double[] {lon, lat};
                }
            }
            throw new IllegalStateException("no point found inside county " + county);
        }

        /** Villages cluster around their township, spread like the township's share of the county. */
        double[] village(double[] township, int townshipCount) {
            double sigmaKm = 0.5 * Math.sqrt(areaKm2 / Math.max(1, townshipCount));
            double sigmaLat = sigmaKm / 111.32;
            double sigmaLon = sigmaKm / (111.32 * Math.cos(Math.toRadians(township[1])));
            for (int attempt = 0; attempt < 200; attempt++) {
                double lon = township[0] + random.nextGaussian() * sigmaLon;
                double lat = township[1] + random.nextGaussian() * sigmaLat;
                if (belongs(lon, lat)) {
                    return new double[] {lon, lat};
                }
            }
            return township;
        }

        private boolean belongs(double lon, double lat) {
            if (!region.contains(lon, lat)) {
                return false;
            }
            double own = distance2(seats.get(county), lon, lat);
            for (String rival : rivals) {
                if (distance2(seats.get(rival), lon, lat) < own) {
                    return false;
                }
            }
            return true;
        }

        private static double distance2(double[] seat, double lon, double lat) {
            double dx = (seat[0] - lon) * Math.cos(Math.toRadians(lat));
            double dy = seat[1] - lat;
            return dx * dx + dy * dy;
        }
    }

    private Row row(String code, String parent, String level, String nameZh, Long population, double[] p,
                    String positionSource) {
        return new Row(code, parent, level, nameZh, english.of(nameZh), population, round(p[0]), round(p[1]),
                positionSource);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    static void write(List<Row> rows, Appendable out) throws IOException {
        out.append("code,parent_code,level,name_zh,name_en,population,lon,lat,position_source\n");
        for (Row r : rows) {
            out.append(r.code()).append(',').append(r.parent()).append(',').append(r.level()).append(',')
                    .append(r.nameZh()).append(',').append(quote(r.nameEn())).append(',')
                    .append(r.population() == null ? "" : r.population().toString()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", r.lon())).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", r.lat())).append(',')
                    .append(r.positionSource()).append('\n');
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private Map<String, List<String[]>> groupByParent(List<String[]> rows) {
        Map<String, List<String[]>> byParent = new LinkedHashMap<>();
        for (String[] r : rows) {
            byParent.computeIfAbsent(r[2], k -> new ArrayList<>()).add(r);
        }
        return byParent;
    }

    /** The division CSVs are plain: code,name,parent_code with no quoted fields. */
    private List<String[]> readCsv(String file) throws IOException {
        List<String> lines = Files.readAllLines(sourceDir.resolve(file), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] f = line.split(",", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(file + ": unexpected line " + line);
                }
                rows.add(f);
            }
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        return rows;
    }

    /** county_population.csv has quoted fields after the first three plain ones. */
    private Map<String, Long> readPopulation() throws IOException {
        Map<String, Long> population = new HashMap<>();
        List<String> lines = Files.readAllLines(sourceDir.resolve("county_population.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 4);
            population.put(f[0], Long.parseLong(f[2]));
        }
        return population;
    }

    private JsonNode geojson() throws IOException {
        return new ObjectMapper().readTree(sourceDir.resolve("counties-boundaries.geojson").toFile());
    }

    private Map<String, double[]> readPolygonCentres() throws IOException {
        Map<String, double[]> centres = new HashMap<>();
        for (JsonNode feature : geojson().get("features")) {
            JsonNode c = feature.get("properties").get("center");
            centres.put(feature.get("properties").get("code").asText(), new double[] {c.get(0).asDouble(),
                    c.get(1).asDouble()});
        }
        return centres;
    }

    private Map<String, Region> readPolygons() throws IOException {
        Map<String, Region> regions = new HashMap<>();
        for (JsonNode feature : geojson().get("features")) {
            Region region = new Region();
            JsonNode geometry = feature.get("geometry");
            JsonNode coordinates = geometry.get("coordinates");
            if ("Polygon".equals(geometry.get("type").asText())) {
                region.add(polygon(coordinates));
            } else {
                for (JsonNode p : coordinates) {
                    region.add(polygon(p));
                }
            }
            regions.put(feature.get("properties").get("code").asText(), region);
        }
        return regions;
    }

    private static Region.Polygon polygon(JsonNode rings) {
        List<double[][]> out = new ArrayList<>();
        for (JsonNode ring : rings) {
            double[][] points = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            out.add(points);
        }
        return new Region.Polygon(out);
    }
}
