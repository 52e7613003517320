package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.core.config.SourceLocation;
import io.strata.orchestration.cron.CronSchedule;
import io.strata.orchestration.cronjob.ConcurrencyPolicy;
import io.strata.orchestration.cronjob.CronJobSchedule;
import io.strata.orchestration.layer.DeclaredCronJob;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lint for the CronJobs a Kubernetes environment deploys, run by {@code plan}: what the API server
 * accepts but what will not run as meant. Codes are stable and never reused; each has a page,
 * {@code docs/lint/CJ1NN.md}. CJ102 (a time zone inside {@code schedule}) is refused when
 * {@code k8s/} is read, as the API server refuses it since Kubernetes 1.29, so it surfaces as that
 * error rather than as a finding.
 */
public final class CronJobLint {

    /** One finding: a code, where, and what to do. */
    public record Finding(String code, SourceLocation location, String cronJob, String message) {
        @Override
        public String toString() {
            return code + " " + location.file() + ":" + location.line() + ": " + cronJob + ": " + message
                    + " (docs/lint/" + code + ".md)";
        }
    }

    /** Every code this lint reports or documents, in order; never reused. */
    public static final java.util.List<String> CODES = java.util.List.of("CJ101", "CJ102", "CJ103", "CJ104", "CJ105",
            "CJ106", "CJ107", "CJ108");

    /** A tag Strata's image builder makes: 16 hex digits of the content hash. */
    private static final Pattern CONTENT_TAG = Pattern.compile("[0-9a-f]{16}");
    /** The controller gives up on a CronJob that missed more than this many starts. */
    static final int MISSED_STARTS = 100;
    /** How long a controller outage or a suspension the CJ104 check assumes. */
    static final Duration OUTAGE = Duration.ofDays(7);
    /** The controller syncs every 10 s, so a shorter deadline may never be met. */
    static final long SYNC_SECONDS = 10;
    private static final ZonedDateTime FROM = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZoneOffset.UTC);

    private CronJobLint() {}

    public static List<Finding> check(List<ClusterCronJob> cronJobs) {
        List<Finding> findings = new ArrayList<>();
        cronJobs.forEach(c -> findings.addAll(check(c)));
        return findings;
    }

    static List<Finding> check(ClusterCronJob cronJob) {
        DeclaredCronJob declared = cronJob.declared();
        CronJobSchedule schedule = declared.manifest().schedule();
        List<Finding> findings = new ArrayList<>();
        CronSchedule cron = schedule.cron();
        if (cron.next(FROM).isEmpty()) {
            findings.add(finding("CJ101", cronJob, "schedule \"" + schedule.schedule() + "\" never fires", "spec", "schedule"));
        }
        if (ambiguous(schedule.schedule())) {
            findings.add(finding("CJ103", cronJob, "schedule \"" + schedule.schedule() + "\" restricts both the day of"
                    + " month and the day of week: cron runs when EITHER matches, not when both do", "spec", "schedule"));
        }
        if (schedule.startingDeadlineSeconds().isEmpty() && startsWithin(cron, OUTAGE) > MISSED_STARTS) {
            findings.add(finding("CJ104", cronJob, "no startingDeadlineSeconds, and schedule \"" + schedule.schedule()
                    + "\" misses more than " + MISSED_STARTS + " starts in a " + OUTAGE.toDays() + "-day suspension or"
                    + " outage: the controller then reports TooManyMissedTimes (older ones stopped starting it)", "spec",
                    "schedule"));
        }
        schedule.startingDeadlineSeconds().filter(s -> s < SYNC_SECONDS).ifPresent(s -> findings.add(finding("CJ105",
                cronJob, "startingDeadlineSeconds: " + s + (s == 0 ? " never starts a Job" : " may never start a Job")
                        + ": the controller checks every " + SYNC_SECONDS + " s", "spec", "startingDeadlineSeconds")));
        String sink = declared.manifest().annotations().get(Labels.SINK);
        if ("replace".equals(sink) && schedule.concurrencyPolicy() == ConcurrencyPolicy.ALLOW) {
            findings.add(finding("CJ106", cronJob, "concurrencyPolicy Allow on a pipeline whose sink is `replace` (" + Labels.SINK + "): two runs at once"
                    + " race, and the older one's table can replace the newer one's", "spec", "concurrencyPolicy"));
        }
        JsonNode containers = cronJob.object().at("/spec/jobTemplate/spec/template/spec/containers");
        for (JsonNode container : containers) {
            JsonNode resources = container.path("resources");
            if (resources.path("requests").isEmpty() || resources.path("limits").isEmpty()) {
                findings.add(finding("CJ107", cronJob, "container `" + container.path("name").asText() + "` sets no"
                        + " resource " + (resources.path("requests").isEmpty() ? "requests" : "limits"), "spec", "jobTemplate"));
            }
            String image = container.path("image").asText();
            if (!pinned(image)) {
                findings.add(finding("CJ108", cronJob, "image `" + image + "` has neither a digest nor a content tag:"
                        + " what runs can change without a change in Git", "spec", "jobTemplate"));
            }
        }
        return findings;
    }

    /** Both day fields restricted (neither {@code *} nor {@code ?}). Descriptors are never ambiguous. */
    static boolean ambiguous(String schedule) {
        String[] fields = schedule.trim().split("\\s+");
        return fields.length == 5 && !unrestricted(fields[2]) && !unrestricted(fields[4]);
    }

    private static boolean unrestricted(String field) {
        return field.equals("*") || field.equals("?");
    }

    /** How many times the schedule fires within {@code window}, counting up to one more than {@link #MISSED_STARTS}. */
    static int startsWithin(CronSchedule cron, Duration window) {
        ZonedDateTime end = FROM.plus(window);
        Optional<ZonedDateTime> next = cron.next(FROM);
        int count = 0;
        while (next.isPresent() && !next.get().isAfter(end) && count <= MISSED_STARTS) {
            count++;
            next = cron.next(next.get());
        }
        return count;
    }

    /** A digest, or a tag of 16 hex digits (Strata's content tag). */
    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash && CONTENT_TAG.matcher(image.substring(colon + 1)).matches();
    }

    private static Finding finding(String code, ClusterCronJob cronJob, String message, String... keys) {
        return new Finding(code, DesiredCronJobs.location(cronJob.declared(), keys), cronJob.name(), message);
    }
}
