package org.reliefchain.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles of the application. Users and their role come from {@link AccountIdentityStore}; hashes are
 * PBKDF2 (see {@code PasswordHasher}).
 */
@DeclareRoles({"ADMIN", "WAREHOUSE_MANAGER", "DISPATCHER", "FINANCE", "AUDITOR"})
@ApplicationScoped
public class IdentityStoreConfiguration {
}
