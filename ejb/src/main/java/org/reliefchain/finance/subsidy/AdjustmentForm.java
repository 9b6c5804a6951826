package org.reliefchain.finance.subsidy;

import java.util.List;

/** A correction of an approved statement: why, and lines of signed amounts ("-120.50") with what each is for. */
public record AdjustmentForm(String reason, List<Line> lines) {

    public record Line(String amount, String explanation, String agreement, String material) {
    }
}
