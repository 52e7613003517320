package io.strata.orchestration.registry;

import io.strata.orchestration.manifest.CronJobManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduling fields of a CronJob, as the registry keeps them in columns of their own for people
 * and queries to read. The manifest text beside them is what the scheduler parses; these are a copy.
 *
 * @param schedule {@code spec.schedule}
 * @param timeZone {@code spec.timeZone}; null when the scheduler's own zone applies
 * @param concurrencyPolicy {@code spec.concurrencyPolicy}, as written in manifests: Allow, Forbid, Replace
 * @param suspend {@code spec.suspend}
 * @param startingDeadlineSeconds {@code spec.startingDeadlineSeconds}; null for none
 * @param backoffLimit {@code spec.jobTemplate.spec.backoffLimit} (Kubernetes' default 6 when not written)
 * @param activeDeadlineSeconds {@code spec.jobTemplate.spec.activeDeadlineSeconds}; null for none
 */
public record ScheduleFields(String schedule, String timeZone, String concurrencyPolicy, boolean suspend,
        Long startingDeadlineSeconds, int backoffLimit, Long activeDeadlineSeconds) {

    /** The field names, as columns of the registry and attributes of a plan change. */
    static final String SCHEDULE = "schedule";
    static final String TIME_ZONE = "time_zone";
    static final String CONCURRENCY_POLICY = "concurrency_policy";
    static final String SUSPEND = "suspend";
    static final String STARTING_DEADLINE_SECONDS = "starting_deadline_seconds";
    static final String BACKOFF_LIMIT = "backoff_limit";
    static final String ACTIVE_DEADLINE_SECONDS = "active_deadline_seconds";

    public ScheduleFields {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(concurrencyPolicy, "concurrencyPolicy");
    }

    public static ScheduleFields of(CronJobManifest cronJob) {
        return new ScheduleFields(cronJob.schedule().schedule(), cronJob.schedule().timeZone().orElse(null),
                cronJob.schedule().concurrencyPolicy().manifestName(), cronJob.schedule().suspend(),
                cronJob.schedule().startingDeadlineSeconds().orElse(null), cronJob.retry().backoffLimit(),
                cronJob.retry().activeDeadlineSeconds().orElse(null));
    }

    public Optional<String> zone() {
        return Optional.ofNullable(timeZone);
    }

    /** As plan attributes: one key per field, none for a field that is not set. */
    public Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SCHEDULE, schedule);
        if (timeZone != null) {
            out.put(TIME_ZONE, timeZone);
        }
        out.put(CONCURRENCY_POLICY, concurrencyPolicy);
        out.put(SUSPEND, Boolean.toString(suspend));
        if (startingDeadlineSeconds != null) {
            out.put(STARTING_DEADLINE_SECONDS, Long.toString(startingDeadlineSeconds));
        }
        out.put(BACKOFF_LIMIT, Integer.toString(backoffLimit));
        if (activeDeadlineSeconds != null) {
            out.put(ACTIVE_DEADLINE_SECONDS, Long.toString(activeDeadlineSeconds));
        }
        return out;
    }

    /** The fields {@link #attributes()} wrote. */
    public static ScheduleFields fromAttributes(Map<String, String> attributes) {
        return new ScheduleFields(required(attributes, SCHEDULE), attributes.get(TIME_ZONE),
                required(attributes, CONCURRENCY_POLICY), Boolean.parseBoolean(required(attributes, SUSPEND)),
                optionalLong(attributes.get(STARTING_DEADLINE_SECONDS)),
                Integer.parseInt(required(attributes, BACKOFF_LIMIT)),
                optionalLong(attributes.get(ACTIVE_DEADLINE_SECONDS)));
    }

    /** What differs from {@code after}, one entry per field: {@code schedule "0 3 * * *" → "0 4 * * *"}. */
    public List<String> changesTo(ScheduleFields after) {
        List<String> changes = new ArrayList<>();
        change(changes, SCHEDULE, quoted(schedule), quoted(after.schedule));
        change(changes, "time zone", orNone(timeZone), orNone(after.timeZone));
        change(changes, "concurrency policy", concurrencyPolicy, after.concurrencyPolicy);
        change(changes, SUSPEND, Boolean.toString(suspend), Boolean.toString(after.suspend));
        change(changes, "starting deadline", seconds(startingDeadlineSeconds), seconds(after.startingDeadlineSeconds));
        change(changes, "backoff limit", Integer.toString(backoffLimit), Integer.toString(after.backoffLimit));
        change(changes, "active deadline", seconds(activeDeadlineSeconds), seconds(after.activeDeadlineSeconds));
        return changes;
    }

    /** {@code "0 3 * * *"}, with its zone when it has one. */
    public String describe() {
        return quoted(schedule) + (timeZone == null ? "" : " in " + timeZone) + (suspend ? ", suspended" : "");
    }

    private static void change(List<String> changes, String field, String before, String after) {
        if (!before.equals(after)) {
            changes.add(field + " " + before + " → " + after);
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String seconds(Long value) {
        return value == null ? "none" : value + "s";
    }

    private static String required(Map<String, String> attributes, String key) {
        String value = attributes.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the change has no attribute `" + key + "`");
        }
        return value;
    }

    private static Long optionalLong(String value) {
        return value == null ? null : Long.valueOf(value);
    }
}
