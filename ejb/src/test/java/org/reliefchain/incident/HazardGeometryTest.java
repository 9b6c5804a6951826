package org.reliefchain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.platform.InvalidInputException;

class HazardGeometryTest {

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String geometry, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + properties + "}";
    }

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.1],[120.7,28.1],[120.7,28.2],"
            + "[120.6,28.2],[120.6,28.1]]]}";

    @Test
    void a_flooded_square_and_a_no_fly_circle_are_read_and_written_back() {
        List<HazardFeature> read = HazardGeometry.read(collection(
                feature(SQUARE, "{\"hazard\":\"BLOCKED_AREA\",\"cause\":\"FLOODED\",\"name\":\"受淹\","
                        + "\"validFrom\":\"2026-08-10T02:00:00Z\"}"),
                feature("{\"type\":\"Point\",\"coordinates\":[121.4,28.3]}",
                        "{\"hazard\":\"NO_FLY\",\"cause\":\"WIND\",\"name\":\"台风核心\",\"radius\":25000}")));
        assertThat(read).extracting(HazardFeature::type).containsExactly(HazardType.BLOCKED_AREA, HazardType.NO_FLY);
        assertThat(read.get(1).radiusMetres()).isEqualTo(25000);
        assertThat(read.get(0).validUntil()).isNull();
        assertThat(HazardGeometry.read(HazardGeometry.write(read))).isEqualTo(read);
    }

    @Test
    void a_collection_carries_the_revision_it_was_read_with_and_a_bad_one_is_named() {
        String written = HazardGeometry.write(List.of(), 7);
        assertThat(HazardGeometry.revision(written)).isEqualTo(7);
        assertThat(HazardGeometry.read(written)).isEmpty();
        assertThat(HazardGeometry.revision(collection())).isNull();
        assertThat(HazardGeometry.revision("{\"type\":\"FeatureCollection\",\"revision\":null,\"features\":[]}")).isNull();
        for (String bad : List.of("1.5", "-1", "\"3\"", "99999999999")) {
            assertThatThrownBy(() -> HazardGeometry.revision("{\"type\":\"FeatureCollection\",\"revision\":" + bad
                    + ",\"features\":[]}")).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors().get(0).field()).isEqualTo("revision"));
        }
    }

    @Test
    void every_bad_feature_is_named_with_its_reason() {
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.1],[120.7,28.2],[120.7,28.1],[120.6,28.2],"
                + "[120.6,28.1]]]}";
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.1],[120.7,28.1],[120.7,28.2],[120.6,28.2]]]}";
        assertThatThrownBy(() -> HazardGeometry.read(collection(
                feature(SQUARE, "{\"hazard\":\"BLOCKED_AREA\",\"name\":\"好的\"}"),
                feature(bowTie, "{\"hazard\":\"BLOCKED_AREA\",\"name\":\"8字\"}"),
                feature(open, "{\"hazard\":\"BLOCKED_AREA\",\"name\":\"没闭合\"}"),
                feature("{\"type\":\"LineString\",\"coordinates\":[[116.4,39.9],[116.5,39.9]]}",
                        "{\"hazard\":\"CLOSED_ROAD\",\"name\":\"北京\"}"),
                feature(SQUARE, "{\"hazard\":\"CLOSED_ROAD\",\"name\":\"面不是路\"}"),
                feature("{\"type\":\"Point\",\"coordinates\":[121.4,28.3]}", "{\"hazard\":\"NO_FLY\",\"name\":\"无半径\"}"),
                feature(SQUARE, "{\"hazard\":\"BLOCKED_AREA\"}"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + ": " + f.reason().split(" ")[0] + " " + f.reason().split(" ")[1])
                        .containsExactly(
                                "features[1].geometry: the polygon",
                                "features[2].geometry: a polygon",
                                "features[3].geometry: position [116.4,",
                                "features[4].geometry: a CLOSED_ROAD",
                                "features[5].properties.radius: a circle",
                                "features[6].properties.name: a name"));
    }

    @Test
    void what_is_not_a_feature_collection_is_refused_as_a_whole() {
        assertThatThrownBy(() -> HazardGeometry.read("{\"type\":\"Feature\"}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("FeatureCollection");
        assertThatThrownBy(() -> HazardGeometry.read("[1,2")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void a_ring_that_touches_itself_crosses_itself() {
        double[][] bowTie = {{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}};
        double[][] square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
        assertThat(HazardGeometry.selfIntersection(bowTie)).isEqualTo(0);
        assertThat(HazardGeometry.selfIntersection(square)).isEqualTo(-1);
    }
}
