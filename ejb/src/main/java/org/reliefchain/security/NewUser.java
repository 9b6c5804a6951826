package org.reliefchain.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator fills in to create a user. A plain bean rather than a record: Payara's
 * OpenAPI scanner fails on Bean Validation annotations of record components.
 */
public class NewUser {

    @NotBlank
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
            message = "2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
    private String username;

    @NotBlank
    @Size(max = 100)
    private String displayName;

    @NotNull
    private Role role;

    @NotBlank
    private String jurisdiction;

    @NotNull
    @Size(min = 8, max = 128, message = "must have 8 to 128 characters")
    private String password;

    public NewUser() {
    }

    public NewUser(String username, String displayName, Role role, String jurisdiction, String password) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.jurisdiction = jurisdiction;
        this.password = password;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public String getJurisdiction() { return jurisdiction; }
    public void setJurisdiction(String jurisdiction) { this.jurisdiction = jurisdiction; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
