package org.reliefchain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;

class IncidentTest {

    private static final Instant LANDFALL = Instant.parse("2019-08-09T17:45:00Z");

    private static Incident typhoon(String... affected) {
        return new Incident("INC-2019-0001", IncidentKind.TYPHOON, "利奇马", ResponseLevel.II,
                java.util.Arrays.stream(affected).map(DivisionCode::of).toList(), LANDFALL, null, "dispatcher", LANDFALL);
    }

    @Test
    void it_belongs_to_the_lowest_division_containing_every_affected_one() {
        assertThat(typhoon("330324").ownerDivision()).isEqualTo(DivisionCode.of("330324"));
        assertThat(typhoon("330324", "330302").ownerDivision()).as("two counties of Wenzhou").isEqualTo(DivisionCode.of("3303"));
        assertThat(typhoon("330324", "331081").ownerDivision()).as("Wenzhou and Taizhou").isEqualTo(DivisionCode.of("33"));
        // Two villages of one township: 9 common digits, not the 10 or 11 the codes share by chance.
        assertThat(Incident.owner(List.of(DivisionCode.of("330324101201"), DivisionCode.of("330324101202"))))
                .isEqualTo(DivisionCode.of("330324101"));
        assertThat(Incident.owner(List.of(DivisionCode.of("330324101201"), DivisionCode.of("330324102201"))))
                .as("townships 101 and 102 share 8 digits: the county").isEqualTo(DivisionCode.of("330324"));
    }

    @Test
    void the_deadline_is_ten_hours_after_the_start_unless_given_and_never_before_it() {
        assertThat(typhoon("330324").deadline()).isEqualTo(LANDFALL.plusSeconds(10 * 3600));
        Incident i = typhoon("330324");
        assertThatThrownBy(() -> i.moveDeadline(LANDFALL.minusSeconds(1), LANDFALL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("deadline");
        i.moveDeadline(LANDFALL.plusSeconds(12 * 3600), LANDFALL);
        assertThat(i.deadline()).isEqualTo(LANDFALL.plusSeconds(12 * 3600));
    }

    @Test
    void the_lifecycle_moves_one_step_at_a_time_and_a_closed_incident_changes_no_more() {
        Incident i = typhoon("330324");
        assertThat(i.nextStatuses()).containsExactly(IncidentStatus.RESPONDING, IncidentStatus.CLOSED);
        assertThatThrownBy(() -> i.moveTo(IncidentStatus.RECOVERY, LANDFALL)).isInstanceOf(ConflictException.class);
        i.moveTo(IncidentStatus.RESPONDING, LANDFALL);
        i.changeLevel(ResponseLevel.I, LANDFALL);
        i.moveTo(IncidentStatus.RECOVERY, LANDFALL);
        assertThat(i.nextStatuses()).containsExactly(IncidentStatus.CLOSED);
        i.moveTo(IncidentStatus.CLOSED, LANDFALL);
        assertThat(i.nextStatuses()).isEmpty();
        assertThatThrownBy(() -> i.changeLevel(ResponseLevel.IV, LANDFALL)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> i.moveTo(IncidentStatus.RESPONDING, LANDFALL)).isInstanceOf(ConflictException.class);
    }

    @Test
    void an_affected_county_stands_for_everything_below_it() {
        Incident i = typhoon("330324");
        assertThat(i.affects(DivisionCode.of("330324101201"))).isTrue();
        assertThat(i.affects(DivisionCode.of("330302"))).isFalse();
        assertThat(i.affects(DivisionCode.of("3303"))).as("the city as a whole is not affected").isFalse();
    }
}
