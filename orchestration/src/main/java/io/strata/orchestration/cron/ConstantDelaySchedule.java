package io.strata.orchestration.cron;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code @every <duration>}: robfig/cron's {@code ConstantDelaySchedule}. The delay is the
 * duration with any fraction of a second dropped, and at least one second; each next time is the
 * time given plus the delay, minus the given time's fraction of a second. There is no calendar and
 * no time zone: a {@code TZ=} prefix is checked but has no effect, as in robfig.
 */
public final class ConstantDelaySchedule implements CronSchedule {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final String spec;
    private final long delayNanos;

    ConstantDelaySchedule(String spec, long requestedNanos) {
        this.spec = Objects.requireNonNull(spec, "spec");
        // robfig's Every: below one second becomes one second (negative durations too).
        long nanos = requestedNanos < SECOND_NANOS ? SECOND_NANOS : requestedNanos;
        this.delayNanos = nanos - nanos % SECOND_NANOS;
    }

    @Override
    public String spec() {
        return spec;
    }

    /** The delay between runs, whole seconds. */
    public Duration delay() {
        return Duration.ofNanos(delayNanos);
    }

    /** Never empty: a constant delay always has a next time. */
    @Override
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        return Optional.of(after.plusNanos(delayNanos - after.getNano()));
    }

    @Override
    public String toString() {
        return spec;
    }
}
