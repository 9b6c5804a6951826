package org.reliefchain.planner.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import com.graphhopper.storage.NodeAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.road.RoadNetwork.Point;

/** GraphHopper on real OpenStreetMap data (Andorra, ODbL; see src/test/resources/osm/ATTRIBUTION.md). */
class RoadNetworkTest {

    @TempDir
    static Path cache;
    private static RoadNetwork andorra;
    private static final Path PBF = Path.of("src", "test", "resources", "osm", "andorra.osm.pbf");

    @BeforeAll
    static void load() {
        andorra = RoadNetwork.load(PBF, cache.resolve("andorra"));
    }

    @AfterAll
    static void close() {
        andorra.close();
    }

    /** Road nodes spread over the graph: points that snap onto themselves. */
    private static List<Point> nodes(int count) {
        NodeAccess na = andorra.graph().getNodeAccess();
        List<Point> points = new ArrayList<>();
        int total = andorra.graph().getNodes();
        int step = Math.max(1, total / (count * 8));
        for (int i = 1; points.size() < count && i * step < total; i++) {
            int n = i * step;
            Point p = new Point(na.getLon(n), na.getLat(n));
            if (andorra.snap(p.lon(), p.lat(), RoadNetwork.CAR).isValid()
                    && andorra.snap(p.lon(), p.lat(), RoadNetwork.CAR).getQueryDistance() < 1) {
                points.add(p);
            }
        }
        return points;
    }

    @Test
    void the_many_to_many_matrix_agrees_with_graphhopper_routes_pair_by_pair() {
        List<Point> points = nodes(8);
        RoadNetwork.RoadMatrix m = andorra.matrix(points, points, RoadNetwork.CAR, 500);
        assertThat(m.unplaced()).isEmpty();
        int compared = 0;
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                GHResponse r = andorra.hopper().route(new GHRequest(points.get(i).lat(), points.get(i).lon(),
                        points.get(j).lat(), points.get(j).lon()).setProfile(RoadNetwork.CAR).setLocale(Locale.ROOT));
                if (r.hasErrors()) {
                    assertThat(m.seconds(i, j)).isEqualTo(TravelMatrix.UNREACHABLE);
                    continue;
                }
                ResponsePath best = r.getBest();
                assertThat((double) m.seconds(i, j)).as("seconds %d -> %d", i, j)
                        .isCloseTo(best.getTime() / 1000.0, within(Math.max(2, best.getTime() / 1000.0 * 0.01)));
                assertThat((double) m.metres(i, j)).as("metres %d -> %d", i, j)
                        .isCloseTo(best.getDistance(), within(Math.max(5, best.getDistance() * 0.01)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void the_truck_profile_is_never_faster_than_the_car_and_the_graph_is_reloaded_from_its_cache() {
        List<Point> points = nodes(6);
        RoadNetwork.RoadMatrix car = andorra.matrix(points, points, RoadNetwork.CAR, 500);
        RoadNetwork.RoadMatrix truck = andorra.matrix(points, points, RoadNetwork.TRUCK, 500);
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                assertThat(truck.seconds(i, j)).isGreaterThanOrEqualTo(car.seconds(i, j));
            }
        }
        try (RoadNetwork again = RoadNetwork.load(PBF, cache.resolve("andorra"))) {
            assertThat(again.matrix(points, points, RoadNetwork.CAR, 500).seconds()).isEqualTo(car.seconds());
        }
    }

    @Test
    void a_point_far_from_any_road_is_not_placed_and_says_why() {
        List<Point> points = List.of(nodes(1).get(0), new Point(1.0, 42.0)); // the second is in Spain, 60 km out
        RoadNetwork.RoadMatrix m = andorra.matrix(points, points, RoadNetwork.CAR, 500);
        assertThat(m.unplaced()).hasSize(2).allMatch(reason -> reason.contains("road"));
        assertThat(m.seconds(0, 1)).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(m.seconds(0, 0)).isZero();
    }

    private static double length(List<Point> line) {
        double metres = 0;
        for (int i = 1; i < line.size(); i++) {
            metres += org.reliefchain.planner.scenario.Geo.metres(line.get(i - 1).lon(), line.get(i - 1).lat(),
                    line.get(i).lon(), line.get(i).lat());
        }
        return metres;
    }

    @Test
    void paths_follow_the_roads_the_matrix_measured_and_go_around_a_blocked_area() {
        List<Point> points = nodes(8);
        Point a = points.get(0);
        Point b = points.get(points.size() - 1);
        RoadNetwork.RoadMatrix open = andorra.matrix(List.of(a), List.of(b), RoadNetwork.CAR, 500);
        List<Point> path = andorra.paths(RoadNetwork.CAR, 500, BlockedAreas.NONE).between(a, b);
        assertThat(path).hasSizeGreaterThan(2);
        assertThat(path.get(0)).isEqualTo(a);
        assertThat(path.get(path.size() - 1)).isEqualTo(b);
        // Drawn along the edges' own geometry: as long as the distance the matrix reports.
        assertThat(length(path)).isCloseTo((double) open.metres(0, 0), within(open.metres(0, 0) * 0.02 + 20));

        Point middle = path.get(path.size() / 2);
        BlockedAreas flood = new BlockedAreas(List.of(BlockedAreas.Area.circle("flood", middle.lon(), middle.lat(), 150)),
                List.of());
        List<Point> around = andorra.paths(RoadNetwork.CAR, 500, flood).between(a, b);
        RoadNetwork.RoadMatrix blocked = andorra.matrix(List.of(a), List.of(b), RoadNetwork.CAR, 500, flood);
        if (around.isEmpty()) {
            assertThat(blocked.seconds(0, 0)).isEqualTo(TravelMatrix.UNREACHABLE);
        } else {
            assertThat(around).noneMatch(p -> flood.areaAt(p.lon(), p.lat()) != null);
            assertThat(length(around)).isGreaterThan(length(path))
                    .isCloseTo((double) blocked.metres(0, 0), within(blocked.metres(0, 0) * 0.02 + 20));
        }
    }
}
