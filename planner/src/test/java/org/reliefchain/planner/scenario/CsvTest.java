package org.reliefchain.planner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario and data files as a dispatcher edits them in Excel and sends them on. */
class CsvTest {

    @TempDir
    Path dir;

    @Test
    void names_with_commas_quotes_and_line_breaks_are_written_and_read_back_whole() throws IOException {
        Path file = dir.resolve("points.csv");
        try (CSVPrinter w = Csv.writer(file)) {
            w.printRecord("id", "name", "people");
            w.printRecord("P1", "岩头镇, 东村", 120);
            w.printRecord("P2", "\"新\"安置点\n二号", 80);
            w.printRecord("P3", "", 5);
        }
        assertThat(Files.readString(file)).startsWith("id,name,people\nP1,\"岩头镇, 东村\",120\n");
        List<Csv.Row> rows = Csv.rows(file);
        assertThat(rows).extracting(r -> r.fields().get("name")).containsExactly("岩头镇, 东村", "\"新\"安置点\n二号", "");
        assertThat(rows).extracting(Csv.Row::line).as("a record's number, header first").containsExactly(2, 3, 4);
    }

    @Test
    void a_file_saved_by_excel_with_a_byte_order_mark_or_in_gbk_reads_the_same() throws IOException {
        Path utf8 = dir.resolve("utf8.csv");
        Files.write(utf8, "\uFEFFpoint,name\r\nP1,永嘉县岩头镇\r\n".getBytes(StandardCharsets.UTF_8));
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "point,name\r\nP1,永嘉县岩头镇\r\n".getBytes(Charset.forName("GBK")));
        for (Path file : List.of(utf8, gbk)) {
            assertThat(Csv.read(file)).as(file.getFileName().toString())
                    .containsExactly(Map.of("point", "P1", "name", "永嘉县岩头镇"));
        }
    }

    @Test
    void blank_lines_are_skipped_but_counted_and_a_short_record_reads_empty_fields() throws IOException {
        Path file = dir.resolve("short.csv");
        Files.writeString(file, "a,b,c\n\n1,2\n");
        assertThat(Csv.rows(file)).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.fields()).containsEntry("c", "");
        });
    }

    @Test
    void an_empty_file_or_an_unclosed_quote_names_the_file() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "\n\n");
        assertThatThrownBy(() -> Csv.rows(empty)).isInstanceOf(IOException.class).hasMessageContaining("empty.csv is empty");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "a,b\n1,\"two\n");
        assertThatThrownBy(() -> Csv.rows(broken)).isInstanceOf(IOException.class).hasMessageContaining("broken.csv");
    }
}
