package io.strata.orchestration.kubernetes;

import io.strata.orchestration.layer.DeclaredSchedules;
import java.util.List;
import java.util.Objects;

/**
 * What {@code k8s/} declares for a Kubernetes environment.
 *
 * @param declared the CronJobs as read, with the reader's warnings
 * @param cronJobs the objects the cluster should hold, in declared order
 * @param findings the CronJob lint's findings on them
 */
public record DesiredCluster(DeclaredSchedules declared, List<ClusterCronJob> cronJobs, List<CronJobLint.Finding> findings) {

    public DesiredCluster {
        Objects.requireNonNull(declared, "declared");
        cronJobs = List.copyOf(cronJobs);
        findings = List.copyOf(findings);
    }

    /** What a reviewer should read: the reader's notes, then the lint findings. */
    public List<String> warnings() {
        return java.util.stream.Stream.concat(declared.warnings().stream(), findings.stream().map(Object::toString)).toList();
    }
}
