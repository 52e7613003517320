package io.strata.storage.migration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded for every applied migration. The algorithm is fixed forever, because
 * history tables outlive Strata versions: SHA-256 of the file's bytes with every CRLF replaced by
 * LF (so a checkout with {@code core.autocrlf} does not look like an edit), as lower-case hex.
 */
public final class Checksum {

    private Checksum() {}

    public static String of(byte[] fileBytes) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
        int start = 0;
        for (int i = 0; i < fileBytes.length - 1; i++) {
            if (fileBytes[i] == '\r' && fileBytes[i + 1] == '\n') {
                sha256.update(fileBytes, start, i - start);
                start = i + 1;
            }
        }
        sha256.update(fileBytes, start, fileBytes.length - start);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The first 12 hex digits: enough for people to compare, as git does. */
    public static String abbreviate(String checksum) {
        return checksum.length() <= 12 ? checksum : checksum.substring(0, 12);
    }
}
