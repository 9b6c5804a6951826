package org.reliefchain.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator fills in to create a user. */
public record NewUser(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
                message = "2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
        String username,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull Role role,
        @NotBlank String jurisdiction,
        @NotNull @Size(min = 8, max = 128, message = "must have 8 to 128 characters") String password) {
}
