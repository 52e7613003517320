package io.strata.orchestration.layer;

import java.util.List;
import java.util.Set;

/**
 * What {@code k8s/} declares for the local scheduler.
 *
 * @param cronJobs the CronJobs Strata schedules, in file and document order
 * @param pipelines the folders under {@code pipelines/} that hold a {@code pom.xml}
 * @param warnings what a reviewer should read: CronJobs without a pipeline, documents left aside
 * @param orchestrated whether the platform has a {@code k8s/} or a {@code pipelines/} folder: then the
 *     registry is planned against, so that removing the last CronJob (or all of {@code k8s/}) unschedules it
 */
public record DeclaredSchedules(List<DeclaredCronJob> cronJobs, Set<String> pipelines, List<String> warnings,
        boolean orchestrated) {

    public DeclaredSchedules {
        cronJobs = List.copyOf(cronJobs);
        pipelines = Set.copyOf(pipelines);
        warnings = List.copyOf(warnings);
    }
}
