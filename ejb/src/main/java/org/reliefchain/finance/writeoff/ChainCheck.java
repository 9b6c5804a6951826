package org.reliefchain.finance.writeoff;

import java.io.Serializable;

/**
 * The chain checked end to end: how many records, whether every hash and every recorded content still
 * matches, and the first write-off where it does not (null when all is well).
 */
public record ChainCheck(long records, boolean intact, String firstBroken, String reason) implements Serializable {
}
