package org.reliefchain.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryReportServiceTest {

    private static final Instant DEADLINE = Instant.parse("2026-08-10T12:00:00Z");
    private static final Instant BEFORE = DEADLINE.minusSeconds(3600);
    private static final Instant AFTER = DEADLINE.plusSeconds(60);

    private static DeliveryReportService.StopOutcome stop(long trip, String division, long people, Instant planned,
                                                          StopStatus status, Instant delivered) {
        return new DeliveryReportService.StopOutcome(trip, "INC-1-P1-00" + trip, "浙C0000" + trip, "TRUCK",
                TripStatus.DEPARTED, BEFORE.minusSeconds(7200), division, people, planned, DEADLINE, status, delivered);
    }

    @Test
    void a_point_served_by_two_trips_counts_once_and_in_time_only_when_both_are() {
        List<DeliveryReportService.StopOutcome> stops = List.of(
                // 330324 village A: two trips, both planned in time, one delivered late
                stop(1, "330324101201", 120, BEFORE, StopStatus.DELIVERED, BEFORE),
                stop(2, "330324101201", 120, BEFORE, StopStatus.DELIVERED, AFTER),
                // 330324 village B: planned after the deadline, delivered in time after all
                stop(1, "330324101202", 50, AFTER, StopStatus.DELIVERED, DEADLINE),
                // 330324 village C: planned in time, only arrived so far
                stop(2, "330324101203", 30, BEFORE, StopStatus.ARRIVED, null),
                // 330302 township D: planned in time, delivered in time
                stop(2, "330302001", 200, DEADLINE, StopStatus.DELIVERED, BEFORE));

        List<DeliveryReport.County> counties = DeliveryReportService.byCounty(stops, Set.of());

        assertThat(counties).extracting(DeliveryReport.County::code).containsExactly("330302", "330324");
        DeliveryReport.County lucheng = counties.get(0);
        assertThat(lucheng.points()).isEqualTo(1);
        assertThat(lucheng.people()).isEqualTo(200);
        assertThat(lucheng.plannedInTime()).isEqualTo(200);
        assertThat(lucheng.reachedInTime()).isEqualTo(200);
        assertThat(lucheng.reached()).isEqualTo(200);
        DeliveryReport.County yongjia = counties.get(1);
        assertThat(yongjia.points()).isEqualTo(3);
        assertThat(yongjia.people()).as("village A once, not per stop").isEqualTo(120 + 50 + 30);
        assertThat(yongjia.plannedInTime()).isEqualTo(120 + 30);
        assertThat(yongjia.reachedInTime()).as("A had one late delivery; B came in time").isEqualTo(50);
        assertThat(yongjia.reached()).as("C is not delivered yet").isEqualTo(120 + 50);
    }

    @Test
    void a_point_whose_orders_carry_less_than_it_needs_is_neither_planned_in_time_nor_reached() {
        // Village A's stops are on time and delivered, but its orders lack a material (stock ran short).
        List<DeliveryReportService.StopOutcome> stops = List.of(
                stop(1, "330324101201", 120, BEFORE, StopStatus.DELIVERED, BEFORE),
                stop(1, "330324101202", 50, BEFORE, StopStatus.DELIVERED, BEFORE));

        DeliveryReport.County yongjia = DeliveryReportService.byCounty(stops, Set.of("330324101201")).get(0);

        assertThat(yongjia.points()).isEqualTo(2);
        assertThat(yongjia.people()).isEqualTo(170);
        assertThat(yongjia.plannedInTime()).isEqualTo(50);
        assertThat(yongjia.reachedInTime()).isEqualTo(50);
        assertThat(yongjia.reached()).isEqualTo(50);
    }

    @Test
    void per_trip_the_stops_delivered_and_the_people_reached_in_time() {
        List<DeliveryReportService.StopOutcome> stops = List.of(
                stop(1, "330324101201", 120, BEFORE, StopStatus.DELIVERED, BEFORE),
                stop(1, "330324101202", 50, AFTER, StopStatus.DELIVERED, AFTER),
                stop(2, "330324101203", 30, BEFORE, StopStatus.PLANNED, null));

        List<DeliveryReport.Trip> trips = DeliveryReportService.byTrip(stops);

        assertThat(trips).extracting(DeliveryReport.Trip::number).containsExactly("INC-1-P1-001", "INC-1-P1-002");
        assertThat(trips.get(0).stops()).isEqualTo(2);
        assertThat(trips.get(0).delivered()).isEqualTo(2);
        assertThat(trips.get(0).people()).isEqualTo(170);
        assertThat(trips.get(0).reachedInTime()).isEqualTo(120);
        assertThat(trips.get(1).delivered()).isZero();
        assertThat(trips.get(1).reachedInTime()).isZero();
    }

    @Test
    void totals_add_up_the_counties() {
        DeliveryReport report = new DeliveryReport(1, "INC-1", "test", DEADLINE, DeliveryReportService.byCounty(List.of(
                stop(1, "330324101201", 120, BEFORE, StopStatus.DELIVERED, BEFORE),
                stop(1, "330302001", 80, AFTER, StopStatus.PLANNED, null)), Set.of()), List.of());
        DeliveryReport.County total = report.total();
        assertThat(total.points()).isEqualTo(2);
        assertThat(total.people()).isEqualTo(200);
        assertThat(total.plannedInTime()).isEqualTo(120);
        assertThat(total.reachedInTime()).isEqualTo(120);
        assertThat(total.reached()).isEqualTo(120);
    }
}
