package io.strata.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.strata.cli.command.BuildCommand;
import io.strata.core.config.ProjectConfig;
import io.strata.core.config.SchedulerSettings;
import io.strata.orchestration.image.ImageBuilder;
import io.strata.orchestration.image.MavenModuleBuild;
import io.strata.orchestration.kubernetes.KubernetesClients;
import io.strata.orchestration.kubernetes.KubernetesLayer;
import io.strata.orchestration.kubernetes.PipelineImages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes side of an environment whose {@code scheduler} is a cluster: the client, the
 * namespace and the orchestration layer that plans against it. Opening it reads the kubeconfig but
 * does not contact the cluster, so {@code strata render} works offline.
 *
 * @param settings the environment's resolved {@code scheduler.kubernetes}
 * @param client connected lazily, on the first request
 * @param namespace the environment's namespace
 * @param layer the orchestration layer for this cluster
 */
public record Cluster(SchedulerSettings.Kubernetes settings, KubernetesClient client, String namespace,
        KubernetesLayer layer) {

    /** The cluster of {@code environment}; empty when it uses the local scheduler. */
    public static Optional<Cluster> open(Path root, ProjectConfig config, String environment, Map<String, String> env,
            boolean suspendSchedules) {
        if (!(config.resolveScheduler(environment, env::get) instanceof SchedulerSettings.Kubernetes settings)) {
            return Optional.empty();
        }
        KubernetesClient client = KubernetesClients.connect(settings);
        String namespace = KubernetesClients.namespace(settings, client);
        ImageBuilder builder = new ImageBuilder(config.name(), config.resolveImages(environment, env::get),
                new MavenModuleBuild(BuildCommand.maven(root)), root.resolve(".strata").resolve("images"),
                StrataCommand.version());
        KubernetesLayer layer = new KubernetesLayer(client, namespace, new PipelineImages(root, builder), Clock.systemUTC(),
                suspendSchedules);
        return Optional.of(new Cluster(settings, client, namespace, layer));
    }
}
