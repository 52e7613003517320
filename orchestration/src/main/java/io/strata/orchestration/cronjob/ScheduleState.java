package io.strata.orchestration.cronjob;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the controller knows about a CronJob besides its spec. Times are kept to whole seconds,
 * as the API server stores {@code creationTimestamp} and {@code lastScheduleTime}.
 *
 * @param creationTime {@code metadata.creationTimestamp}: the schedule counts from here until a
 *     first run is scheduled
 * @param lastScheduleTime {@code status.lastScheduleTime}: the schedule time of the latest run started
 * @param active {@code status.active}: the runs not yet finished
 */
public record ScheduleState(Instant creationTime, Optional<Instant> lastScheduleTime, List<ActiveRun> active) {

    public ScheduleState {
        creationTime = Objects.requireNonNull(creationTime, "creationTime").truncatedTo(ChronoUnit.SECONDS);
        lastScheduleTime = Objects.requireNonNull(lastScheduleTime, "lastScheduleTime")
                .map(t -> t.truncatedTo(ChronoUnit.SECONDS));
        active = List.copyOf(active);
    }

    /** A CronJob created at {@code creationTime} that has never run. */
    public static ScheduleState createdAt(Instant creationTime) {
        return new ScheduleState(creationTime, Optional.empty(), List.of());
    }

    public ScheduleState withLastScheduleTime(Instant time) {
        return new ScheduleState(creationTime, Optional.of(time), active);
    }

    public ScheduleState withActive(List<ActiveRun> runs) {
        return new ScheduleState(creationTime, lastScheduleTime, runs);
    }

    /**
     * The state after {@code run} has started, as the controller records it: the run is active
     * and its schedule time is the last schedule time; runs a {@code Replace} stopped are gone.
     */
    public ScheduleState started(Decision.Run run, String id) {
        List<ActiveRun> remaining = new ArrayList<>(active);
        remaining.removeAll(run.stopFirst());
        remaining.add(new ActiveRun(id, run.scheduledTime()));
        return new ScheduleState(creationTime, Optional.of(run.scheduledTime()), remaining);
    }

    /** The state after the active run {@code id} finished, whatever its outcome. */
    public ScheduleState finished(String id) {
        return withActive(active.stream().filter(r -> !r.id().equals(id)).toList());
    }
}
