package org.reliefchain.finance.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static Reconciler.Side side(String material, LineKind kind, String basis, String amount) {
        return new Reconciler.Side("XY2026-000001", material, kind, basis == null ? null : new BigDecimal(basis),
                new BigDecimal(amount));
    }

    @Test
    void differences_are_listed_with_their_reason() {
        List<Reconciler.Side> ours = List.of(side("TENT", LineKind.STORAGE_FEE, "9200", "920.00"),
                side("QUILT", LineKind.STORAGE_FEE, "5000", "500.00"), side(null, LineKind.MANAGEMENT_FEE, "92", "920.00"),
                side("BED", LineKind.SHORTFALL, "10", "-5.00"));
        List<Reconciler.Side> theirs = List.of(side("TENT", LineKind.STORAGE_FEE, "9200", "920.00"),
                side("QUILT", LineKind.STORAGE_FEE, "5200", "520.00"), side(null, LineKind.MANAGEMENT_FEE, null, "921.00"),
                side("RICE", LineKind.STORAGE_FEE, "10", "1.00"));
        List<Reconciler.Difference> d = Reconciler.compare(ours, theirs);
        assertThat(d).extracting(Reconciler.Difference::reason)
                .containsExactly("BASIS", "AMOUNT", "MISSING_THEIRS", "MISSING_OURS");
        assertThat(d.get(0).detail()).contains("5000", "5200");
        assertThat(d.get(1).detail()).contains("-1.00");
    }

    @Test
    void matching_statements_have_no_difference_even_split_over_rows() {
        List<Reconciler.Side> ours = List.of(side("TENT", LineKind.STORAGE_FEE, "9200", "920.00"));
        List<Reconciler.Side> theirs = List.of(side("TENT", LineKind.STORAGE_FEE, "4600", "460.00"),
                side("TENT", LineKind.STORAGE_FEE, "4600", "460.00"));
        assertThat(Reconciler.compare(ours, theirs)).isEmpty();
    }
}
