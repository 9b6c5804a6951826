package org.reliefchain.planner.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.road.RoadNetwork.Point;
import org.reliefchain.planner.scenario.ZhejiangData;
import org.reliefchain.planner.scenario.ZhejiangData.Division;

/** The synthetic province network, generated from data/zhejiang and loaded into GraphHopper. */
class ProvinceRoadsTest {

    private static final Path DATA = Path.of("..", "data", "zhejiang");
    @TempDir
    static Path cache;
    private static ProvinceRoads.Loaded roads;
    private static ZhejiangData data;

    @BeforeAll
    static void build() throws Exception {
        data = ZhejiangData.read(DATA);
        roads = ProvinceRoads.load(DATA, cache);
    }

    @AfterAll
    static void close() {
        roads.network().close();
    }

    @Test
    void the_generator_is_deterministic_and_states_its_size() throws Exception {
        Path again = cache.resolve("again.osm.gz");
        SyntheticRoadGenerator.Stats stats = SyntheticRoadGenerator.write(data, again);
        assertThat(Files.mismatch(again, roads.osmFile())).isEqualTo(-1L);
        assertThat(stats.nodes()).isEqualTo(90 + 1387 + 25547);
        assertThat(stats.ways()).isGreaterThan(stats.nodes());
        assertThat(stats).isEqualTo(SyntheticRoadGenerator.stats(again));
        assertThat(stats.toString()).startsWith("synthetic road network:");
    }

    @Test
    void every_village_is_reachable_by_truck_except_the_islands_without_a_fixed_link() {
        Division hangzhou = data.divisions().stream().filter(d -> d.code().equals("330102")).findFirst().orElseThrow();
        List<Division> villages = data.level("VILLAGE");
        List<Division> sample = villages.stream().filter(v -> v.code().hashCode() % 97 == 0).toList();
        RoadNetwork.RoadMatrix m = roads.network().matrix(List.of(point(hangzhou)),
                sample.stream().map(ProvinceRoadsTest::point).toList(), RoadNetwork.TRUCK, 2_000);
        assertThat(sample).hasSizeGreaterThan(150);
        int shengsi = 0;
        for (int j = 0; j < sample.size(); j++) {
            boolean island = sample.get(j).code().startsWith("330922");
            shengsi += island ? 1 : 0;
            if (island) {
                assertThat(m.seconds(0, j)).as(sample.get(j).code()).isEqualTo(TravelMatrix.UNREACHABLE);
            } else {
                assertThat(m.seconds(0, j)).as(sample.get(j).code()).isLessThan(12 * 3600);
            }
        }
        // Inside Shengsi its own roads work; Zhoushan island is joined by the bridges.
        List<Division> shengsiVillages = villages.stream().filter(v -> v.code().startsWith("330922")).limit(5).toList();
        Division shengsiSeat = data.divisions().stream().filter(d -> d.code().equals("330922")).findFirst().orElseThrow();
        RoadNetwork.RoadMatrix local = roads.network().matrix(List.of(point(shengsiSeat)),
                shengsiVillages.stream().map(ProvinceRoadsTest::point).toList(), RoadNetwork.TRUCK, 2_000);
        assertThat(java.util.Arrays.stream(local.seconds()).max().orElseThrow()).isLessThan(3 * 3600);
        Division dinghaiVillage = villages.stream().filter(v -> v.code().startsWith("330902")).findFirst().orElseThrow();
        RoadNetwork.RoadMatrix bridge = roads.network().matrix(List.of(point(hangzhou)), List.of(point(dinghaiVillage)),
                RoadNetwork.TRUCK, 2_000);
        assertThat(bridge.seconds(0, 0)).isLessThan(8 * 3600);
    }

    private static Point point(Division d) {
        return new Point(d.lon(), d.lat());
    }
}
