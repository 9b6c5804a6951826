package org.reliefchain.security;

import java.time.Instant;

/** A user as an administrator sees one; never carries the password hash. */
public record UserView(String username, String displayName, Role role, String jurisdiction, String jurisdictionName,
                       boolean enabled, Instant createdAt, Instant updatedAt, long version) {
}
