package io.strata.orchestration.cronjob;

import io.strata.orchestration.cron.CronSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The controller's {@code mostRecentScheduleTime} and {@code nextScheduleTimeDuration}
 * (pkg/controller/cronjob/utils.go), with Go's duration arithmetic: saturating subtraction,
 * wrapping multiplication, rounding to the second, truncation of float seconds. Not "every
 * schedule time since the last run": the controller estimates how many were missed from the gap
 * between the next two, jumps to one gap before the estimate and takes the last time not after
 * now from there. For irregular schedules that estimate can jump past the missed times, and then
 * none runs; that is what a cluster does, so it is what happens here.
 */
final class MissedSchedules {

    /** How many schedule times were missed, as the controller classifies it. */
    enum Missed { NONE, FEW, MANY }

    /**
     * @param earliest the time counted from: last schedule time or creation, or now minus the deadline
     * @param mostRecent the most recent schedule time not after now, if any
     * @param error the controller's error for a schedule whose next two times are less than a second apart
     */
    record MostRecent(Instant earliest, Optional<Instant> mostRecent, Missed missed, Optional<String> error) {}

    /** The controller's requeue margin for clock skew ({@code nextScheduleDelta}). */
    static final long NEXT_SCHEDULE_DELTA_NANOS = 100_000_000L;

    private static final long SECOND = 1_000_000_000L;
    private static final int MANY_MISSED = 100;

    private final CronSchedule schedule;
    private final ZoneId controllerZone;

    MissedSchedules(CronSchedule schedule, ZoneId controllerZone) {
        this.schedule = schedule;
        this.controllerZone = controllerZone;
    }

    MostRecent mostRecent(ScheduleState state, Optional<Long> startingDeadlineSeconds, Instant now,
            boolean includeStartingDeadline) {
        Instant earliest = state.lastScheduleTime().orElse(state.creationTime());
        if (includeStartingDeadline && startingDeadlineSeconds.isPresent()) {
            Instant deadline = plus(now, -SECOND * startingDeadlineSeconds.get());
            if (deadline.isAfter(earliest)) {
                earliest = deadline;
            }
        }
        Optional<Instant> t1 = next(earliest);
        if (t1.isEmpty()) {
            return tooClose(earliest);
        }
        Optional<Instant> t2 = next(t1.get());
        if (now.isBefore(t1.get())) {
            return new MostRecent(earliest, Optional.empty(), Missed.NONE, Optional.empty());
        }
        if (t2.isEmpty()) {
            return tooClose(earliest);
        }
        if (now.isBefore(t2.get())) {
            return new MostRecent(earliest, t1, Missed.NONE, Optional.empty());
        }
        long between = (long) seconds(roundToSecond(sub(t2.get(), t1.get())));
        if (between < 1) {
            return tooClose(earliest);
        }
        long elapsed = (long) seconds(sub(now, t1.get()));
        long missedCount = elapsed / between + 1;
        // Go: t1.Add(time.Duration((n-1-1)*between) * time.Second), overflow wrapping as in Go.
        Instant potentialEarliest = plus(t1.get(), (missedCount - 2) * between * SECOND);
        Instant mostRecent = null;
        for (Optional<Instant> t = next(potentialEarliest); t.isPresent() && !t.get().isAfter(now);
                t = next(t.get())) {
            mostRecent = t.get();
        }
        Missed missed = missedCount > MANY_MISSED ? Missed.MANY : missedCount > 0 ? Missed.FEW : Missed.NONE;
        return new MostRecent(earliest, Optional.ofNullable(mostRecent), missed, Optional.empty());
    }

    /**
     * {@code nextScheduleTimeDuration} as an instant: the schedule time after the most recent one
     * (or after now, when times were missed but none is to run), plus the 100 ms margin.
     */
    Optional<Instant> wakeAt(ScheduleState state, Instant now) {
        MostRecent recent = mostRecent(state, Optional.empty(), now, false);
        Instant from;
        if (recent.error().isPresent()) {
            from = now;
        } else if (recent.mostRecent().isPresent()) {
            from = recent.mostRecent().get();
        } else {
            from = recent.missed() == Missed.NONE ? recent.earliest() : now;
        }
        return next(from).map(t -> t.plusNanos(NEXT_SCHEDULE_DELTA_NANOS));
    }

    /**
     * The schedule's next time after {@code t}. A schedule without its own zone works in the
     * controller's, as the controller's times are in its local zone.
     */
    Optional<Instant> next(Instant t) {
        return schedule.next(t.atZone(controllerZone)).map(z -> z.toInstant());
    }

    private static MostRecent tooClose(Instant earliest) {
        return new MostRecent(earliest, Optional.empty(), Missed.NONE,
                Optional.of("time difference between two schedules is less than 1 second"));
    }

    /** Go's {@code Time.Sub}: nanoseconds, saturated at the ends of int64. */
    static long sub(Instant a, Instant b) {
        long seconds = a.getEpochSecond() - b.getEpochSecond();
        long nanos = a.getNano() - b.getNano();
        if (seconds > Long.MAX_VALUE / SECOND - 1) {
            return Long.MAX_VALUE;
        }
        if (seconds < Long.MIN_VALUE / SECOND + 1) {
            return Long.MIN_VALUE;
        }
        long total = seconds * SECOND;
        long sum = total + nanos;
        if (((total ^ sum) & (nanos ^ sum)) < 0) {
            return nanos > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    /** Go's {@code Duration.Round(time.Second)}: halves away from zero, saturating. */
    static long roundToSecond(long d) {
        long r = d % SECOND;
        if (d < 0) {
            r = -r;
            if (r + r < SECOND) {
                return d + r;
            }
            long d1 = d - SECOND + r;
            return d1 < d ? d1 : Long.MIN_VALUE;
        }
        if (r + r < SECOND) {
            return d - r;
        }
        long d1 = d + SECOND - r;
        return d1 > d ? d1 : Long.MAX_VALUE;
    }

    /** Go's {@code Duration.Seconds()}, whose float the controller truncates to int64. */
    static double seconds(long d) {
        long sec = d / SECOND;
        long nsec = d % SECOND;
        return (double) sec + (double) nsec / 1e9;
    }

    /** Go's {@code Time.Add(d)}. */
    static Instant plus(Instant t, long nanos) {
        return t.plusNanos(nanos);
    }
}
