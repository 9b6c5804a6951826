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

    @Test
    void a_village_inside_a_flooded_area_is_unreachable_by_road_and_routes_go_around_the_area() {
        List<Division> wenling = data.level("VILLAGE").stream().filter(v -> v.code().startsWith("331081")).toList();
        Division flooded = wenling.get(0);
        Division seat = data.divisions().stream().filter(d -> d.code().equals("331081")).findFirst().orElseThrow();
        List<Point> others = wenling.subList(1, 41).stream().map(ProvinceRoadsTest::point).toList();
        List<Point> targets = new java.util.ArrayList<>(others);
        targets.add(point(flooded));
        BlockedAreas flood = new BlockedAreas(List.of(BlockedAreas.Area.circle("flood around " + flooded.name(),
                flooded.lon(), flooded.lat(), 1_500)), List.of());

        RoadNetwork.RoadMatrix open = roads.network().matrix(List.of(point(seat)), targets, RoadNetwork.TRUCK, 2_000);
        RoadNetwork.RoadMatrix cut = roads.network().matrix(List.of(point(seat)), targets, RoadNetwork.TRUCK, 2_000, flood);
        int last = targets.size() - 1;
        assertThat(open.seconds(0, last)).isLessThan(TravelMatrix.UNREACHABLE);
        assertThat(cut.seconds(0, last)).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(cut.unplaced()).singleElement().asString().contains("inside the blocked area flood around");
        for (int j = 0; j < last; j++) {
            assertThat(cut.seconds(0, j)).as("the rest of the county stays reachable").isLessThan(TravelMatrix.UNREACHABLE);
        }

        // A flood across the road to a village 10+ km away: the trip goes around it, and takes longer.
        Division far = wenling.stream().filter(v -> org.reliefchain.planner.scenario.Geo.metres(v.lon(), v.lat(),
                seat.lon(), seat.lat()) > 10_000).findFirst().orElseThrow();
        com.graphhopper.GHResponse route = roads.network().hopper().route(new com.graphhopper.GHRequest(seat.lat(),
                seat.lon(), far.lat(), far.lon()).setProfile(RoadNetwork.TRUCK));
        var path = route.getBest().getPoints();
        int middle = path.size() / 2;
        BlockedAreas across = new BlockedAreas(List.of(BlockedAreas.Area.circle("across the road",
                path.getLon(middle), path.getLat(middle), 300)), List.of());
        long before = roads.network().matrix(List.of(point(seat)), List.of(point(far)), RoadNetwork.TRUCK, 2_000).seconds(0, 0);
        long after = roads.network().matrix(List.of(point(seat)), List.of(point(far)), RoadNetwork.TRUCK, 2_000, across)
                .seconds(0, 0);
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void the_search_around_blocks_agrees_with_the_contraction_hierarchy_when_nothing_is_in_the_way() {
        List<Point> points = data.level("VILLAGE").stream().filter(v -> v.code().hashCode() % 331 == 0).limit(30)
                .map(ProvinceRoadsTest::point).toList();
        BlockedAreas elsewhere = new BlockedAreas(List.of(BlockedAreas.Area.circle("at sea", 124.0, 27.0, 1_000)),
                List.of());
        List<Point> wenling = data.level("VILLAGE").stream().filter(v -> v.code().startsWith("331081")).limit(30)
                .map(ProvinceRoadsTest::point).toList();
        for (String profile : List.of(RoadNetwork.CAR, RoadNetwork.TRUCK)) {
            for (List<Point> set : List.of(points, wenling)) {
                RoadNetwork.RoadMatrix ch = roads.network().matrix(set, set, profile, 2_000);
                RoadNetwork.RoadMatrix dijkstra = roads.network().matrix(set, set, profile, 2_000, elsewhere);
                for (int k = 0; k < ch.seconds().length; k++) {
                    assertThat(dijkstra.seconds()[k]).as(profile + " cell " + k)
                            .isCloseTo(ch.seconds()[k], org.assertj.core.api.Assertions.within(1L));
                    assertThat(dijkstra.metres()[k]).isCloseTo(ch.metres()[k], org.assertj.core.api.Assertions.within(2L));
                }
            }
        }
    }

    @Test
    void times_around_floods_are_those_of_a_plain_search_over_graphhoppers_own_edges() {
        // Wenling's villages and the ways out of the county, with floods over villages and across the roads
        // between them. The matrix searches over arrays read once from the graph, on every core; a plain
        // Dijkstra over GraphHopper's edge iterator and the profile's weighting must find the same times.
        List<Division> wenling = data.level("VILLAGE").stream().filter(v -> v.code().startsWith("331081")).toList();
        List<Point> set = new java.util.ArrayList<>(wenling.stream().limit(150).map(ProvinceRoadsTest::point).toList());
        data.divisions().stream().filter(d -> List.of("331002", "331003", "331004", "330302", "330102").contains(d.code()))
                .map(ProvinceRoadsTest::point).forEach(set::add);
        List<BlockedAreas.Area> floods = new java.util.ArrayList<>();
        for (int i = 150; i < 390; i += 40) {
            Division v = wenling.get(i);
            floods.add(BlockedAreas.Area.circle("flood " + i, v.lon(), v.lat(), 2_500));
        }
        BlockedAreas blocked = new BlockedAreas(floods, List.of());
        RoadNetwork network = roads.network();
        for (String profile : List.of(RoadNetwork.CAR, RoadNetwork.TRUCK)) {
            RoadNetwork.RoadMatrix open = network.matrix(set, set, profile, 2_000);
            RoadNetwork.RoadMatrix around = network.matrix(set, set, profile, 2_000, blocked);
            int[] nodes = network.placed(set, profile, 2_000, blocked);
            java.util.BitSet closed = network.closed(blocked, profile);
            var weighting = network.weighting(profile);
            int longer = 0;
            for (int i = 0; i < set.size(); i++) {
                double[] reference = dijkstra(network.graph(), weighting, closed, nodes[i]);
                for (int j = 0; j < set.size(); j++) {
                    long expected = nodes[i] < 0 || nodes[j] < 0 || Double.isInfinite(reference[nodes[j]])
                            ? TravelMatrix.UNREACHABLE : Math.round(reference[nodes[j]]);
                    assertThat(around.seconds(i, j)).as(profile + " " + i + " -> " + j).isEqualTo(expected);
                    longer += expected > open.seconds(i, j) + 1 && expected < TravelMatrix.UNREACHABLE ? 1 : 0;
                }
            }
            assertThat(longer).as("pairs whose fastest way a flood cut").isGreaterThan(500);
        }
    }

    /** Seconds from {@code start} to every node, over the graph's own edges and weighting, closed edges left out. */
    private static double[] dijkstra(com.graphhopper.storage.BaseGraph graph, com.graphhopper.routing.weighting.Weighting w,
                                     java.util.BitSet closed, int start) {
        double[] dist = new double[graph.getNodes()];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        if (start < 0) {
            return dist;
        }
        java.util.PriorityQueue<double[]> queue = new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble(a -> a[0]));
        dist[start] = 0;
        queue.add(new double[] {0, start});
        var explorer = graph.createEdgeExplorer();
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[1];
            if (top[0] > dist[node]) {
                continue;
            }
            var it = explorer.setBaseNode(node);
            while (it.next()) {
                double edge = w.calcEdgeWeight(it, false);
                if (closed.get(it.getEdge()) || Double.isInfinite(edge)) {
                    continue;
                }
                if (dist[node] + edge < dist[it.getAdjNode()]) {
                    dist[it.getAdjNode()] = dist[node] + edge;
                    queue.add(new double[] {dist[it.getAdjNode()], it.getAdjNode()});
                }
            }
        }
        return dist;
    }

    private static Point point(Division d) {
        return new Point(d.lon(), d.lat());
    }
}
