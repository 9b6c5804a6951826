package org.reliefchain.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * A user as an administrator sees one; never carries the password hash. The jurisdiction is named in both
 * languages, as every division is, so that screens can follow the reader's language.
 */
public record UserView(String username, String displayName, Role role, String jurisdiction, String jurisdictionName,
                       String jurisdictionNameEn, boolean enabled, Instant createdAt, Instant updatedAt, long version) implements Serializable {
}
