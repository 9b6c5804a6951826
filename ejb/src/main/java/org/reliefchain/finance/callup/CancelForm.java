package org.reliefchain.finance.callup;

/** Cancelling the undelivered remainder: why, and the version the canceller saw. */
public record CancelForm(String reason, Long version) {
}
