package org.reliefchain.security;

/**
 * Fired (CDI event) when an administrator lifts the sign-in lock that wrong passwords put on a user name,
 * so that the throttle in front of sign-in forgets that name's failures.
 */
public record SignInUnlocked(String username) {
}
