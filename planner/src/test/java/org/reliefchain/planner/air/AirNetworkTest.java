package org.reliefchain.planner.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.road.BlockedAreas;
import org.reliefchain.planner.scenario.ZhejiangData;

/** Landing points and straight flights around no-fly areas. */
class AirNetworkTest {

    @Test
    void three_hundred_landing_points_favour_mountain_and_island_townships_and_are_always_the_same() throws Exception {
        ZhejiangData data = ZhejiangData.read(Path.of("..", "data", "zhejiang"));
        Set<String> favoured = Set.of("330922", "331127", "330329");
        List<Location> points = AirNetwork.landingPoints(data, 300, favoured);
        assertThat(points).hasSize(300).isEqualTo(AirNetwork.landingPoints(data, 300, favoured));
        long favouredTownships = data.level("TOWNSHIP").stream().filter(t -> favoured.contains(t.parent())).count();
        List<String> names = points.stream().map(Location::name).toList();
        assertThat(names.subList(0, (int) favouredTownships)).allMatch(n -> data.level("TOWNSHIP").stream()
                .anyMatch(t -> favoured.contains(t.parent()) && n.equals("landing point " + t.name())));
    }

    @Test
    void a_flight_through_a_no_fly_area_is_not_flown_and_others_are_straight() {
        List<Location> places = List.of(new Location(0, "west", 120.0, 28.0), new Location(1, "east", 121.0, 28.0),
                new Location(2, "north", 120.0, 29.0));
        BlockedAreas noFly = new BlockedAreas(List.of(BlockedAreas.Area.circle("storm core", 120.5, 28.0, 10_000)),
                List.of());
        TravelMatrix m = AirNetwork.matrix("air", places, places::get, 180, noFly);
        assertThat(m.time(places.get(0), places.get(1))).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(m.time(places.get(0), places.get(2))).isBetween(2_200L, 2_250L); // 111 km at 50 m/s
        TravelMatrix unlanded = AirNetwork.matrix("air", places, i -> i == 2 ? null : places.get(i), 180,
                BlockedAreas.NONE);
        assertThat(unlanded.time(places.get(0), places.get(2))).isEqualTo(TravelMatrix.UNREACHABLE);
    }
}
