package org.reliefchain.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import org.reliefchain.cluster.DataGrid;
import org.reliefchain.security.AccountChanged;

/**
 * Remembers successful HTTP Basic sign-ins for a minute. Basic sends the password with every request,
 * and checking a PBKDF2 hash costs tens of milliseconds of CPU by design: without this, password
 * hashing, not the work, would bound the API's throughput. Entries are keyed by a salted SHA-256 of
 * the header (no password is kept), and a user's entries are dropped as soon as a change to that
 * account commits: here at once, on the other instances of a cluster when the grid's message reaches them
 * (milliseconds). Failed sign-ins are never remembered.
 */
@ApplicationScoped
public class BasicCredentialCache {

    static final long TTL_NANOS = 60L * 1_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String username, CredentialValidationResult result, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];

    public BasicCredentialCache() {
        new SecureRandom().nextBytes(salt);
    }

    CredentialValidationResult validate(String header, String username, Supplier<CredentialValidationResult> check) {
        String key = key(header);
        long now = System.nanoTime();
        Entry cached = entries.get(key);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.result();
        }
        CredentialValidationResult result = check.get();
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(username, result, now + TTL_NANOS));
        } else {
            entries.remove(key);
        }
        return result;
    }

    /** Account changes heard from every member of the cluster (this one's too). */
    static final String FORGET_TOPIC = "reliefchain.accounts.changed";

    private DataGrid grid;
    private java.util.UUID listener;

    @PostConstruct
    void listenToTheCluster() {
        grid = DataGrid.find().orElse(null);
        if (grid != null) {
            listener = grid.<String>onMessage(FORGET_TOPIC, this::forget);
        }
    }

    @PreDestroy
    void stopListening() {
        if (grid != null) {
            grid.stopListening(null, FORGET_TOPIC, listener);
        }
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged changed) {
        forget(changed.username()); // here at once: the next request of this instance must not pass
        if (grid != null) {
            grid.publish(FORGET_TOPIC, changed.username());
        }
    }

    private void forget(String username) {
        entries.values().removeIf(e -> e.username().equals(username));
    }

    private String key(String header) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return java.util.HexFormat.of().formatHex(sha.digest(header.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
