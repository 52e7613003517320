package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.strata.core.config.SchedulerSettings;

/**
 * Connects to an environment's cluster. {@code context}: fabric8 resolves it exactly as kubectl
 * does ({@code KUBECONFIG}, {@code ~/.kube/config}, exec plugins, tokens, certificates), and its
 * namespace is the default. {@code server}: that URL with no credentials at all, for an
 * authenticating proxy on this machine ({@code kubectl proxy}) or a test's API server; the
 * kubeconfig's credentials are deliberately not sent to a server they were not issued for.
 */
public final class KubernetesClients {

    private KubernetesClients() {}

    public static KubernetesClient connect(SchedulerSettings.Kubernetes settings) {
        Config config = settings.contextIfSet()
                .map(Config::autoConfigure)
                .orElseGet(() -> new ConfigBuilder(Config.empty()).withMasterUrl(settings.server()).build());
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** The environment's namespace: as configured, else the context's, else {@code default}. */
    public static String namespace(SchedulerSettings.Kubernetes settings, KubernetesClient client) {
        return settings.namespaceIfSet().orElseGet(() -> client.getNamespace() == null ? "default" : client.getNamespace());
    }
}
