package org.reliefchain.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reliefchain.stock.imports.ImportRow;
import org.reliefchain.stock.imports.SheetReader;

/**
 * Reads the public port and air-base files of data/zhejiang into places, flagging positions as the
 * sources give them (see data/zhejiang/ATTRIBUTION.md):
 * <ul>
 *   <li>a port with coordinates is PUBLISHED, or APPROXIMATE when its note says {@code APPROX} (a town
 *       point, not the terminal); a port without coordinates stands at its county's seat (COUNTY_SEAT),
 *       as the planner places it; a ferry between two counties belongs to the first one named;</li>
 *   <li>an air base needs coordinates inside Zhejiang (one rescue base is in Shanghai, two have no
 *       published site; the province adds them when it knows where); helipads are landing points, not
 *       bases; an air base belongs to the county whose seat is nearest, since the source names none.</li>
 * </ul>
 * Codes are {@code PT-}/{@code AB-}, the county and the row's order within the county in the file.
 */
public final class SourcePlaces {

    /** A county seat: where a port without coordinates is put, and what an air base is nearest to. */
    public record Seat(String county, double lon, double lat) {
    }

    /** One place as read from a source file, named in Chinese and English; {@code sourceName} as the file has it. */
    public record SourcePlace(String code, PlaceKind kind, String nameZh, String nameEn, String sourceName,
                              String county, double lon, double lat, PositionOrigin origin, AirKind airKind,
                              String serves, String note, String source) {
    }

    /** The two names of a place whose source name mixes both, keyed by that source name. */
    public record Names(String zh, String en) {
    }

    /** {@code place_names.csv}: source name -> its Chinese and English name. */
    public static Map<String, Names> names(byte[] csv) {
        Map<String, Names> names = new HashMap<>();
        for (ImportRow row : SheetReader.read(csv, false)) {
            names.put(cell(row, "source_name"), new Names(cell(row, "name_zh"), cell(row, "name_en")));
        }
        return names;
    }

    private SourcePlaces() {
    }

    public static List<SourcePlace> ports(byte[] csv, Map<String, Seat> seats, Map<String, Names> names) {
        List<SourcePlace> places = new ArrayList<>();
        Map<String, Integer> perCounty = new HashMap<>();
        for (ImportRow row : SheetReader.read(csv, false)) {
            String county = cell(row, "county_code");
            county = county == null ? null : county.split(";")[0].trim();
            Seat seat = county == null ? null : seats.get(county);
            if (seat == null) {
                continue;
            }
            String lat = cell(row, "lat");
            String lon = cell(row, "lon");
            String note = cell(row, "note");
            boolean located = lat != null && lon != null;
            PositionOrigin origin = !located ? PositionOrigin.COUNTY_SEAT
                    : note != null && note.startsWith("APPROX") ? PositionOrigin.APPROXIMATE : PositionOrigin.PUBLISHED;
            int n = perCounty.merge(county, 1, Integer::sum);
            Names name = named(cell(row, "name"), names);
            places.add(new SourcePlace(PlaceKind.PORT.codePrefix() + "-" + county + "-" + n, PlaceKind.PORT,
                    name.zh(), name.en(), cell(row, "name"), county, located ? Double.parseDouble(lon) : seat.lon(),
                    located ? Double.parseDouble(lat) : seat.lat(), origin, null, cell(row, "serves"),
                    note, cell(row, "source")));
        }
        return places;
    }

    public static List<SourcePlace> airBases(byte[] csv, List<Seat> seats, Map<String, Names> names) {
        List<SourcePlace> places = new ArrayList<>();
        Map<String, Integer> perCounty = new HashMap<>();
        for (ImportRow row : SheetReader.read(csv, false)) {
            AirKind kind = AirKind.ofSource(cell(row, "kind"));
            String lat = cell(row, "lat");
            String lon = cell(row, "lon");
            if (kind == null || lat == null || lon == null) {
                continue;
            }
            double x = Double.parseDouble(lon);
            double y = Double.parseDouble(lat);
            if (!inZhejiang(x, y)) {
                continue;
            }
            Seat nearest = seats.stream().min(Comparator.comparingDouble(
                    (Seat s) -> GreatCircle.metres(s.lon(), s.lat(), x, y)).thenComparing(Seat::county)).orElseThrow();
            String code = cell(row, "code");
            String note = cell(row, "note");
            String joined = code == null ? note : note == null ? code : code + "; " + note;
            int n = perCounty.merge(nearest.county(), 1, Integer::sum);
            Names name = named(cell(row, "name"), names);
            places.add(new SourcePlace(PlaceKind.AIR_BASE.codePrefix() + "-" + nearest.county() + "-" + n,
                    PlaceKind.AIR_BASE, name.zh(), name.en(), cell(row, "name"), nearest.county(), x, y, PositionOrigin.PUBLISHED, kind,
                    null, joined, cell(row, "source")));
        }
        return places;
    }

    /** The province's bounding box (the planner's test): keeps out the Shanghai rescue base. */
    static boolean inZhejiang(double lon, double lat) {
        return lat > 27 && lat < 31.3 && lon > 118 && lon < 123.2;
    }

    /** The curated names of a source name; a name nobody has split yet stands for both. */
    private static Names named(String sourceName, Map<String, Names> names) {
        Names n = names.get(sourceName);
        return n == null || n.zh() == null || n.en() == null ? new Names(sourceName, sourceName) : n;
    }

    private static String cell(ImportRow row, String column) {
        String v = row.cells().get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
