package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Layer;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import io.strata.orchestration.layer.DeclaredSchedules;
import io.strata.orchestration.layer.OrchestrationLayer;
import io.strata.orchestration.layer.ScheduleFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The orchestration layer of an environment whose scheduler is a Kubernetes cluster: the second
 * implementation of the orchestration layer beside {@link OrchestrationLayer} (the local
 * scheduler's registry). Both declare the same files ({@link ScheduleFiles}); this one plans
 * against the CronJobs in the environment's namespace, applies with create / update / delete,
 * and observes Jobs and Pods. It is named {@code orchestration} too: {@code --layer orchestration}
 * and plan files mean the same whatever the target.
 */
public final class KubernetesLayer implements Layer<DesiredCluster, LiveCluster> {

    private final KubernetesClient client;
    private final String namespace;
    private final Function<String, String> images;
    private final Clock clock;
    private final boolean suspendSchedules;

    /**
     * @param images a pipeline's image reference, {@code repository:content-tag}, asked only for the
     *     pipelines a manifest names in {@code ${image:NAME}}
     */
    public KubernetesLayer(KubernetesClient client, String namespace, Function<String, String> images, Clock clock) {
        this(client, namespace, images, clock, false);
    }

    /** @param suspendSchedules deploy every CronJob with {@code spec.suspend: true} ({@code suspend_schedules}) */
    public KubernetesLayer(KubernetesClient client, String namespace, Function<String, String> images, Clock clock,
            boolean suspendSchedules) {
        this.suspendSchedules = suspendSchedules;
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.images = Objects.requireNonNull(images, "images");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return OrchestrationLayer.NAME;
    }

    @Override
    public DesiredCluster declare(Workspace workspace) {
        DeclaredSchedules declared = ScheduleFiles.read(workspace, suspendSchedules);
        List<ClusterCronJob> cronJobs = DesiredCronJobs.of(declared, namespace, images);
        return new DesiredCluster(declared, cronJobs, CronJobLint.check(cronJobs));
    }

    @Override
    public boolean inUse(DesiredCluster desired) {
        return desired.declared().orchestrated();
    }

    @Override
    public LiveCluster observe(Target target) {
        return ClusterReader.read(client, namespace, clock);
    }

    @Override
    public LayerPlan plan(DesiredCluster desired, LiveCluster live) {
        return new LayerPlan(name(), fingerprint(live), ClusterPlanner.changes(desired.cronJobs(), live), desired.warnings());
    }

    /** SHA-256 over the namespace and every CronJob's name and resourceVersion: any write moves it. */
    @Override
    public String fingerprint(LiveCluster live) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((live.namespace() + "\0").getBytes(StandardCharsets.UTF_8));
            live.cronJobs().stream().sorted(Comparator.comparing((CronJob c) -> c.getMetadata().getName()))
                    .forEach(c -> sha256.update((c.getMetadata().getName() + "\0" + c.getMetadata().getResourceVersion()
                            + "\0").getBytes(StandardCharsets.UTF_8)));
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public LayerStatus status(DesiredCluster desired, LiveCluster live) {
        return ClusterStatus.of(live, ClusterPlanner.changes(desired.cronJobs(), live));
    }

    @Override
    public void apply(LayerPlan plan, Target target, ApplyContext context) {
        ClusterApplier applier = new ClusterApplier(client);
        for (Change change : plan.changes()) {
            applier.apply(change);
            context.progress().accept("orchestration: " + change.action().symbol() + " " + change.object() + " ("
                    + change.summary() + ")");
        }
    }

    /** The namespace this layer plans against. */
    public String namespace() {
        return namespace;
    }
}
