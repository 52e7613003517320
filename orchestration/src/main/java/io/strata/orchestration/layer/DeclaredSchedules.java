package io.strata.orchestration.layer;

import java.util.List;
import java.util.Set;

/**
 * What {@code k8s/} declares for the local scheduler.
 *
 * @param cronJobs the CronJobs Strata schedules, in file and document order
 * @param pipelines the folders under {@code pipelines/} that hold a {@code pom.xml}
 * @param warnings what a reviewer should read: CronJobs without a pipeline, documents left aside
 * @param anyCronJob whether {@code k8s/} holds a CronJob at all, with or without a pipeline
 */
public record DeclaredSchedules(List<DeclaredCronJob> cronJobs, Set<String> pipelines, List<String> warnings,
        boolean anyCronJob) {

    public DeclaredSchedules {
        cronJobs = List.copyOf(cronJobs);
        pipelines = Set.copyOf(pipelines);
        warnings = List.copyOf(warnings);
    }
}
