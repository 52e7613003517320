package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.strata.core.error.StrataException;
import java.time.Clock;

/** Reads the environment's namespace: three list calls, never a write. */
final class ClusterReader {

    private ClusterReader() {}

    static LiveCluster read(KubernetesClient client, String namespace, Clock clock) {
        try {
            return new LiveCluster(namespace,
                    client.batch().v1().cronjobs().inNamespace(namespace).list().getItems(),
                    client.batch().v1().jobs().inNamespace(namespace).list().getItems(),
                    client.pods().inNamespace(namespace).list().getItems(),
                    clock.instant());
        } catch (KubernetesClientException e) {
            throw new StrataException("cannot read namespace " + namespace + " on " + client.getMasterUrl() + ": "
                    + ClusterApplier.message(e), "check that the cluster is reachable and that the credentials may"
                    + " list CronJobs, Jobs and Pods in " + namespace);
        }
    }
}
