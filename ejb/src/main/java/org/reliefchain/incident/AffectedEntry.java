package org.reliefchain.incident;

import java.time.Instant;

/**
 * One report of affected people as a client sends it. {@code division} is the demand point: a village
 * (12 digits), or a township or county while finer figures are not known. {@code reportedAt} defaults to now.
 */
public record AffectedEntry(String division, Integer people, Integer relocated, Integer under3, Integer over65,
                            Integer pregnant, Boolean cutOff, AffectedSource source, Instant reportedAt, String note) {
}
