package org.reliefchain.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A change of role, jurisdiction or name; {@code version} is the one the administrator saw. */
public record UserChange(
        @NotBlank @Size(max = 100) String displayName,
        @NotNull Role role,
        @NotBlank String jurisdiction,
        @NotNull Long version) {
}
