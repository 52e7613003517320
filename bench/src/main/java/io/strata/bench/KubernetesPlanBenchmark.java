package io.strata.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.strata.core.config.SchedulerSettings;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Database;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.LayerPlan;
import io.strata.orchestration.kubernetes.DesiredCluster;
import io.strata.orchestration.kubernetes.KubernetesClients;
import io.strata.orchestration.kubernetes.KubernetesLayer;
import io.strata.orchestration.kubernetes.LiveCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * {@code plan_200_cronjobs_ms}: the whole orchestration plan of a Kubernetes environment whose
 * namespace holds 200 CronJobs Strata applied: read and check the 200 manifests of {@code k8s/},
 * fill in their images, lint them, list the namespace's CronJobs, Jobs and Pods, and diff field by
 * field. One CronJob's image tag changed, so the plan has one change. The image references are
 * given (as {@code strata build} would compute them): the Maven builds behind them are the
 * {@code images:} line's cold and warm figures, per pipeline, not this one. The API server is
 * fabric8's mock in CRUD mode on 127.0.0.1, so network time is a loopback's.
 *
 * <p>Usage: {@code KubernetesPlanBenchmark [ROUNDS]}; prints each round and the median, after three
 * unmeasured plans (the JIT's warm-up: a CLI run pays it, a long-lived CI runner does not).
 */
public final class KubernetesPlanBenchmark {

    private static final int CRONJOBS = 200;
    private static final int WARM_UP = 3;
    /** Kept referenced: java.util.logging holds loggers weakly, and the mock logs every request at INFO. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        Path root = Files.createTempDirectory("strata-bench-k8s");
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try {
            for (int i = 0; i < CRONJOBS; i++) {
                String name = "pipeline-" + i;
                Files.createDirectories(root.resolve("pipelines").resolve(name));
                Files.writeString(root.resolve("pipelines").resolve(name).resolve("pom.xml"), "<project/>\n");
                Files.createDirectories(root.resolve("k8s"));
                Files.writeString(root.resolve("k8s").resolve(name + ".yaml"), manifest(name, i));
            }
            HashMap<String, String> tags = new HashMap<>();
            String url = server.url("/").replaceAll("/$", "");
            KubernetesClient client = KubernetesClients.connect(new SchedulerSettings.Kubernetes(null, url, "bench"));
            KubernetesLayer layer = new KubernetesLayer(client, "bench",
                    p -> "registry.example.com/data/" + p + ":" + tags.getOrDefault(p, "00000000000000aa"), Clock.systemUTC());
            Workspace workspace = new Workspace(root, "bench");
            Target target = new Target("bench", new NoDatabase());
            LayerPlan first = plan(layer, workspace, target);
            layer.apply(first, target, new ApplyContext("bench", "bench", line -> {}));
            tags.put("pipeline-7", "00000000000000bb");
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) {
                plan(layer, workspace, target);
            }
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                LayerPlan plan = plan(layer, workspace, target);
                long ms = (System.nanoTime() - start) / 1_000_000;
                times.add(ms);
                System.out.println("round " + round + ": plan of " + CRONJOBS + " CronJobs, " + plan.changes().size()
                        + " change(s): " + ms + " ms");
            }
            List<Long> sorted = times.stream().sorted().toList();
            System.out.println("kubernetes: plan_200_cronjobs_ms=" + sorted.get(sorted.size() / 2));
            client.close();
        } finally {
            server.destroy();
        }
    }

    private static LayerPlan plan(KubernetesLayer layer, Workspace workspace, Target target) {
        DesiredCluster desired = layer.declare(workspace);
        LiveCluster live = layer.observe(target);
        return layer.plan(desired, live);
    }

    private static String manifest(String name, int i) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %s
                  annotations:
                    strata.io/pipeline: %s
                    strata.io/writes: marts.table_%d
                spec:
                  schedule: "%d %d * * *"
                  concurrencyPolicy: Forbid
                  jobTemplate:
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
                                requests: {cpu: 250m, memory: 512Mi}
                                limits: {memory: 512Mi}
                """.formatted(name, name, i, i % 60, i % 24, name, name);
    }

    /** The Kubernetes layer reads no database. */
    private static final class NoDatabase implements Database {
        @Override
        public String dialect() {
            return "postgresql";
        }

        @Override
        public String displayUrl() {
            return "(none)";
        }

        @Override
        public Connection connect() throws SQLException {
            throw new SQLException("the Kubernetes layer reads no database");
        }
    }
}
