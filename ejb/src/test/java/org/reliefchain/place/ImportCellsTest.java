package org.reliefchain.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.reliefchain.stock.imports.ImportRow;

class ImportCellsTest {

    @Test
    void a_date_and_time_without_an_offset_is_beijing_time_as_a_spreadsheet_filled_in_here_means_it() {
        ImportCells cells = new ImportCells(new ImportRow(2, Map.of("typed", "2026-08-10 09:45",
                "cell", "2026-08-10T09:45", "utc", "2026-08-10T01:45:00Z", "offset", "2026-08-10T09:45+08:00",
                "bad", "10/8/2026 9:45")));
        Instant expected = Instant.parse("2026-08-10T01:45:00Z");
        assertThat(cells.instant("typed")).isEqualTo(expected);
        assertThat(cells.instant("cell")).isEqualTo(expected);
        assertThat(cells.instant("utc")).isEqualTo(expected);
        assertThat(cells.instant("offset")).isEqualTo(expected);
        assertThat(cells.instant("bad")).isNull();
        assertThat(cells.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("bad");
            assertThat(e.reason()).contains("2026-08-10 09:45 (Beijing time)");
        });
    }
}
