package org.reliefchain.finance.agreement;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** An inspection with each line as agreed and as found. */
public record CheckView(long id, long agreementId, String agreementNumber, LocalDate checkedOn, CheckKind kind,
                        String checkedBy, String note, List<Line> lines) implements Serializable {

    public record Line(int line, String material, String materialNameZh, String materialNameEn, String unitZh,
                       String unitEn, String agreed, String counted, String shortBy, boolean qualityOk, String note) implements Serializable {
    }
}
