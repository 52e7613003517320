package io.strata.orchestration.cronjob;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kubernetes CronJob controller's decision for one CronJob at one moment ({@code syncCronJob}
 * in pkg/controller/cronjob/cronjob_controllerv2.go, after it has reconciled the active Jobs),
 * as a pure function: the same spec, state and clock always give the same {@link Decision}.
 *
 * <p>In order: a suspended CronJob does nothing; the due time is the most recent schedule time
 * since the last one (or since creation), counted from no earlier than
 * {@code now - startingDeadlineSeconds}, and only that one runs, once, however many were missed;
 * more than 100 missed times is a warning, not a refusal; a schedule that never fires is an
 * error; a due time started already, or blocked by an active run under {@code Forbid}, starts
 * nothing; {@code Replace} stops the active runs first.
 */
public final class CronJobController {

    private static final long SECOND = 1_000_000_000L;

    private CronJobController() {}

    /**
     * Decides at {@code clock.instant()}, with {@code clock.getZone()} as the controller's local
     * zone, in which a schedule without {@code timeZone} is read.
     */
    public static Decision decide(CronJobSchedule spec, ScheduleState state, Clock clock) {
        return decide(spec, state, clock.instant(), clock.getZone());
    }

    /**
     * @param controllerZone the kube-controller-manager's local zone (UTC on most clusters):
     *     schedules without {@code timeZone} are read in it
     */
    public static Decision decide(CronJobSchedule spec, ScheduleState state, Instant now, ZoneId controllerZone) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(controllerZone, "controllerZone");
        if (spec.suspend()) {
            return new Decision.Skip(SkipReason.SUSPENDED, Optional.empty(),
                    "suspended (spec.suspend is true); when it is set to false, the latest missed time runs"
                            + " unless startingDeadlineSeconds has passed", Optional.empty());
        }
        MissedSchedules missed = new MissedSchedules(spec.cron(), controllerZone);
        Optional<Long> deadline = spec.startingDeadlineSeconds();
        MissedSchedules.MostRecent due = missed.mostRecent(state, deadline, now, true);
        if (due.error().isPresent()) {
            return new Decision.Skip(SkipReason.NEVER_FIRES, Optional.empty(),
                    "the schedule \"" + spec.schedule() + "\" never fires (" + due.error().get() + ")", Optional.empty());
        }
        Optional<Instant> wake = missed.wakeAt(state, now);
        if (due.mostRecent().isEmpty()) {
            return nothingDue(missed, state, deadline, now, wake);
        }
        Instant scheduled = due.mostRecent().get();
        if (deadline.isPresent() && MissedSchedules.plus(scheduled, SECOND * deadline.get()).isBefore(now)) {
            return missedDeadline(scheduled, deadline.get(), wake);
        }
        if (alreadyStarted(state, scheduled)) {
            return new Decision.Skip(SkipReason.ALREADY_STARTED, Optional.of(scheduled),
                    "a run for this time is already active", wake);
        }
        if (spec.concurrencyPolicy() == ConcurrencyPolicy.FORBID && !state.active().isEmpty()) {
            return new Decision.Skip(SkipReason.FORBID_CONCURRENT, Optional.of(scheduled),
                    "run " + state.active().get(0).id() + " is still active and concurrencyPolicy is Forbid;"
                            + " this time starts when it ends, if still within startingDeadlineSeconds", wake);
        }
        List<ActiveRun> stopFirst = spec.concurrencyPolicy() == ConcurrencyPolicy.REPLACE ? state.active() : List.of();
        Decision.Run run = new Decision.Run(scheduled, stopFirst, due.missed() == MissedSchedules.Missed.MANY,
                Optional.empty());
        ScheduleState after = state.started(run, "");
        return new Decision.Run(scheduled, stopFirst, run.tooManyMissed(), missed.wakeAt(after, now));
    }

    /**
     * No time is due. When a deadline is set and the controller, counting without it, would have
     * had a time to run, that time was missed by more than the deadline: said as a skip, so that
     * the miss is on record. The controller does the same (nothing), only without saying so.
     */
    private static Decision nothingDue(MissedSchedules missed, ScheduleState state, Optional<Long> deadline,
            Instant now, Optional<Instant> wake) {
        if (deadline.isPresent()) {
            MissedSchedules.MostRecent withoutDeadline = missed.mostRecent(state, deadline, now, false);
            if (withoutDeadline.error().isEmpty() && withoutDeadline.mostRecent().isPresent()) {
                return missedDeadline(withoutDeadline.mostRecent().get(), deadline.get(), wake);
            }
        }
        return new Decision.Wait(wake);
    }

    private static Decision missedDeadline(Instant scheduled, long deadlineSeconds, Optional<Instant> wake) {
        return new Decision.Skip(SkipReason.MISSED_STARTING_DEADLINE, Optional.of(scheduled),
                "missed by more than startingDeadlineSeconds (" + deadlineSeconds + "s); it will not run", wake);
    }

    /**
     * The controller names a run's Job after its schedule time in minutes and skips a time whose
     * Job is active, or that is the last schedule time.
     */
    private static boolean alreadyStarted(ScheduleState state, Instant scheduled) {
        long minute = scheduled.getEpochSecond() / 60;
        return state.lastScheduleTime().filter(scheduled::equals).isPresent()
                || state.active().stream().anyMatch(r -> r.scheduledTime().getEpochSecond() / 60 == minute);
    }
}
