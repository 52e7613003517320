package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CronJob Strata manages in the cluster, as observe shows it: its schedule and the Jobs the
 * cluster still holds for it (found by owner reference, as {@code observe} does).
 *
 * @param pipeline its {@code strata.io/pipeline} label; {@code ?} when missing
 * @param timeZone {@code spec.timeZone}; null when not set (the controller's zone)
 * @param image the image Strata filled in; null when the manifest names its own
 * @param jobs its Jobs, oldest first
 */
public record ManagedCronJob(String pipeline, String name, String schedule, String timeZone, boolean suspended,
        String image, List<ClusterJob> jobs) {

    /**
     * One Job of a CronJob.
     *
     * @param outcome {@code succeeded}, {@code failed}, {@code running} or {@code pending}
     * @param reason why it failed, as the Job's condition says; null otherwise
     * @param startedAt {@code status.startTime}; null before it starts
     * @param endedAt {@code status.completionTime}, or the failure's time; null while it runs
     * @param pods each of its Pods' phase and exit, e.g. {@code pod customers-1-x: Failed, exit 1 (Error)}
     */
    public record ClusterJob(String name, String outcome, String reason, Instant startedAt, Instant endedAt,
            List<String> pods) {
        public ClusterJob {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            pods = List.copyOf(pods);
        }
    }

    public ManagedCronJob {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(name, "name");
        jobs = List.copyOf(jobs);
    }

    /** The CronJobs labelled as Strata's, by name; three passes over the lists whatever their number. */
    public static List<ManagedCronJob> of(LiveCluster live) {
        Map<String, List<Job>> jobs = ClusterStatus.byOwner(live.jobs());
        Map<String, List<Pod>> pods = ClusterStatus.byOwner(live.pods());
        return live.cronJobs().stream().filter(LiveCluster::managed)
                .sorted(Comparator.comparing((CronJob c) -> c.getMetadata().getName()))
                .map(c -> of(c, jobs, pods)).toList();
    }

    private static ManagedCronJob of(CronJob cronJob, Map<String, List<Job>> jobs, Map<String, List<Pod>> pods) {
        List<ClusterJob> own = jobs.getOrDefault(cronJob.getMetadata().getUid(), List.of()).stream()
                .sorted(Comparator.comparing(j -> String.valueOf(j.getMetadata().getCreationTimestamp())))
                .map(job -> job(job, pods)).toList();
        return new ManagedCronJob(cronJob.getMetadata().getLabels().getOrDefault(Labels.PIPELINE, "?"),
                cronJob.getMetadata().getName(), cronJob.getSpec().getSchedule(), cronJob.getSpec().getTimeZone(),
                Boolean.TRUE.equals(cronJob.getSpec().getSuspend()), ClusterPlanner.annotation(cronJob, Labels.IMAGE),
                own);
    }

    private static ClusterJob job(Job job, Map<String, List<Pod>> pods) {
        String outcome = ClusterStatus.outcome(job);
        int paren = outcome.indexOf(" (");
        String reason = paren < 0 ? null : outcome.substring(paren + 2, outcome.length() - 1);
        Instant started = job.getStatus() == null ? null : time(job.getStatus().getStartTime());
        Instant ended = job.getStatus() == null ? null : Optional.ofNullable(time(job.getStatus().getCompletionTime()))
                .orElseGet(() -> Optional.ofNullable(job.getStatus().getConditions()).orElse(List.of()).stream()
                        .filter(c -> "True".equals(c.getStatus()) && "Failed".equals(c.getType()))
                        .map(c -> time(c.getLastTransitionTime())).filter(Objects::nonNull).findFirst().orElse(null));
        List<String> podStates = pods.getOrDefault(job.getMetadata().getUid(), List.of()).stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).map(ClusterStatus::pod).toList();
        return new ClusterJob(job.getMetadata().getName(), paren < 0 ? outcome : outcome.substring(0, paren), reason,
                started, ended, podStates);
    }

    /** A Kubernetes time (RFC 3339); null when absent or unreadable. */
    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
