package org.reliefchain.stock.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.platform.InvalidInputException;

class SheetReaderTest {

    @Test
    void csv_rows_are_keyed_by_the_lower_cased_header_and_keep_their_file_line() {
        String csv = "\uFEFFWarehouse,Material,Lot,Quantity,Reason\r\n"
                + "ZJ-330324,QUILT-COTTON,Q1,40,\"采购入库, 第一批\"\r\n"
                + "\r\n"
                + "ZJ-330324,BLANKET,\"B\"\"2\",5,\n";
        List<ImportRow> rows = SheetReader.read(csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).get("warehouse")).isEqualTo("ZJ-330324");
        assertThat(rows.get(0).get("reason")).isEqualTo("采购入库, 第一批");
        assertThat(rows.get(1).line()).as("the blank line is skipped, not renumbered").isEqualTo(4);
        assertThat(rows.get(1).get("lot")).isEqualTo("B\"2");
        assertThat(rows.get(1).get("reason")).isNull();
    }

    @Test
    void an_empty_file_or_a_broken_workbook_is_refused_by_name() {
        assertThatThrownBy(() -> SheetReader.read(new byte[0], false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file");
        assertThatThrownBy(() -> SheetReader.read("not a zip".getBytes(StandardCharsets.UTF_8), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("XLSX");
    }
}
