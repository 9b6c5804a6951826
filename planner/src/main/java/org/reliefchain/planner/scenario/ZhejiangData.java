package org.reliefchain.planner.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's Zhejiang data files (data/zhejiang): the division tree with positions, ports and
 * helicopter bases. Positions marked SYNTHETIC or APPROXIMATE say so in {@code positionSource}.
 */
public record ZhejiangData(List<Division> divisions, List<Base> ports, List<Base> airBases) {

    /** A division with its position; population is empty (0) below county level. */
    public record Division(String code, String parent, String level, String name, long population, double lon,
                           double lat, String positionSource) {
    }

    /** A port or helicopter base; {@code approximate} when the position stands in for a missing one. */
    public record Base(String name, String county, double lon, double lat, boolean approximate) {
    }

    public static ZhejiangData read(Path dir) throws IOException {
        List<Division> divisions = new ArrayList<>();
        Map<String, Division> byCode = new HashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("divisions.csv"))) {
            Division d = new Division(r.get("code"), r.get("parent_code"), r.get("level"), r.get("name_zh"),
                    r.get("population").isEmpty() ? 0 : Long.parseLong(r.get("population")),
                    Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")), r.get("position_source"));
            divisions.add(d);
            byCode.put(d.code(), d);
        }
        List<Base> ports = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("ports.csv"))) {
            String county = r.getOrDefault("county_code", "");
            if (!r.get("lat").isEmpty()) {
                ports.add(new Base(r.get("name"), county, Double.parseDouble(r.get("lon")),
                        Double.parseDouble(r.get("lat")), false));
            } else if (byCode.containsKey(county)) {
                // No published coordinates: the county seat stands in, flagged (see planner/README.md).
                Division seat = byCode.get(county);
                ports.add(new Base(r.get("name"), county, seat.lon(), seat.lat(), true));
            }
        }
        List<Base> air = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("airports_heliports.csv"))) {
            if (!r.get("lat").isEmpty() && !r.get("lon").isEmpty()) {
                double lon = Double.parseDouble(r.get("lon"));
                double lat = Double.parseDouble(r.get("lat"));
                if (lat > 27 && lat < 31.3 && lon > 118 && lon < 123.2) { // inside Zhejiang's box (one row is Shanghai)
                    air.add(new Base(r.get("name"), "", lon, lat, false));
                }
            }
        }
        return new ZhejiangData(divisions, ports, air);
    }

    public List<Division> level(String level) {
        return divisions.stream().filter(d -> d.level().equals(level)).toList();
    }
}
