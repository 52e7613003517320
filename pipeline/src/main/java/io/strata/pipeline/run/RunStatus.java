package io.strata.pipeline.run;

import java.util.Locale;

/**
 * A run's status in its record. RUNNING is written first, so a run that dies without a word (kill
 * -9, a lost node) stays RUNNING; its host and pid tell a scheduler whether it still lives.
 */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
