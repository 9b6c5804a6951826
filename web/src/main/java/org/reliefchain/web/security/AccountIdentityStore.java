package org.reliefchain.web.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.security.PasswordHasher;

/**
 * Users and their role (one per user) from table {@code app_user}; a disabled user cannot sign in. Every
 * attempt costs one PBKDF2 verification: for a name that does not exist (or is disabled) the password is
 * checked against a hash made at start-up, so the answer takes as long as for a wrong password and does not
 * tell which user names exist.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource database;

    @Inject
    private PasswordHasher hasher;

    private String decoy;

    @PostConstruct
    void makeDecoy() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        decoy = hasher.hash(HexFormat.of().formatHex(random));
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String[] account = account(login.getCaller());
        boolean matches = hasher.matches(login.getPasswordAsString(), account == null ? decoy : account[0]);
        if (account == null || !matches) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), Set.of(account[1]));
    }

    /** The password hash and role of an enabled user, or null. */
    private String[] account(String username) {
        try (Connection c = database.getConnection();
             PreparedStatement p = c.prepareStatement("select password_hash, role from app_user where username = ? and enabled")) {
            p.setString(1, username);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? new String[] {r.getString(1), r.getString(2)} : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the user accounts", e);
        }
    }
}
