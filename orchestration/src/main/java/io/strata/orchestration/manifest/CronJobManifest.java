package io.strata.orchestration.manifest;

import io.strata.core.config.SourceLocation;
import io.strata.orchestration.cronjob.CronJobSchedule;
import io.strata.orchestration.cronjob.RetryPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code batch/v1} CronJob read from a platform's {@code k8s/} folder: what the local scheduler
 * and the Kubernetes target need of it, checked as the API server would check it on create.
 *
 * @param location the file and the line where the document starts
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}; empty: the namespace of whoever applies it
 * @param annotations {@code metadata.annotations}, in file order
 * @param lineage the {@code strata.io/*} annotations
 * @param schedule schedule, time zone, starting deadline, concurrency policy, suspend
 * @param retry {@code jobTemplate.spec.backoffLimit}, {@code activeDeadlineSeconds} and the pod's restart policy
 * @param containers the pod's containers, in order (at least one)
 */
public record CronJobManifest(SourceLocation location, String name, Optional<String> namespace,
        Map<String, String> annotations, Lineage lineage, CronJobSchedule schedule, RetryPolicy retry,
        List<Container> containers) {

    public CronJobManifest {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(retry, "retry");
        containers = List.copyOf(containers);
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("a CronJob's pod has at least one container");
        }
    }
}
