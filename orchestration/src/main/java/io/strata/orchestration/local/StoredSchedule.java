package io.strata.orchestration.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CronJob's row in {@code strata.scheduler_state}: what the CronJob controller keeps in the
 * CronJob's metadata and status, so that a restarted scheduler decides as a cluster would after
 * the same downtime.
 *
 * @param creationTime when the scheduler first saw the CronJob (its {@code creationTimestamp})
 * @param lastScheduleTime the schedule time of the latest run started ({@code status.lastScheduleTime})
 * @param active the runs not yet finished ({@code status.active})
 */
public record StoredSchedule(String cronJob, Instant creationTime, Optional<Instant> lastScheduleTime,
        List<Active> active) {

    /**
     * An unfinished run: {@code id} names it across its attempts, {@code runId} and {@code pid}
     * are its current attempt's, so a restarted scheduler can find the process and its record.
     */
    public record Active(String id, Instant scheduledTime, String runId, long pid) {
        public Active {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(scheduledTime, "scheduledTime");
            Objects.requireNonNull(runId, "runId");
        }
    }

    public StoredSchedule {
        Objects.requireNonNull(cronJob, "cronJob");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(lastScheduleTime, "lastScheduleTime");
        active = List.copyOf(active);
    }

    /** The {@code active} column: one line per run, {@code id scheduledTime runId pid}. */
    String activeText() {
        StringBuilder s = new StringBuilder();
        for (Active a : active) {
            s.append(a.id()).append(' ').append(a.scheduledTime()).append(' ').append(a.runId()).append(' ')
                    .append(a.pid()).append('\n');
        }
        return s.toString();
    }

    static List<Active> parseActive(String text) {
        List<Active> active = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 4) {
                active.add(new Active(parts[0], Instant.parse(parts[1]), parts[2], Long.parseLong(parts[3])));
            }
        }
        return active;
    }
}
