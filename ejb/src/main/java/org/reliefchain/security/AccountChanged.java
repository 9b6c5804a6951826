package org.reliefchain.security;

/**
 * Fired (CDI event) when a user's password, role, jurisdiction or status changes, so that anything
 * remembering a sign-in for that user forgets it once the change has committed.
 */
public record AccountChanged(String username) {
}
