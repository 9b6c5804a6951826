package org.reliefchain.finance.callup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.finance.callup.ProductionSchedule.Batch;
import org.reliefchain.finance.callup.ProductionSchedule.Delivery;
import org.reliefchain.finance.callup.ProductionSchedule.Progress;
import org.reliefchain.finance.callup.ProductionSchedule.State;
import org.reliefchain.platform.InvalidInputException;

/** A capacity reserve of 500 within 48 hours and 300 a day after, called up for 1,200 tents. */
class ProductionScheduleTest {

    private static final Instant ORDERED = Instant.parse("2026-08-10T02:00:00Z");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static List<Batch> tents() {
        return ProductionSchedule.promise(ORDERED, d("1200"), d("500"), 48, d("300"));
    }

    @Test
    void the_first_batch_is_due_within_the_hours_and_the_rest_day_by_day() {
        List<Batch> b = tents();
        assertThat(b).extracting(Batch::quantity).containsExactly(d("500"), d("300"), d("300"), d("100"));
        assertThat(b).extracting(Batch::dueAt).containsExactly(Instant.parse("2026-08-12T02:00:00Z"),
                Instant.parse("2026-08-13T02:00:00Z"), Instant.parse("2026-08-14T02:00:00Z"),
                Instant.parse("2026-08-15T02:00:00Z"));
        assertThat(b).extracting(Batch::seq).containsExactly(1, 2, 3, 4);
    }

    @Test
    void a_call_up_within_the_first_promise_is_one_batch() {
        assertThat(ProductionSchedule.promise(ORDERED, d("200"), d("500"), 24, d("300")))
                .containsExactly(new Batch(1, Instant.parse("2026-08-11T02:00:00Z"), d("200")));
    }

    @Test
    void more_than_a_years_production_is_refused() {
        assertThatThrownBy(() -> ProductionSchedule.promise(ORDERED, d("100000"), d("10"), 24, d("10")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void deliveries_fill_the_batches_in_order_and_a_batch_filled_after_its_time_is_late() {
        List<Delivery> came = List.of(new Delivery(Instant.parse("2026-08-12T01:00:00Z"), d("500")),
                new Delivery(Instant.parse("2026-08-13T09:00:00Z"), d("350")));
        List<Progress> p = ProductionSchedule.progress(tents(), came, Instant.parse("2026-08-14T06:00:00Z"));
        assertThat(p).extracting(Progress::state).containsExactly(State.ON_TIME, State.LATE, State.OVERDUE, State.DUE);
        assertThat(p).extracting(Progress::received).containsExactly(d("500"), d("300"), d("50"), d("0"));
        assertThat(p).extracting(Progress::promisedToDate).containsExactly(d("500"), d("800"), d("1100"), d("1200"));
        assertThat(p.get(1).filledAt()).isEqualTo(Instant.parse("2026-08-13T09:00:00Z"));
        assertThat(p.get(2).filledAt()).isNull();
    }

    @Test
    void nothing_delivered_before_the_first_due_time_is_not_late_yet() {
        List<Progress> p = ProductionSchedule.progress(tents(), List.of(), Instant.parse("2026-08-11T02:00:00Z"));
        assertThat(p).extracting(Progress::state).containsOnly(State.DUE);
    }
}
