package io.strata.orchestration.cronjob;

import io.strata.orchestration.cron.CronSchedule;
import io.strata.orchestration.cron.GoTimeZone;
import io.strata.orchestration.cron.InvalidScheduleException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scheduling part of a CronJob's spec, checked as the Kubernetes API server checks it when the
 * CronJob is created: a schedule {@code cron.ParseStandard} accepts and without {@code TZ}
 * ({@code timeZone} is the supported way), a {@code timeZone} that is an IANA name (never
 * {@code Local}), and a {@code startingDeadlineSeconds} that is not negative.
 *
 * @param schedule {@code spec.schedule}, as written
 * @param timeZone {@code spec.timeZone}; empty: the controller's own zone
 * @param startingDeadlineSeconds {@code spec.startingDeadlineSeconds}; empty: no deadline
 * @param concurrencyPolicy {@code spec.concurrencyPolicy}
 * @param suspend {@code spec.suspend}
 * @throws InvalidCronJobException for what the API server would refuse
 */
public record CronJobSchedule(String schedule, Optional<String> timeZone, Optional<Long> startingDeadlineSeconds,
        ConcurrencyPolicy concurrencyPolicy, boolean suspend) {

    /** A part of a zone name between slashes, as the API server's validation allows it. */
    private static final Pattern ZONE_PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");

    public CronJobSchedule {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(startingDeadlineSeconds, "startingDeadlineSeconds");
        Objects.requireNonNull(concurrencyPolicy, "concurrencyPolicy");
        validateSchedule(schedule);
        timeZone.ifPresent(CronJobSchedule::validateTimeZone);
        if (startingDeadlineSeconds.isPresent() && startingDeadlineSeconds.get() < 0) {
            throw new InvalidCronJobException("spec.startingDeadlineSeconds",
                    "must be greater than or equal to 0, not " + startingDeadlineSeconds.get(),
                    "leave it out for no deadline, or give the seconds a late run may still start");
        }
    }

    /** {@code schedule} with Kubernetes' defaults: no time zone, no deadline, {@code Allow}, not suspended. */
    public static CronJobSchedule of(String schedule) {
        return new CronJobSchedule(schedule, Optional.empty(), Optional.empty(), ConcurrencyPolicy.ALLOW, false);
    }

    public CronJobSchedule withTimeZone(String zone) {
        return new CronJobSchedule(schedule, Optional.of(zone), startingDeadlineSeconds, concurrencyPolicy, suspend);
    }

    public CronJobSchedule withStartingDeadlineSeconds(long seconds) {
        return new CronJobSchedule(schedule, timeZone, Optional.of(seconds), concurrencyPolicy, suspend);
    }

    public CronJobSchedule withConcurrencyPolicy(ConcurrencyPolicy policy) {
        return new CronJobSchedule(schedule, timeZone, startingDeadlineSeconds, policy, suspend);
    }

    public CronJobSchedule withSuspend(boolean suspended) {
        return new CronJobSchedule(schedule, timeZone, startingDeadlineSeconds, concurrencyPolicy, suspended);
    }

    /** The zone of {@code timeZone}; empty when the controller's own zone applies. */
    public Optional<ZoneId> zone() {
        return timeZone.flatMap(GoTimeZone::load);
    }

    /**
     * The schedule as the controller parses it: {@code TZ=<timeZone> <schedule>} when a time zone
     * is set ({@code formatSchedule} in cronjob_controllerv2.go).
     */
    public CronSchedule cron() {
        return CronSchedule.parse(timeZone.map(zone -> "TZ=" + zone + " " + schedule).orElse(schedule));
    }

    private static void validateSchedule(String schedule) {
        if (schedule.isEmpty()) {
            throw new InvalidCronJobException("spec.schedule", "is required",
                    "give a cron schedule such as \"0 3 * * *\" (every day at 03:00)");
        }
        try {
            CronSchedule.parse(schedule);
        } catch (InvalidScheduleException e) {
            throw new InvalidCronJobException("spec.schedule", e.getMessage(), e.hint());
        }
        if (schedule.contains("TZ")) {
            throw new InvalidCronJobException("spec.schedule",
                    "cannot use TZ or CRON_TZ in schedule \"" + schedule + "\", use the timeZone field instead",
                    "move the zone to `timeZone:` (e.g. timeZone: Europe/Berlin) and keep only the cron fields"
                            + " (docs/lint/CJ102.md)");
        }
    }

    private static void validateTimeZone(String zone) {
        String hint = "name an IANA time zone, such as Europe/Berlin, America/New_York or Etc/UTC";
        if (zone.isEmpty()) {
            throw new InvalidCronJobException("spec.timeZone", "must be left out or not empty", hint);
        }
        for (String part : zone.split("/", -1)) {
            if (part.equals(".") || part.equals("..") || part.startsWith("-") || !ZONE_PART.matcher(part).matches()) {
                throw new InvalidCronJobException("spec.timeZone", "unknown time zone " + zone, hint);
            }
        }
        if (zone.equalsIgnoreCase(GoTimeZone.LOCAL)) {
            throw new InvalidCronJobException("spec.timeZone",
                    "must be an explicit time zone, not " + zone, hint);
        }
        if (GoTimeZone.load(zone).isEmpty()) {
            throw new InvalidCronJobException("spec.timeZone", "unknown time zone " + zone, hint);
        }
    }
}
