package org.reliefchain.finance.writeoff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of signed write-offs (pure). A record's hash is SHA-256 over the previous record's hash
 * and the record's content, so changing any signed write-off, or removing or reordering a record,
 * breaks every hash from there on.
 */
public final class Chain {

    /** What the first record follows. */
    public static final String GENESIS = "0".repeat(64);

    private Chain() {
    }

    public static String hash(String previousHash, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
