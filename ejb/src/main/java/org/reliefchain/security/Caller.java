package org.reliefchain.security;

/** Who is making the current request, as far as authorisation cares. */
public record Caller(String username, Role role, Jurisdiction jurisdiction) {
}
