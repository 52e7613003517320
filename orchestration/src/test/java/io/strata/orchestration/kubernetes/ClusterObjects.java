package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What the CronJob and Job controllers would have made: the mock API server runs no controllers,
 * so a test creates the Job (owned by the CronJob) and its Pod (owned by the Job) itself.
 */
final class ClusterObjects {

    private ClusterObjects() {}

    static void failedJob(KubernetesClient client, CronJob cronJob, String jobName) {
        String namespace = cronJob.getMetadata().getNamespace();
        Job job = client.batch().v1().jobs().inNamespace(namespace).resource(new JobBuilder()
                .withNewMetadata().withName(jobName).withNamespace(namespace)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("CronJob")
                        .withName(cronJob.getMetadata().getName()).withUid(cronJob.getMetadata().getUid())
                        .withController(true).build())
                .endMetadata()
                .withNewSpec().withTemplate(cronJob.getSpec().getJobTemplate().getSpec().getTemplate()).endSpec()
                .withNewStatus().withStartTime("2026-11-26T03:00:01Z").withFailed(3)
                .addNewCondition().withType("Failed").withStatus("True").withReason("BackoffLimitExceeded").endCondition()
                .endStatus().build()).create();
        Pod pod = new PodBuilder().withNewMetadata().withName(jobName + "-x1").withNamespace(namespace)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                        .withName(jobName).withUid(job.getMetadata().getUid()).withController(true).build())
                .endMetadata()
                .withNewStatus().withPhase("Failed").addNewContainerStatus().withName("customers-enrichment")
                .withNewState().withNewTerminated().withExitCode(1).withReason("Error").endTerminated().endState()
                .endContainerStatus().endStatus().build();
        client.pods().inNamespace(namespace).resource(pod).create();
    }
}
