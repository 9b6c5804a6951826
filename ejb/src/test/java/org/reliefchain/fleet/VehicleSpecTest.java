package org.reliefchain.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.InvalidInputException;

class VehicleSpecTest {

    private static final DivisionCode YONGJIA = DivisionCode.of("330324");

    static VehicleSpec.Facts truck() {
        return new VehicleSpec.Facts(VehicleKind.TRUCK, YONGJIA, new BigDecimal("8000"), new BigDecimal("30"),
                new BigDecimal("3.6"), new BigDecimal("2.5"), new BigDecimal("16"), null, null, null, OwnerKind.OWNED,
                null, null, new BigDecimal("12"), "王师傅", "13905770001");
    }

    static VehicleSpec.Facts boat(BigDecimal heightM) {
        return new VehicleSpec.Facts(VehicleKind.BOAT, YONGJIA, new BigDecimal("3000"), new BigDecimal("15"), heightM,
                null, null, null, null, new BigDecimal("22"), OwnerKind.CONTRACTED, null, null, new BigDecimal("12"),
                "李船长", "13905770002");
    }

    @Test
    void a_truck_with_its_size_and_weight_is_a_road_vehicle_without_air_or_boat_figures() {
        VehicleSpec spec = VehicleSpec.of(truck());
        assertThat(spec.road()).isEqualTo(new RoadLimits(new BigDecimal("3.6"), new BigDecimal("2.5"),
                new BigDecimal("16")));
        assertThat(spec.air()).isNull();
        assertThat(spec.speedKmh()).isNull();
        assertThat(spec.capacity()).isEqualTo(new Capacity(new BigDecimal("8000"), new BigDecimal("30")));
    }

    @Test
    void a_truck_without_its_height_and_width_is_refused_naming_both() {
        VehicleSpec.Facts t = truck();
        VehicleSpec.Facts noSize = new VehicleSpec.Facts(t.kind(), t.division(), t.capacityKg(), t.capacityM3(), null,
                null, t.grossWeightT(), null, null, null, t.owner(), null, null, t.dutyHoursPerDay(), t.crewName(),
                t.crewPhone());
        assertThatThrownBy(() -> VehicleSpec.of(noSize)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("heightM", "widthM"));
    }

    @Test
    void a_boat_with_a_height_is_refused_because_the_height_belongs_to_road_vehicles() {
        assertThatThrownBy(() -> VehicleSpec.of(boat(new BigDecimal("3")))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.field()).isEqualTo("heightM");
                    assertThat(err.reason()).isEqualTo("belongs to trucks and vans only, not to a BOAT");
                }));
        assertThat(VehicleSpec.of(boat(null)).speedKmh()).isEqualByComparingTo("22");
    }

    @Test
    void a_helicopter_needs_its_range_and_its_minutes_per_sortie() {
        VehicleSpec.Facts heli = new VehicleSpec.Facts(VehicleKind.HELICOPTER, DivisionCode.of("33"),
                new BigDecimal("1500"), new BigDecimal("8"), null, null, null, new BigDecimal("500"), null, null,
                OwnerKind.CONTRACTED, null, null, new BigDecimal("10"), "航空救援值班室", "0571-88880000");
        assertThatThrownBy(() -> VehicleSpec.of(heli)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("sortieMinutes"));
    }

    @Test
    void availability_must_end_after_it_starts_and_a_duty_day_has_at_most_24_hours() {
        VehicleSpec.Facts t = truck();
        Instant from = Instant.parse("2026-08-10T00:00:00Z");
        VehicleSpec.Facts backwards = new VehicleSpec.Facts(t.kind(), t.division(), t.capacityKg(), t.capacityM3(),
                t.heightM(), t.widthM(), t.grossWeightT(), null, null, null, t.owner(), from, from.minusSeconds(60),
                new BigDecimal("25"), t.crewName(), t.crewPhone());
        assertThatThrownBy(() -> VehicleSpec.of(backwards)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("dutyHoursPerDay", "availableUntil"));
    }
}
