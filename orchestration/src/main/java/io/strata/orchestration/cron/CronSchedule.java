package io.strata.orchestration.cron;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A cron schedule exactly as robfig/cron v3.0.1 parses and computes it with the options the
 * Kubernetes CronJob controller uses ({@code cron.ParseStandard}: minute, hour, day of month,
 * month, day of week, and descriptors), so that a schedule means the same on a laptop as in a
 * cluster.
 *
 * <p>Accepted: five fields separated by white space; in each, a comma-separated list of
 * {@code *}, {@code ?}, {@code N}, {@code N-M}, any of those followed by {@code /STEP}
 * ({@code N/STEP} runs from N to the field's maximum); month names {@code JAN}-{@code DEC} and
 * weekday names {@code SUN}-{@code SAT} in any case; day of week 0-6 (7 is refused);
 * {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}; {@code @every <Go duration>};
 * and an optional {@code TZ=Zone } or {@code CRON_TZ=Zone } prefix.
 */
public sealed interface CronSchedule permits SpecSchedule, ConstantDelaySchedule {

    /**
     * Parses {@code spec} as {@code cron.ParseStandard} does.
     *
     * @throws InvalidScheduleException when robfig/cron refuses the schedule; the message quotes
     *     the schedule and says what is wrong
     */
    static CronSchedule parse(String spec) {
        return CronParser.parseStandard(spec);
    }

    /** The schedule as written. */
    String spec();

    /**
     * The first activation strictly after {@code after}, at a whole second, in the zone of
     * {@code after}; empty when none exists within five years (robfig's zero time), as for
     * {@code 0 0 30 2 *}.
     */
    Optional<ZonedDateTime> next(ZonedDateTime after);
}
