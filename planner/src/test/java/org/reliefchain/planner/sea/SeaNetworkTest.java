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

    @Test
    void a_lane_closed_for_a_while_makes_boats_wait_or_go_round_and_is_never_taken_into_its_closure() {
        long hour = 3600;
        // B-C is closed from 6 h to 10 h; there is no other way from A to D (about 4.7 h at 36 km/h).
        SeaNetwork sea = SeaNetwork.build(HARBOURS, 60_000,
                (lon, lat) -> Math.abs(lon - 121.75) < 0.01 ? new SeaNetwork.Closure(6 * hour, 10 * hour) : null);
        assertThat(sea.closedLanes()).hasSize(1);
        assertThat(sea.closedForGood()).isEmpty();
        TravelMatrix m = sea.matrix("sea", PLACES, 36, 20_000, i -> true);
        Location a = PLACES.get(0);
        Location d = PLACES.get(1);
        long open = Math.round(3 * LEG * 1.15 / 10);
        assertThat(m.isTimed()).isTrue();
        assertThat(m.time(a, d)).as("best case").isEqualTo(open);
        assertThat(m.time(a, d, 0)).as("through before the closure").isEqualTo(open);
        long tooLate = 6 * hour - open + 60; // would still be on the lanes when B-C closes
        assertThat(m.time(a, d, tooLate)).as("waits for the reopening").isEqualTo(10 * hour - tooLate + open);
        assertThat(m.time(a, d, 7 * hour)).isEqualTo(3 * hour + open);
        assertThat(m.time(a, d, 11 * hour)).isEqualTo(open);
        // A way that does not use the closed lane is not held up.
        assertThat(m.time(d, PLACES.get(2), 7 * hour)).isEqualTo(m.time(d, PLACES.get(2)));
        // Leaving later never arrives earlier.
        long previous = 0;
        for (long t = 0; t < 12 * hour; t += 600) {
            long arrival = t + m.time(a, d, t);
            assertThat(arrival).isGreaterThanOrEqualTo(previous);
            previous = arrival;
        }
    }

    @Test
    void a_detour_is_taken_while_the_short_lane_is_closed() {
        long hour = 3600;
        // A triangle: A-B direct, or A-C-B round; A-B is closed for the first 5 hours.
        List<SeaNetwork.Harbour> triangle = List.of(new SeaNetwork.Harbour("A", 121.0, 28.0, false),
                new SeaNetwork.Harbour("B", 121.4, 28.0, false), new SeaNetwork.Harbour("C", 121.2, 28.25, false));
        SeaNetwork sea = SeaNetwork.build(triangle, 60_000,
                (lon, lat) -> Math.abs(lat - 28.0) < 0.01 ? new SeaNetwork.Closure(Long.MIN_VALUE, 5 * hour) : null);
        List<Location> places = List.of(new Location(0, "A", 121.0, 28.0), new Location(1, "B", 121.4, 28.0));
        TravelMatrix m = sea.matrix("sea", places, 36, 5_000, i -> true);
        double direct = Geo.metres(121.0, 28.0, 121.4, 28.0) * 1.15;
        double round = (Geo.metres(121.0, 28.0, 121.2, 28.25) + Geo.metres(121.2, 28.25, 121.4, 28.0)) * 1.15;
        assertThat(m.time(places.get(0), places.get(1))).isEqualTo(Math.round(direct / 10));
        assertThat(m.time(places.get(0), places.get(1), 0)).as("round while closed").isEqualTo(Math.round(round / 10));
        assertThat(m.time(places.get(0), places.get(1), 5 * hour - 60)).as("waiting a minute beats the detour")
                .isEqualTo(60 + Math.round(direct / 10));
        assertThat(m.distance(places.get(0), places.get(1))).as("best-case distance").isEqualTo(Math.round(direct));
    }

    @Test
    void a_forecast_closes_a_lane_while_the_wind_is_above_the_threshold() {
        long hour = 3600;
        // 35 m/s at C, falling off over 40 km and calming by half every 6 hours.
        SeaNetwork.LaneRule rule = SeaNetwork.LaneRule.windBelow(17.2,
                (lon, lat, t) -> 35 * Math.exp(-Geo.metres(lon, lat, 122.0, 28.0) / 40_000) * Math.pow(0.5, t / (6.0 * hour)),
                hour, 24 * hour);
        SeaNetwork.Closure atC = rule.closure(122.0, 28.0);
        // 35 x 0.5^(t/6h) <= 17.2 from t = 6.15 h: the 7 h reading is the first below.
        assertThat(atC).isEqualTo(new SeaNetwork.Closure(Long.MIN_VALUE, 7 * hour));
        assertThat(rule.closure(121.0, 28.0)).as("far from the storm").isNull();
        SeaNetwork.LaneRule never = SeaNetwork.LaneRule.windBelow(17.2, (lon, lat, t) -> 30, hour, 24 * hour);
        assertThat(never.closure(122.0, 28.0)).isEqualTo(new SeaNetwork.Closure(Long.MIN_VALUE, Long.MAX_VALUE));
        SeaNetwork.LaneRule later = SeaNetwork.LaneRule.windBelow(17.2,
                (lon, lat, t) -> t >= 3 * hour && t < 5 * hour ? 25 : 10, hour, 24 * hour);
        assertThat(later.closure(122.0, 28.0)).as("a squall from 3 h to 5 h").isEqualTo(new SeaNetwork.Closure(3 * hour, 5 * hour));
    }
}
