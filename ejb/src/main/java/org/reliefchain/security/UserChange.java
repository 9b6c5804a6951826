package org.reliefchain.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A change of role, jurisdiction or name; {@code version} is the one the administrator saw. */
public class UserChange {

    @NotBlank
    @Size(max = 100)
    private String displayName;

    @NotNull
    private Role role;

    @NotBlank
    private String jurisdiction;

    @NotNull
    private Long version;

    public UserChange() {
    }

    public UserChange(String displayName, Role role, String jurisdiction, Long version) {
        this.displayName = displayName;
        this.role = role;
        this.jurisdiction = jurisdiction;
        this.version = version;
    }

    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public String getJurisdiction() { return jurisdiction; }
    public void setJurisdiction(String jurisdiction) { this.jurisdiction = jurisdiction; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
