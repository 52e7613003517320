package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the environment's namespace holds, read in three list calls whatever the number of
 * pipelines: every CronJob (Strata's and others', so that a name clash is seen), every Job and
 * every Pod (observe follows owner references from a CronJob to its Jobs and from a Job to its Pods).
 *
 * @param namespace the namespace read
 * @param cronJobs by name
 * @param jobs all Jobs of the namespace; empty when only planning
 * @param pods all Pods of the namespace; empty when only planning
 * @param observedAt when it was read
 */
public record LiveCluster(String namespace, List<CronJob> cronJobs, List<Job> jobs, List<Pod> pods, Instant observedAt) {

    public LiveCluster {
        Objects.requireNonNull(namespace, "namespace");
        cronJobs = List.copyOf(cronJobs);
        jobs = List.copyOf(jobs);
        pods = List.copyOf(pods);
        Objects.requireNonNull(observedAt, "observedAt");
    }

    static boolean managed(CronJob cronJob) {
        return cronJob.getMetadata().getLabels() != null
                && Labels.STRATA.equals(cronJob.getMetadata().getLabels().get(Labels.MANAGED_BY));
    }
}
