package org.reliefchain.planner.road;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.reliefchain.planner.scenario.Geo;
import org.reliefchain.planner.scenario.ZhejiangData;
import org.reliefchain.planner.scenario.ZhejiangData.Division;
import org.reliefchain.planner.scenario.ZhejiangGeography;

/**
 * Writes a <b>synthetic</b> road network of Zhejiang as an OSM XML file (.osm.gz) from the project's
 * division data, for GraphHopper to load like any OSM extract. Deterministic: the same data give the
 * same file, byte for byte.
 *
 * <ul>
 *   <li>motorway between each city seat and its three nearest city seats;</li>
 *   <li>trunk between each county seat and its three nearest county seats;</li>
 *   <li>secondary from each township to its county seat and its two nearest townships in the county;</li>
 *   <li>unclassified from each village to its township and to its nearest village in the township;</li>
 *   <li>slower speed limits in mountain counties;</li>
 *   <li>islands joined to the mainland only where a fixed link exists (Zhoushan-Ningbo bridges,
 *       Zhoushan-Daishan bridge, Dongtou bridge, Yuhuan); the Shengsi islands keep their own roads and
 *       are reached by boat or helicopter.</li>
 * </ul>
 * Positions below county level are the synthetic ones of divisions.csv. Ways are straight between
 * their two ends; a real extract clipped to Zhejiang goes through the same loader (planner/README.md).
 */
public final class SyntheticRoadGenerator {

