package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.LayerPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A platform folder with {@code k8s/} and {@code pipelines/}, a mock cluster, and the Kubernetes
 * orchestration layer between them; the images it fills in are {@code registry.example.com/data/<pipeline>:<tag>}
 * with tags a test sets, standing in for {@code strata build}'s content tags.
 */
final class ClusterPlatform implements AutoCloseable {

    static final String NAMESPACE = "data-pipelines";
    static final String REGISTRY = "registry.example.com/data/";

    /** The article's CronJob, with the schedule and extra spec lines a test asks for. */
    static String cronJob(String name, String pipeline, String schedule, String extraSpec) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %s
                  annotations:
                    strata.io/pipeline: %s
                    strata.io/writes: marts.%s
                spec:
                  schedule: "%s"
                %s  jobTemplate:
                    spec:
                      backoffLimit: 2
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                            - name: %s
                              image: ${image:%s}
                              envFrom:
                                - secretRef:
                                    name: rds-credentials
                              resources:
                                requests: {cpu: 500m, memory: 1Gi}
                                limits: {memory: 1Gi}
                """.formatted(name, pipeline, pipeline, schedule, extraSpec, name, pipeline);
    }

    final Path root;
    final MockCluster cluster = new MockCluster();
    final KubernetesClient client = cluster.client();
    final Map<String, String> tags = new HashMap<>();
    final KubernetesLayer layer;

    ClusterPlatform(Path root) {
        this.root = root;
        this.layer = new KubernetesLayer(KubernetesClients.connect(cluster.settings(NAMESPACE)), NAMESPACE,
                pipeline -> REGISTRY + pipeline + ":" + tags.getOrDefault(pipeline, "0000000000000001"), Clock.systemUTC());
    }

    ClusterPlatform pipeline(String name) {
        write("pipelines/" + name + "/pom.xml", "<project/>\n");
        return this;
    }

    ClusterPlatform write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LayerPlan plan() {
        return layer.plan(layer.declare(workspace()), layer.observe(target()));
    }

    void apply(LayerPlan plan) {
        layer.apply(plan, target(), new ApplyContext("test", "abc123", line -> {}));
    }

    LayerPlan planAndApply() {
        LayerPlan plan = plan();
        apply(plan);
        return plan;
    }

    CronJob live(String name) {
        return client.batch().v1().cronjobs().inNamespace(NAMESPACE).withName(name).get();
    }

    Workspace workspace() {
        return new Workspace(root, "abc123");
    }

    static Target target() {
        // The Kubernetes layer reads no database: the target's database is never connected to.
        return new Target("staging", new NoDatabase());
    }

    @Override
    public void close() {
        client.close();
        cluster.close();
    }
}
