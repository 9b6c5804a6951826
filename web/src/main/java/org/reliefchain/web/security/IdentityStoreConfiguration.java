package org.reliefchain.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.reliefchain.platform.DatabaseSetup;

/**
 * Users and their role (one per user) come from table {@code app_user}; a disabled user finds no
 * password and cannot sign in. Hashes are PBKDF2 (see {@code PasswordHasher}).
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = DatabaseSetup.DATASOURCE,
        callerQuery = "select password_hash from app_user where username = ? and enabled",
        groupsQuery = "select role from app_user where username = ? and enabled",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({"ADMIN", "WAREHOUSE_MANAGER", "DISPATCHER", "FINANCE", "AUDITOR"})
@ApplicationScoped
public class IdentityStoreConfiguration {
}
