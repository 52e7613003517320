package io.strata.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code lock_timeout} values: a whole number and a unit, e.g. {@code 500ms}, {@code 30s}, {@code 5m}. */
final class LockTimeout {

    // At most 9 digits, so no value overflows a Duration.
    static final Pattern PATTERN = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    static final String FORMS = "a whole number followed by `ms`, `s`, `m` or `h`, e.g. `500ms`, `30s` or `5m`";

    private LockTimeout() {}

    static Optional<Duration> parse(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }
}
