package io.strata.core.config;

import io.strata.core.error.StrataException;
import java.util.regex.Pattern;

/**
 * Environment names: lowercase identifiers such as {@code dev} or {@code staging-eu}. They end up
 * in plan files, journal rows and lock names, so they are never paths, never empty and never
 * mixed-case lookalikes of one another.
 */
public final class EnvironmentName {

    /** The environment that exists even when {@code strata.yaml} declares none. */
    public static final String DEFAULT = "dev";

    static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    static final String RULE =
            "a lowercase letter followed by up to 62 lowercase letters, digits, `_` or `-`";

    private EnvironmentName() {}

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /**
     * Returns {@code name} if it is a valid environment name; otherwise throws an error saying why.
     * The CLI checks {@code --env NAME} with this before loading anything.
     */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new StrataException("environment name is empty",
                    "name an environment, e.g. `--env dev`");
        }
        if (!isValid(name)) {
            throw new StrataException(
                    "`" + shorten(name) + "` is not a valid environment name: expected " + RULE,
                    "use a name like `dev`, `staging` or `prod-eu`");
        }
        return name;
    }

    /** Keeps messages readable when someone passes a paragraph as a name. */
    static String shorten(String text) {
        return text.length() > 70 ? text.substring(0, 70) + "..." : text;
    }
}
