package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.strata.core.layer.LayerStatus;
import io.strata.core.plan.Change;
import io.strata.orchestration.layer.OrchestrationLayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code strata observe} says about a cluster: a line per CronJob Strata manages (schedule,
 * image, last Job and its Pods' outcome, from owner references), then what is pending (Git and
 * cluster differ) and what is drift (a CronJob edited outside Strata: it differs from what Strata
 * last wrote into it).
 */
final class ClusterStatus {

    private ClusterStatus() {}

    static LayerStatus of(LiveCluster live, List<Change> pending) {
        Map<String, List<Job>> jobsByOwner = byOwner(live.jobs());
        Map<String, List<Pod>> podsByOwner = byOwner(live.pods());
        List<String> details = new ArrayList<>();
        List<String> drift = new ArrayList<>();
        List<CronJob> managed = live.cronJobs().stream().filter(LiveCluster::managed)
                .sorted(Comparator.comparing((CronJob c) -> c.getMetadata().getName())).toList();
        for (CronJob cronJob : managed) {
            String name = cronJob.getMetadata().getName();
            ClusterPlanner.handEdits(cronJob).ifPresent(paths -> drift.add("drift: " + name + ": edited outside Strata ("
                    + paths + "); `strata apply` writes it again from k8s/"));
            details.add(line(cronJob, jobsByOwner, podsByOwner));
        }
        pending.forEach(c -> details.add(c.action().symbol() + " " + c.object() + " pending: " + c.summary()));
        details.addAll(drift);
        String summary = managed.size() + " CronJob(s) in namespace " + live.namespace()
                + (pending.isEmpty() ? "" : ", " + pending.size() + " change(s) pending")
                + (drift.isEmpty() ? "" : ", " + drift.size() + " edited outside Strata");
        LayerStatus.State state = !drift.isEmpty() ? LayerStatus.State.DRIFT
                : pending.isEmpty() ? LayerStatus.State.IN_SYNC : LayerStatus.State.PENDING;
        return new LayerStatus(OrchestrationLayer.NAME, state, summary, details);
    }

    /** {@code customers: customers-enrichment  0 3 * * * (Etc/UTC)  image …:abc  last job … succeeded (pod …: Succeeded)}. */
    private static String line(CronJob cronJob, Map<String, List<Job>> jobs, Map<String, List<Pod>> pods) {
        String pipeline = cronJob.getMetadata().getLabels().getOrDefault(Labels.PIPELINE, "?");
        StringBuilder line = new StringBuilder(pipeline).append(": ").append(cronJob.getMetadata().getName())
                .append("  ").append(cronJob.getSpec().getSchedule());
        Optional.ofNullable(cronJob.getSpec().getTimeZone()).ifPresent(zone -> line.append(" (").append(zone).append(")"));
        if (Boolean.TRUE.equals(cronJob.getSpec().getSuspend())) {
            line.append("  suspended");
        }
        Optional.ofNullable(ClusterPlanner.annotation(cronJob, Labels.IMAGE))
                .ifPresent(image -> line.append("  image ").append(image));
        Optional<Job> last = jobs.getOrDefault(cronJob.getMetadata().getUid(), List.of()).stream()
                .max(Comparator.comparing(j -> String.valueOf(j.getMetadata().getCreationTimestamp())));
        if (last.isEmpty()) {
            return line.append("  no job yet").toString();
        }
        Job job = last.get();
        line.append("  last job ").append(job.getMetadata().getName()).append(' ').append(outcome(job));
        Optional.ofNullable(job.getStatus()).map(s -> s.getStartTime()).ifPresent(t -> line.append(" started ").append(t));
        List<String> podStates = pods.getOrDefault(job.getMetadata().getUid(), List.of()).stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .map(ClusterStatus::pod).toList();
        if (!podStates.isEmpty()) {
            line.append(" (").append(String.join(", ", podStates)).append(")");
        }
        return line.toString();
    }

    /** {@code succeeded}, {@code failed (REASON)}, {@code running} or {@code pending}, from the Job's conditions. */
    static String outcome(Job job) {
        if (job.getStatus() == null) {
            return "pending";
        }
        for (JobCondition condition : Optional.ofNullable(job.getStatus().getConditions()).orElse(List.of())) {
            if ("True".equals(condition.getStatus()) && condition.getType().equals("Complete")) {
                return "succeeded";
            }
            if ("True".equals(condition.getStatus()) && condition.getType().equals("Failed")) {
                return "failed" + (condition.getReason() == null ? "" : " (" + condition.getReason() + ")");
            }
        }
        Integer active = job.getStatus().getActive();
        return active != null && active > 0 ? "running" : "pending";
    }

    /** {@code pod customers-1-x: Failed, exit 1 (Error)}. */
    static String pod(Pod pod) {
        StringBuilder text = new StringBuilder("pod ").append(pod.getMetadata().getName()).append(": ")
                .append(pod.getStatus() == null ? "Unknown" : pod.getStatus().getPhase());
        List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        for (ContainerStatus status : statuses) {
            if (status.getState() != null && status.getState().getTerminated() != null
                    && status.getState().getTerminated().getExitCode() != 0) {
                text.append(", exit ").append(status.getState().getTerminated().getExitCode());
                Optional.ofNullable(status.getState().getTerminated().getReason()).ifPresent(r -> text.append(" (").append(r).append(")"));
            } else if (status.getState() != null && status.getState().getWaiting() != null) {
                text.append(", waiting: ").append(status.getState().getWaiting().getReason());
            }
        }
        return text.toString();
    }

    static <T extends HasMetadata> Map<String, List<T>> byOwner(List<T> objects) {
        return objects.stream().flatMap(o -> Optional.ofNullable(o.getMetadata().getOwnerReferences()).orElse(List.of())
                        .stream().map(OwnerReference::getUid).map(uid -> Map.entry(uid, o)))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
