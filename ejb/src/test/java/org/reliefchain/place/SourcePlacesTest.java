package org.reliefchain.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The public files of data/zhejiang as the product loads them. */
class SourcePlacesTest {

    private static final Path DATA = Path.of("..", "data", "zhejiang");

    /** County seats from divisions.csv: code, parent, level, name_zh, name_en (may be quoted), population, lon, lat. */
    private static List<SourcePlaces.Seat> seats() throws IOException {
        List<SourcePlaces.Seat> seats = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve("divisions.csv"))) {
            List<String> f = split(line);
            if (f.size() > 7 && "COUNTY".equals(f.get(2))) {
                seats.add(new SourcePlaces.Seat(f.get(0), Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7))));
            }
        }
        return seats;
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Map<String, SourcePlaces.Names> names() throws IOException {
        return SourcePlaces.names(Files.readAllBytes(DATA.resolve("place_names.csv")));
    }

    @Test
    void every_port_is_loaded_with_its_position_flagged_as_the_source_gives_it() throws IOException {
        Map<String, SourcePlaces.Seat> byCounty = new HashMap<>();
        seats().forEach(s -> byCounty.put(s.county(), s));
        List<SourcePlaces.SourcePlace> ports = SourcePlaces.ports(Files.readAllBytes(DATA.resolve("ports.csv")), byCounty,
                names());
        assertThat(ports).hasSize(20);
        assertThat(ports).filteredOn(p -> p.origin() == PositionOrigin.PUBLISHED).hasSize(6);
        assertThat(ports).filteredOn(p -> p.origin() == PositionOrigin.APPROXIMATE).extracting(SourcePlaces.SourcePlace::code)
                .containsExactly("PT-330206-1", "PT-330903-1", "PT-330921-1", "PT-330922-1", "PT-330903-4");
        SourcePlaces.SourcePlace songmen = ports.stream().filter(p -> p.nameEn().contains("Songmen")).findFirst().orElseThrow();
        assertThat(songmen.origin()).isEqualTo(PositionOrigin.COUNTY_SEAT);
        assertThat(songmen.lon()).isEqualTo(byCounty.get("331081").lon());
        SourcePlaces.SourcePlace ferry = ports.stream().filter(p -> p.nameEn().startsWith("Yadanshan")).findFirst().orElseThrow();
        assertThat(ferry.county()).as("a ferry between two counties belongs to the first").isEqualTo("330902");
        assertThat(ports).allSatisfy(p -> {
            assertThat(p.nameZh().length()).isLessThanOrEqualTo(200);
            assertThat(p.nameEn().length()).isLessThanOrEqualTo(200);
            assertThat(p.note() == null ? 0 : p.note().length()).isLessThanOrEqualTo(1000);
            assertThat(p.source() == null ? 0 : p.source().length()).isLessThanOrEqualTo(500);
        });
    }

    @Test
    void air_bases_are_those_with_coordinates_inside_zhejiang_and_belong_to_the_nearest_county() throws IOException {
        List<SourcePlaces.SourcePlace> bases = SourcePlaces.airBases(
                Files.readAllBytes(DATA.resolve("airports_heliports.csv")), seats(), names());
        assertThat(bases).hasSize(20);
        assertThat(bases).noneMatch(b -> b.nameEn().contains("Shanghai"));
        assertThat(bases).noneMatch(b -> b.nameEn().contains("helipad") || b.nameZh().contains("救助飞行队"));
        SourcePlaces.SourcePlace wenzhou = bases.stream().filter(b -> b.nameEn().startsWith("Wenzhou")).findFirst().orElseThrow();
        assertThat(wenzhou.airKind()).isEqualTo(AirKind.CIVIL_AIRPORT);
        assertThat(wenzhou.county()).startsWith("3303");
        assertThat(wenzhou.note()).startsWith("ZSWZ/WNZ");
        assertThat(bases).filteredOn(b -> b.airKind() == AirKind.MILITARY).hasSize(4);
        assertThat(bases).allSatisfy(b -> assertThat(b.source().length()).isLessThanOrEqualTo(500));
    }

    @Test
    void every_place_has_a_chinese_name_in_chinese_and_an_english_name_in_latin_letters() throws IOException {
        Map<String, SourcePlaces.Seat> byCounty = new HashMap<>();
        List<SourcePlaces.Seat> seats = seats();
        seats.forEach(s -> byCounty.put(s.county(), s));
        List<SourcePlaces.SourcePlace> places = new ArrayList<>(SourcePlaces.ports(
                Files.readAllBytes(DATA.resolve("ports.csv")), byCounty, names()));
        places.addAll(SourcePlaces.airBases(Files.readAllBytes(DATA.resolve("airports_heliports.csv")), seats, names()));
        assertThat(places).hasSize(40).allSatisfy(p -> {
            assertThat(p.nameZh()).as("Chinese name").matches("[\\p{IsHan}（）、—]+");
            assertThat(p.nameEn()).as("English name").matches("[\\p{ASCII}]+");
        });
        SourcePlaces.SourcePlace ningbo = places.stream().filter(p -> p.nameZh().startsWith("宁波港")).findFirst()
                .orElseThrow();
        assertThat(ningbo.nameEn()).isEqualTo("Ningbo port (old harbour, Yong River)");
    }
}
