package org.reliefchain.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefchain.planner.model.DemandPoint;
import org.reliefchain.planner.model.Depot;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.TravelMatrix;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.model.Visit;

/** Nearby selection ranks by distance, but never puts a delivery next to one no vehicle can share with it. */
class PlacedDistanceMeterTest {

    private static Visit visit(String id, double lon, Mode... modes) {
        EnumSet<Mode> set = EnumSet.noneOf(Mode.class);
        set.addAll(java.util.List.of(modes));
        DemandPoint p = new DemandPoint(id, id, new Location(0, id, lon, 28.0), 10, 1, set);
        return new Visit(id + "-WATER", p, "WATER", 10, 30, 30, 10, 0, 0, 36_000);
    }

    @Test
    void a_delivery_no_vehicle_can_share_is_ranked_behind_any_that_one_can() {
        PlacedDistanceMeter meter = new PlacedDistanceMeter();
        Visit island = visit("island", 121.00, Mode.BOAT, Mode.HELICOPTER);
        Visit villageNextDoor = visit("village", 121.01, Mode.TRUCK);
        Visit otherIsland = visit("other-island", 121.50, Mode.BOAT);
        assertThat(meter.getNearbyDistance(island, villageNextDoor))
                .isGreaterThan(meter.getNearbyDistance(island, otherIsland));

        Depot port = new Depot("port", new Location(1, "port", 121.02, 28.0), Map.of("WATER", 100L), EnumSet.of(Mode.BOAT));
        TravelMatrix none = new TravelMatrix("none", 2, new long[4], new long[4]);
        Vehicle boat = new Vehicle("boat", Mode.BOAT, port, none, 3000, 15_000, 0, 36_000, 1, 0, Long.MAX_VALUE / 4);
        Vehicle truck = new Vehicle("truck", Mode.TRUCK, port, none, 8000, 30_000, 0, 36_000, 1, 0, Long.MAX_VALUE / 4);
        assertThat(meter.getNearbyDistance(island, truck)).isGreaterThan(meter.getNearbyDistance(island, boat));
        assertThat(meter.getNearbyDistance(island, boat)).isLessThan(0.1);
    }
}
