package org.reliefchain.finance.writeoff;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A write-off with its chain of signatures so far, the levels still to sign and what the viewer may do. */
public record WriteOffView(long id, String number, String warehouse, String warehouseNameZh, String warehouseNameEn,
                           String division, WriteOffCause cause, String description, String amount,
                           SignLevel requiredLevel, WriteOffStatus status, String rejectReason, String createdBy,
                           Instant createdAt, List<Signature> signatures, List<SignLevel> toSign, String hash,
                           List<String> actions, long version) implements Serializable {

    public record Signature(int seq, SignLevel level, String division, String signedBy, Instant signedAt) implements Serializable {
    }
}
