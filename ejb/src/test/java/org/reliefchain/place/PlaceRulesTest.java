package org.reliefchain.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.GeoPoint;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.OutsideJurisdictionException;

class PlaceRulesTest {

    private static final Jurisdiction PROVINCE = new Jurisdiction(DivisionCode.of("33"));
    private static final Jurisdiction YONGJIA = new Jurisdiction(DivisionCode.of("330324"));
    private static final DivisionCode YONGJIA_TOWN = DivisionCode.of("330324100");

    @Test
    void the_province_keeps_ports_air_bases_and_landing_points_even_inside_a_county() {
        assertThat(PlaceKind.LANDING_POINT.editableBy(PROVINCE, YONGJIA_TOWN)).isTrue();
        assertThat(PlaceKind.LANDING_POINT.editableBy(YONGJIA, YONGJIA_TOWN)).isFalse();
        assertThatThrownBy(() -> PlaceKind.PORT.requireEditableBy(YONGJIA, DivisionCode.of("330324")))
                .isInstanceOfSatisfying(ProvinceOnlyException.class, e -> assertThat(e.type()).isEqualTo("province-only"));
    }

    @Test
    void a_county_keeps_the_shelters_of_its_own_townships_and_not_those_of_its_neighbour() {
        assertThat(PlaceKind.SHELTER.editableBy(YONGJIA, YONGJIA_TOWN)).isTrue();
        assertThatThrownBy(() -> PlaceKind.SHELTER.requireEditableBy(YONGJIA, DivisionCode.of("330302")))
                .isInstanceOf(OutsideJurisdictionException.class)
                .hasMessage("a shelter in division 330302 is outside your jurisdiction 330324");
    }

    @Test
    void a_shelter_needs_its_capacity_and_only_an_air_base_has_an_air_kind() {
        PlaceDetails noCapacity = new PlaceDetails("岩头镇避灾安置场所", "Yantou shelter", YONGJIA_TOWN,
                new GeoPoint(120.7, 28.4), PositionOrigin.ENTERED, false, AirKind.HELIPORT, null, null, null, null);
        assertThatThrownBy(() -> noCapacity.check(PlaceKind.SHELTER)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("airKind", "capacityPeople"));
        assertThat(noCapacity.problems(PlaceKind.AIR_BASE)).isEmpty();
    }

    @Test
    void only_generated_places_have_synthetic_positions_and_those_are_shown_as_approximate() {
        PlaceDetails realButSynthetic = new PlaceDetails("起降点", "landing point", YONGJIA_TOWN, new GeoPoint(120.7, 28.4),
                PositionOrigin.SYNTHETIC, false, null, null, null, null, null);
        assertThat(realButSynthetic.problems(PlaceKind.LANDING_POINT)).extracting(InvalidInputException.FieldError::field)
                .containsExactly("positionOrigin");
        assertThat(PositionOrigin.COUNTY_SEAT.approximate()).isTrue();
        assertThat(PositionOrigin.PUBLISHED.approximate()).isFalse();
    }
}
