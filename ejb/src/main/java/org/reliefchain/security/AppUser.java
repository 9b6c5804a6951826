package org.reliefchain.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;

/** A person who signs in. Changes go through verbs so that each one is a deliberate, audited act. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "jurisdiction_code")
    private String jurisdictionCode;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected AppUser() {
    }

    public AppUser(String username, String displayName, Role role, DivisionCode jurisdiction, String passwordHash,
                   Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.jurisdictionCode = jurisdiction.value();
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void assign(Role newRole, DivisionCode newJurisdiction, String newDisplayName, Instant now) {
        this.role = newRole;
        this.jurisdictionCode = newJurisdiction.value();
        this.displayName = newDisplayName;
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.enabled = true;
        this.updatedAt = now;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public DivisionCode jurisdictionCode() {
        return DivisionCode.of(jurisdictionCode);
    }

    public Jurisdiction jurisdiction() {
        return new Jurisdiction(jurisdictionCode());
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
