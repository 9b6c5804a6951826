package org.reliefchain.planner.sea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.scenario.Geo;

/** Sea lanes: harbours joined within range, paths over several lanes, lanes closed by the sea state. */
class SeaNetworkTest {

    // Four harbours along 28 N, 0.5 degrees of longitude (about 49 km) apart, and one far out.
    private static final List<SeaNetwork.Harbour> HARBOURS = List.of(
            new SeaNetwork.Harbour("A", 121.0, 28.0, false), new SeaNetwork.Harbour("B", 121.5, 28.0, false),
            new SeaNetwork.Harbour("C", 122.0, 28.0, false), new SeaNetwork.Harbour("D", 122.5, 28.0, false),
            new SeaNetwork.Harbour("far", 125.0, 28.0, false));

    private static final List<Location> PLACES = List.of(new Location(0, "A", 121.0, 28.0),
            new Location(1, "D", 122.5, 28.0), new Location(2, "near C", 122.0, 28.1),
            new Location(3, "inland", 119.0, 29.0));

    private static final double LEG = Geo.metres(121.0, 28.0, 121.5, 28.0);

    @Test
    void boats_go_from_harbour_to_harbour_over_several_lanes_and_approach_places_near_a_harbour() {
        SeaNetwork sea = SeaNetwork.build(HARBOURS, 60_000, SeaNetwork.LaneRule.ALL_OPEN);
        assertThat(sea.lanes()).hasSize(3); // A-B, B-C, C-D; "far" is out of range
        TravelMatrix m = sea.matrix("sea", PLACES, 36, 20_000, i -> true);
        assertThat((double) m.distance(PLACES.get(0), PLACES.get(1))).isCloseTo(3 * LEG * 1.15, within(5.0));
        assertThat((double) m.time(PLACES.get(0), PLACES.get(1))).isCloseTo(3 * LEG * 1.15 / 10, within(1.0));
        double approach = Geo.metres(122.0, 28.1, 122.0, 28.0) * 1.2;
        assertThat((double) m.distance(PLACES.get(0), PLACES.get(2))).isCloseTo(2 * LEG * 1.15 + approach, within(5.0));
        assertThat(m.time(PLACES.get(0), PLACES.get(3))).as("no harbour within reach").isEqualTo(TravelMatrix.UNREACHABLE);
    }

    @Test
    void a_storm_closes_the_lanes_where_the_wind_is_above_the_threshold() {
        // 35 m/s at C, falling off over 40 km: the lanes B-C and C-D have their midpoints in the storm.
        SeaNetwork sea = SeaNetwork.build(HARBOURS, 60_000, SeaNetwork.LaneRule.windBelow(17.2,
                (lon, lat) -> 35 * Math.exp(-Geo.metres(lon, lat, 122.0, 28.0) / 40_000)));
        assertThat(sea.closedLanes()).extracting(SeaNetwork.Lane::from).containsExactlyInAnyOrder(1, 2);
        TravelMatrix m = sea.matrix("sea", PLACES, 36, 20_000, i -> true);
        assertThat(m.time(PLACES.get(0), PLACES.get(1))).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(m.reachable(PLACES.get(1), PLACES.get(0))).isFalse();
    }
}
