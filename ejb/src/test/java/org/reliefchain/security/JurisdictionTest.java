package org.reliefchain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;

class JurisdictionTest {

    private final Jurisdiction yongjia = new Jurisdiction(DivisionCode.of("330324"));

    @Test
    void a_county_manager_covers_their_county_and_everything_below_it() {
        assertThat(yongjia.covers(DivisionCode.of("330324"))).isTrue();
        assertThat(yongjia.covers(DivisionCode.of("330324100"))).isTrue();
        assertThat(yongjia.covers(DivisionCode.of("330324100201"))).isTrue();
    }

    @Test
    void a_county_manager_does_not_cover_a_neighbouring_county_or_their_own_city() {
        assertThat(yongjia.covers(DivisionCode.of("330302"))).as("鹿城区").isFalse();
        assertThat(yongjia.covers(DivisionCode.of("3303"))).as("温州市").isFalse();
        assertThat(yongjia.covers(DivisionCode.of("33"))).as("浙江省").isFalse();
    }

    @Test
    void acting_outside_is_refused_with_a_reason_naming_both_divisions() {
        assertThatThrownBy(() -> yongjia.requireCovers(DivisionCode.of("330302"), "stock"))
                .isInstanceOf(OutsideJurisdictionException.class)
                .hasMessage("stock in division 330302 is outside your jurisdiction 330324");
    }

    @Test
    void the_province_covers_every_village() {
        Jurisdiction province = new Jurisdiction(DivisionCode.of("33"));
        assertThat(province.covers(DivisionCode.of("331127200201"))).isTrue();
        assertThat(province.likePattern()).isEqualTo("33%");
    }
}
