package org.reliefchain.finance.journal;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A journal entry as the API shows it. */
public record JournalView(long id, Instant postedAt, String postedBy, String division, String documentType,
                          long documentId, String documentNumber, String memo, List<Line> lines) implements Serializable {

    public record Line(int line, Account account, Long enterpriseId, String enterpriseName, String debit,
                       String credit) implements Serializable {
    }
}
