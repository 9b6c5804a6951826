package org.reliefchain.finance.agreement;

import java.time.LocalDate;
import java.util.List;

/** An inspection as recorded: {@code line} is the agreement's line number. */
public record CheckForm(LocalDate checkedOn, CheckKind kind, String note, List<Line> lines) {

    public record Line(Integer line, String counted, Boolean qualityOk, String note) {
    }
}
