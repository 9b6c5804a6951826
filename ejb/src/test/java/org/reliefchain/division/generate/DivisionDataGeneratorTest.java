package org.reliefchain.division.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DivisionDataGeneratorTest {

    private static final Path DATA = Path.of("..", "data", "zhejiang");
    private static List<DivisionDataGenerator.Row> rows;

    @BeforeAll
    static void generate() throws Exception {
        rows = new DivisionDataGenerator(DATA.resolve("source")).generate();
    }

    @Test
    void the_committed_file_is_exactly_what_the_generator_writes() throws Exception {
        StringBuilder regenerated = new StringBuilder();
        DivisionDataGenerator.write(rows, regenerated);
        String committed = Files.readString(DATA.resolve("divisions.csv"), StandardCharsets.UTF_8);
        assertThat(regenerated.toString()).isEqualTo(committed);
    }

    @Test
    void all_five_levels_of_zhejiang_are_there() {
        Map<String, Long> perLevel = rows.stream()
                .collect(Collectors.groupingBy(DivisionDataGenerator.Row::level, Collectors.counting()));
        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PROVINCE", 1L, "CITY", 11L, "COUNTY", 90L, "TOWNSHIP", 1387L, "VILLAGE", 25547L));
    }

    @Test
    void province_population_is_the_2020_census_sum_of_its_counties() {
        assertThat(byCode().get("33").population()).isEqualTo(64_543_825L);
        assertThat(byCode().get("330127").population()).isEqualTo(328_957L);
        assertThat(byCode().get("330102001").population()).isNull();
    }

    @Test
    void townships_and_villages_are_synthetic_and_inside_their_county() throws Exception {
        Map<String, DivisionDataGenerator.Row> byCode = byCode();
        for (DivisionDataGenerator.Row r : rows) {
            boolean belowCounty = r.level().equals("TOWNSHIP") || r.level().equals("VILLAGE");
            assertThat(r.positionSource().equals("SYNTHETIC")).as(r.code()).isEqualTo(belowCounty);
            assertThat(r.lon()).as(r.code()).isBetween(118.0, 123.3);
            assertThat(r.lat()).as(r.code()).isBetween(27.0, 31.3);
        }
        // 淳安县's villages lie within ~60 km of its seat, not somewhere else in the province.
        DivisionDataGenerator.Row chunan = byCode.get("330127");
        rows.stream().filter(r -> r.code().startsWith("330127") && r.level().equals("VILLAGE")).forEach(v ->
                assertThat(Math.hypot(v.lon() - chunan.lon(), v.lat() - chunan.lat())).as(v.code()).isLessThan(0.8));
    }

    @Test
    void every_child_code_extends_its_parent_code() {
        rows.stream().filter(r -> !r.parent().isEmpty())
                .forEach(r -> assertThat(r.code()).startsWith(r.parent()));
    }

    @Test
    void english_names_are_pinyin_with_translated_suffixes() {
        EnglishNames english = new EnglishNames();
        assertThat(english.of("淳安县")).isEqualTo("Chun'an County");
        assertThat(english.of("清波街道")).isEqualTo("Qingbo Subdistrict");
        assertThat(english.of("景宁畲族自治县")).isEqualTo("Jingning She Autonomous County");
    }

    private static Map<String, DivisionDataGenerator.Row> byCode() {
        return rows.stream().collect(Collectors.toMap(DivisionDataGenerator.Row::code, Function.identity()));
    }
}
