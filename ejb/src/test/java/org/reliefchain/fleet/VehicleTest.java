package org.reliefchain.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.GeoPoint;
import org.reliefchain.place.Place;
import org.reliefchain.place.PlaceDetails;
import org.reliefchain.place.PlaceKind;
import org.reliefchain.place.PositionOrigin;
import org.reliefchain.platform.ConflictException;

class VehicleTest {

    private static final Instant NOW = Instant.parse("2026-08-10T01:45:00Z");

    private static Vehicle boatAtWenzhouPort() {
        Place port = new Place("PT-330302-1", PlaceKind.PORT, new PlaceDetails("Wenzhou port 温州港", "Wenzhou port",
                DivisionCode.of("330302"), new GeoPoint(120.65, 28.016667), PositionOrigin.PUBLISHED, false, null, null,
                null, null, "WPI"), NOW);
        return new Vehicle(Registration.parse("registration", "浙c救y001"),
                VehicleSpec.of(VehicleSpecTest.boat(null)), new ResolvedBase.AtPlace(port), NOW);
    }

    @Test
    void a_new_vehicle_is_available_and_based_where_it_was_registered() {
        Vehicle boat = boatAtWenzhouPort();
        assertThat(boat.status()).isEqualTo(VehicleStatus.AVAILABLE);
        assertThat(boat.registration()).isEqualTo("浙C救Y001");
        assertThat(boat.base()).isEqualTo(new HomeBase(BaseKind.PORT, "PT-330302-1", "Wenzhou port 温州港", 120.65,
                28.016667));
    }

    @Test
    void an_assigned_boat_that_breaks_down_goes_out_of_service_and_comes_back_only_as_available() {
        Vehicle boat = boatAtWenzhouPort();
        boat.changeStatus(VehicleStatus.ASSIGNED, null, NOW);
        boat.changeStatus(VehicleStatus.OUT_OF_SERVICE, null, NOW);
        assertThatThrownBy(() -> boat.changeStatus(VehicleStatus.ASSIGNED, null, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("wrong-status");
                    assertThat(e.getMessage()).isEqualTo("vehicle 浙C救Y001 is OUT_OF_SERVICE and cannot become ASSIGNED"
                            + " (it may become [AVAILABLE])");
                });
        boat.changeStatus(VehicleStatus.AVAILABLE, new Availability(NOW, NOW.plusSeconds(36_000), null), NOW);
        assertThat(boat.status()).isEqualTo(VehicleStatus.AVAILABLE);
        assertThat(boat.view(true).availableUntil()).isEqualTo(NOW.plusSeconds(36_000));
    }

    @Test
    void the_view_offers_the_next_statuses_only_to_a_viewer_who_may_change_the_vehicle() {
        Vehicle boat = boatAtWenzhouPort();
        assertThat(boat.view(true).nextStatuses()).containsExactly(VehicleStatus.ASSIGNED, VehicleStatus.OUT_OF_SERVICE);
        assertThat(boat.view(false).nextStatuses()).isEmpty();
        assertThat(boat.view(false).kind()).isEqualTo(VehicleKind.BOAT);
    }

    @Test
    void the_planner_reads_capacity_speed_and_base_position_of_an_available_boat() {
        AvailableVehicle v = boatAtWenzhouPort().forPlanning();
        assertThat(v.capacityKg()).isEqualByComparingTo(new BigDecimal("3000"));
        assertThat(v.speedKmh()).isEqualByComparingTo(new BigDecimal("22"));
        assertThat(v.heightM()).isNull();
        assertThat(v.base().lon()).isEqualTo(120.65);
    }

    @Test
    void each_kind_names_the_base_it_needs_when_given_another() {
        assertThat(VehicleKind.BOAT.baseProblem(BaseKind.PORT)).isEmpty();
        assertThat(VehicleKind.BOAT.baseProblem(BaseKind.AIR_BASE))
                .hasValue("a BOAT is based at a port; this base is an air base");
        assertThat(VehicleKind.VAN.baseProblem(BaseKind.PORT))
                .hasValue("a VAN is based at a warehouse; this base is a port");
        assertThat(VehicleKind.HELICOPTER.baseProblem(null))
                .hasValue("a HELICOPTER is based at an air base; this base is no warehouse, port or air base");
    }

    @Test
    void a_registration_has_no_spaces_and_is_kept_in_capitals() {
        assertThat(Registration.parse("registration", " b-7101 ").value()).isEqualTo("B-7101");
        assertThatThrownBy(() -> Registration.parse("registration", "浙C 12345"))
                .hasMessage("registration: must be 2-20 characters without spaces");
    }

    @Test
    void reserves_near_landfall_hold_more_trucks_as_in_the_planner_scenario() {
        assertThat(DemoFleetSeeder.trucksAt(0)).isEqualTo(12);
        assertThat(DemoFleetSeeder.trucksAt(70)).isEqualTo(6); // 10 / e = 3.7 -> 4
        assertThat(DemoFleetSeeder.trucksAt(300)).isEqualTo(2);
    }
}
