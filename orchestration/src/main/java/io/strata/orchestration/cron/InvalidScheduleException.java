package io.strata.orchestration.cron;

import io.strata.core.error.StrataException;
import java.util.Objects;

/**
 * A cron schedule that robfig/cron v3, and therefore the Kubernetes CronJob controller, refuses.
 * The message quotes the schedule and says what is wrong with it; {@link #problem()} is the
 * reason alone, so a manifest reader can put the file and line in front of it.
 */
public final class InvalidScheduleException extends StrataException {
    private static final long serialVersionUID = 1L;

    static final String HINT = "a schedule is five fields `minute hour day-of-month month day-of-week`"
            + " (e.g. \"0 3 * * *\"), or one of @yearly @annually @monthly @weekly @daily @midnight"
            + " @hourly, or `@every <duration>` (e.g. \"@every 1h30m\")";

    private final String spec;
    private final String problem;

    InvalidScheduleException(String spec, String problem) {
        this(spec, problem, HINT);
    }

    InvalidScheduleException(String spec, String problem, String hint) {
        super("invalid schedule \"" + spec + "\": " + problem, hint);
        this.spec = Objects.requireNonNull(spec, "spec");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The schedule exactly as written. */
    public String spec() {
        return spec;
    }

    /** What is wrong, without the schedule in front. */
    public String problem() {
        return problem;
    }
}