    /** What was written. */
    public record Stats(int nodes, int ways, double km) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "synthetic road network: %,d nodes, %,d ways, %,.0f km", nodes, ways, km);
        }
    }

    private record Way(long from, long to, String highway, int maxspeed) {
    }

    private SyntheticRoadGenerator() {
    }

    public static Stats write(ZhejiangData data, Path file) throws IOException {
        List<Division> counties = data.level("COUNTY");
        List<Division> townships = data.level("TOWNSHIP");
        List<Division> villages = data.level("VILLAGE");
        Map<String, Long> nodeOf = new HashMap<>();
        List<Division> nodes = new ArrayList<>();
        for (List<Division> level : List.of(counties, townships, villages)) {
            for (Division d : level) {
                nodeOf.put(d.code(), (long) nodes.size() + 1);
                nodes.add(d);
            }
        }
        Map<String, Division> byCode = new HashMap<>();
        data.divisions().forEach(d -> byCode.put(d.code(), d));
        Map<Long, Way> ways = new java.util.LinkedHashMap<>();

        // Motorways between city seats: a city's seat is the county at its centre.
        List<Division> citySeats = new ArrayList<>();
        for (Division city : data.level("CITY")) {
            counties.stream().filter(c -> c.parent().equals(city.code()))
                    .min(Comparator.comparingDouble(c -> metres(c, city))).ifPresent(citySeats::add);
        }
        link(citySeats, 3, "motorway", c -> 110, nodeOf, ways);
        // Trunk roads between neighbouring county seats.
        link(counties, 3, "trunk", c -> ZhejiangGeography.MOUNTAIN_COUNTIES.contains(c) ? 60 : 80, nodeOf, ways);
        // Fixed links always exist, whatever the nearest-neighbour rule chose.
        for (String pair : ZhejiangGeography.FIXED_LINKS) {
            String[] p = pair.split("-");
            add(ways, nodeOf.get(p[0]), nodeOf.get(p[1]), "trunk", 80);
        }
        // Townships: to their county seat and their two nearest neighbours in the county.
        Map<String, List<Division>> townshipsByCounty = group(townships);
        for (Map.Entry<String, List<Division>> e : townshipsByCounty.entrySet()) {
            int speed = ZhejiangGeography.MOUNTAIN_COUNTIES.contains(e.getKey()) ? 40 : 60;
            for (Division t : e.getValue()) {
                add(ways, nodeOf.get(t.code()), nodeOf.get(e.getKey()), "secondary", speed);
            }
            link(e.getValue(), 2, "secondary", c -> speed, nodeOf, ways);
        }
        // Villages: to their township and their nearest village in the township.
        Map<String, List<Division>> villagesByTownship = group(villages);
        for (Map.Entry<String, List<Division>> e : villagesByTownship.entrySet()) {
            String county = e.getKey().substring(0, 6);
            int speed = ZhejiangGeography.MOUNTAIN_COUNTIES.contains(county) ? 25 : 40;
            for (Division v : e.getValue()) {
                add(ways, nodeOf.get(v.code()), nodeOf.get(e.getKey()), "unclassified", speed);
            }
            link(e.getValue(), 1, "unclassified", c -> speed, nodeOf, ways);
        }

        Files.createDirectories(file.toAbsolutePath().getParent());
        double km = 0;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8))) {
            w.write("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"reliefchain"
                    + " SyntheticRoadGenerator (synthetic, not surveyed)\">\n");
            for (int i = 0; i < nodes.size(); i++) {
                Division d = nodes.get(i);
                w.write(String.format(Locale.ROOT, " <node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>\n",
                        i + 1, d.lat(), d.lon()));
            }
            long id = 1;
            for (Way way : ways.values()) {
                km += metres(nodes.get((int) way.from() - 1), nodes.get((int) way.to() - 1)) / 1000;
                w.write(String.format(Locale.ROOT, " <way id=\"%d\" version=\"1\"><nd ref=\"%d\"/><nd ref=\"%d\"/>"
                                + "<tag k=\"highway\" v=\"%s\"/><tag k=\"maxspeed\" v=\"%d\"/></way>\n",
                        id++, way.from(), way.to(), way.highway(), way.maxspeed()));
            }
            w.write("</osm>\n");
        }
        return new Stats(nodes.size(), ways.size(), km);
    }

    /** Counts what an already written file holds (nodes, ways, km), reading it back. */
    public static Stats stats(Path file) throws IOException {
        java.util.Map<Long, double[]> nodes = new HashMap<>();
        int ways = 0;
        double km = 0;
        java.util.regex.Pattern node = java.util.regex.Pattern.compile("<node id=\"(\\d+)\" version=\"1\" lat=\"([-0-9.]+)\" lon=\"([-0-9.]+)\"");
        java.util.regex.Pattern way = java.util.regex.Pattern.compile("<nd ref=\"(\\d+)\"/><nd ref=\"(\\d+)\"/>");
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                java.util.regex.Matcher m = node.matcher(line);
                if (m.find()) {
                    nodes.put(Long.parseLong(m.group(1)), new double[] {Double.parseDouble(m.group(3)),
                            Double.parseDouble(m.group(2))});
                    continue;
                }
                m = way.matcher(line);
                if (m.find()) {
                    double[] a = nodes.get(Long.parseLong(m.group(1)));
                    double[] b = nodes.get(Long.parseLong(m.group(2)));
                    km += Geo.metres(a[0], a[1], b[0], b[1]) / 1000;
                    ways++;
                }
            }
        }
        return new Stats(nodes.size(), ways, km);
    }

    /** Joins each place to its k nearest others that a road may join it to (islands only by fixed links). */
    private static void link(List<Division> places, int k, String highway,
                             java.util.function.ToIntFunction<String> speedOfCounty, Map<String, Long> nodeOf,
                             Map<Long, Way> ways) {
        for (Division a : places) {
            places.stream().filter(b -> b != a && roadMayJoin(a, b))
                    .sorted(Comparator.comparingDouble((Division b) -> metres(a, b)).thenComparing(Division::code))
                    .limit(k)
                    .forEach(b -> add(ways, nodeOf.get(a.code()), nodeOf.get(b.code()), highway,
                            speedOfCounty.applyAsInt(a.code().substring(0, 6))));
        }
    }

    static boolean roadMayJoin(Division a, Division b) {
        String ca = a.code().substring(0, 6);
        String cb = b.code().substring(0, 6);
        if (ca.equals(cb)) {
            return true;
        }
        boolean islandA = ZhejiangGeography.ISLAND_COUNTIES.contains(ca);
        boolean islandB = ZhejiangGeography.ISLAND_COUNTIES.contains(cb);
        if (!islandA && !islandB) {
            return true;
        }
        return ZhejiangGeography.FIXED_LINKS.contains(ca + "-" + cb) || ZhejiangGeography.FIXED_LINKS.contains(cb + "-" + ca);
    }

    private static void add(Map<Long, Way> ways, long a, long b, String highway, int speed) {
        if (a == b) {
            return;
        }
        long from = Math.min(a, b);
        long to = Math.max(a, b);
        // One road per pair of places: the first rule that joins them (the higher road class) keeps it.
        ways.putIfAbsent(from * 1_000_000L + to, new Way(from, to, highway, speed));
    }

    private static Map<String, List<Division>> group(List<Division> list) {
        Map<String, List<Division>> groups = new java.util.TreeMap<>();
        for (Division d : list) {
            groups.computeIfAbsent(d.parent(), p -> new ArrayList<>()).add(d);
        }
        return groups;
    }

    private static double metres(Division a, Division b) {
        return Geo.metres(a.lon(), a.lat(), b.lon(), b.lat());
    }
}
