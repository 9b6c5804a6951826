package org.reliefchain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A county reported as a whole counts until figures of its places arrive; then they count instead. */
class FinerFiguresTest {

    private static AffectedReport report(String division, int people) {
        return new AffectedReport(1, new AffectedReport.AffectedFigures(division, people, 0, null, null, null, false,
                null), AffectedSource.REPORTED, Instant.EPOCH, Instant.EPOCH, "dispatcher");
    }

    @Test
    void a_county_figure_is_replaced_by_its_villages_and_nobody_is_counted_twice() {
        List<AffectedReport> current = AffectedService.finest(List.of(report("330324", 10_000),
                report("330324001", 800), report("330324001201", 120), report("330324001202", 80),
                report("330382", 5_000)));
        assertThat(current).extracting(AffectedReport::divisionCode)
                .containsExactly("330324001201", "330324001202", "330382");
    }

    @Test
    void a_county_reported_alone_counts() {
        assertThat(AffectedService.finest(List.of(report("330324", 10_000)))).hasSize(1);
    }
}
