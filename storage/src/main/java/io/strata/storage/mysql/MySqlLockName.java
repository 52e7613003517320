package io.strata.storage.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of a database's apply lock. {@code GET_LOCK} names are server-wide, so the name carries
 * the database: two platforms on one server never wait for each other. MySQL refuses names over 64
 * characters, so a long database name is replaced by its hash. (MySQL compares lock names without
 * case, so databases {@code A} and {@code a} share a lock: they only ever wait for each other.)
 */
final class MySqlLockName {

    static final int MAX_LENGTH = 64;
    private static final String PREFIX = "strata.apply.";
    private static final String HASHED_PREFIX = PREFIX + "sha256:";

    private MySqlLockName() {}

    /** {@code strata.apply.<database>}, or {@code strata.apply.sha256:<hex>} when that is too long. */
    static String of(String database) {
        String plain = PREFIX + database;
        if (plain.length() <= MAX_LENGTH) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return HASHED_PREFIX + HexFormat.of().formatHex(digest).substring(0, MAX_LENGTH - HASHED_PREFIX.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
