package io.strata.core.environment;

import io.strata.core.config.EnvironmentName;
import io.strata.core.error.StrataException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names for ephemeral environments and their databases, derived from whatever CI passes (a branch
 * name such as {@code feature/Add segment!}, a pull request number): always a valid environment
 * name, and a database name that needs no quoting on PostgreSQL or MySQL and fits their limits.
 * Derivations are pure and stable: the same input gives the same name on every machine.
 */
public final class EphemeralNames {

    /** PostgreSQL's NAMEDATALEN - 1, in bytes; MySQL allows 64 characters, so the smaller limit serves both. */
    public static final int DATABASE_NAME_MAX = 63;

    private static final int ENV_NAME_MAX = 63;
    private static final int HASH_LENGTH = 6;

    private EphemeralNames() {}

    /**
     * The environment name for {@code requested}: itself when it already is a valid environment name
     * ({@code pr-12}); otherwise lowercased, accents dropped, every run of other characters turned
     * into one {@code _} ({@code feature/Add segment!} → {@code feature_add_segment}), prefixed with
     * {@code env_} when it does not start with a letter, and cut with a hash suffix when too long.
     */
    public static String environment(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new StrataException("the environment name is empty", "pass a name, e.g. `strata env up pr-1`");
        }
        if (EnvironmentName.isValid(requested)) {
            return requested;
        }
        String ascii = Normalizer.normalize(requested, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String name = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "env_" + name;
        }
        return name.length() <= ENV_NAME_MAX ? name : withHash(name, requested, ENV_NAME_MAX);
    }

    /**
     * The name to use when {@link #environment} of another input already names an ephemeral
     * environment: the same name, cut if needed, with a short hash of {@code requested}.
     */
    public static String disambiguated(String requested) {
        return withHash(environment(requested), requested, ENV_NAME_MAX);
    }

    /**
     * The database of environment {@code environment} made from {@code sourceDatabase}:
     * {@code <source>_<environment>} with {@code -} as {@code _}, characters outside
     * {@code [A-Za-z0-9_]} replaced, and cut to {@link #DATABASE_NAME_MAX} with a hash suffix.
     */
    public static String database(String sourceDatabase, String environment) {
        String full = (sourceDatabase + "_" + environment).replaceAll("[^A-Za-z0-9_]", "_");
        return full.length() <= DATABASE_NAME_MAX ? full : withHash(full, full, DATABASE_NAME_MAX);
    }

    /** {@code name} cut so that {@code _} and a six-character hash of {@code seed} fit in {@code max}. */
    private static String withHash(String name, String seed, int max) {
        String suffix = "_" + hash(seed);
        String cut = name.substring(0, Math.min(name.length(), max - suffix.length())).replaceAll("_+$", "");
        return cut + suffix;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
