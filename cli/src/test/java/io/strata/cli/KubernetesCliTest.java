package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.strata.orchestration.kubernetes.MockCluster;
import io.strata.orchestration.kubernetes.StrictCronJobs;
import io.strata.storage.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes target through the CLI, as typed: an environment whose scheduler is the mock API
 * server (CRUD mode) and whose database is a fresh one on the PostgreSQL server. The image tag is
 * the content hash {@code strata build} would push, computed with Maven from the pipeline's
 * sources; changing the sources changes that pipeline's tag only.
 */
class KubernetesCliTest {

    @TempDir
    Path tmp;

    private Path platform;
    private MockCluster cluster;
    private KubernetesClient client;
    private TestDatabase db;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        platform = tmp.resolve("platform");
        cluster = new MockCluster();
        client = cluster.client();
        db = TestDatabase.onServer();
        Files.createDirectories(platform.resolve("k8s"));
        Files.writeString(platform.resolve("strata.yaml"), """
                name: demo
                environments:
                  staging:
                    database:
                      url: jdbc:postgresql://127.0.0.1:5432/%s
                      user: postgres
                    images:
                      registry:
                        url: 127.0.0.1:5000/demo
                        insecure: true
                    scheduler:
                      kubernetes:
                        server: ${env:K8S_API}
                        namespace: data-pipelines
                """.formatted(db.name()));
        DemoPipeline.write(platform, "hello");
        DemoPipeline.write(platform, "world");
        for (String name : new String[] {"hello", "world"}) {
            Files.writeString(platform.resolve("k8s/" + name + ".yaml"), """
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata:
                      name: %s-nightly
                      annotations:
                        strata.io/pipeline: %s
                    spec:
                      schedule: "0 3 * * *"
                      concurrencyPolicy: Forbid
                      jobTemplate:
                        spec:
                          template:
                            spec:
                              restartPolicy: OnFailure
                              containers:
                                - name: %s
                                  image: ${image:%s}
                                  resources:
                                    requests: {cpu: 100m, memory: 256Mi}
                                    limits: {memory: 256Mi}
                    """.formatted(name, name, name, name));
        }
        Map<String, String> env = new HashMap<>();
        env.put("K8S_API", cluster.url);
        cli = new Cli(env);
    }

    @AfterEach
    void tearDown() {
        client.close();
        cluster.close();
        db.close();
    }

    @Test
    void deployChangeOnePipelineRollBackAndPlanShowsGit() throws Exception {
        Cli.Result plan = cli.run("-C", platform.toString(), "--env", "staging", "plan", "--layer", "orchestration");
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("+ hello-nightly", "image 127.0.0.1:5000/demo/hello:", "+ world-nightly");

        Cli.Result apply = cli.run("-C", platform.toString(), "--env", "staging", "apply", "--auto-approve");
        assertThat(apply.code()).as(apply.toString()).isZero();
        String first = image("hello-nightly");
        String world = image("world-nightly");
        assertThat(first).matches("127\\.0\\.0\\.1:5000/demo/hello:[0-9a-f]{16}");

        Files.writeString(platform.resolve("pipelines/hello/src/main/java/demo/Main.java"),
                "package demo;\npublic class Main { public static void main(String[] a) { System.out.println(\"hello, again\"); } }\n");
        Cli.Result changed = cli.run("-C", platform.toString(), "--env", "staging", "plan", "--layer", "orchestration");
        assertThat(changed.out()).as(changed.toString()).contains("~ hello-nightly", "image …:" + tag(first) + " → …:")
                .doesNotContain("world-nightly");
        assertThat(cli.run("-C", platform.toString(), "--env", "staging", "apply", "--auto-approve").code()).isZero();
        String second = image("hello-nightly");
        assertThat(second).isNotEqualTo(first);
        assertThat(image("world-nightly")).isEqualTo(world);

        Cli.Result rollback = cli.run("-C", platform.toString(), "--env", "staging", "rollback", "hello");
        assertThat(rollback.code()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("rolled back hello-nightly: " + second + " → " + first);
        assertThat(image("hello-nightly")).isEqualTo(first);
        assertThat(journalledRollback()).contains("~ orchestration hello-nightly image " + second + " → " + first);

        Cli.Result after = cli.run("-C", platform.toString(), "--env", "staging", "plan", "--layer", "orchestration");
        assertThat(after.out()).as(after.toString()).contains("~ hello-nightly", "image …:" + tag(first) + " → …:" + tag(second),
                "rolled back by `strata rollback`");
    }

    @Test
    void renderWritesStrictlyValidManifestsTheApiServerAccepts() throws Exception {
        Path out = tmp.resolve("rendered");
        Cli.Result render = cli.run("-C", platform.toString(), "--env", "staging", "render", "--out", out.toString());

        assertThat(render.code()).as(render.toString()).isZero();
        assertThat(render.out()).contains("2 manifest(s) for namespace data-pipelines.");
        for (String name : new String[] {"hello-nightly", "world-nightly"}) {
            CronJob cronJob = StrictCronJobs.read(out.resolve(name + ".yaml"));
            client.batch().v1().cronjobs().inNamespace("data-pipelines").resource(cronJob).create();
        }
        assertThat(image("hello-nightly")).matches("127\\.0\\.0\\.1:5000/demo/hello:[0-9a-f]{16}");
    }

    @Test
    void theLocalSchedulerRefusesAKubernetesEnvironment() {
        Cli.Result result = cli.run("-C", platform.toString(), "--env", "staging", "scheduler", "--once");

        assertThat(result.code()).isEqualTo(ExitCode.ERROR);
        assertThat(result.err()).contains("environment `staging` schedules its pipelines on Kubernetes");
    }

    @Test
    void rollbackOnTheLocalSchedulerSaysWhereItApplies() throws Exception {
        Files.writeString(platform.resolve("strata.yaml"), Files.readString(platform.resolve("strata.yaml"))
                .replaceAll("(?s)    scheduler:.*", ""));
        Cli.Result result = cli.run("-C", platform.toString(), "--env", "staging", "rollback", "hello");

        assertThat(result.code()).isEqualTo(ExitCode.ERROR);
        assertThat(result.err()).contains("environment `staging` uses the local scheduler", "revert the commit");
    }

    private String image(String name) {
        CronJob cronJob = client.batch().v1().cronjobs().inNamespace("data-pipelines").withName(name).get();
        return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    private String journalledRollback() throws Exception {
        try (Connection c = db.database().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT changes, outcome FROM strata.journal WHERE kind = 'rollback'")) {
            assertThat(rs.next()).as("a rollback entry").isTrue();
            return rs.getString("outcome") + " " + rs.getString("changes");
        }
    }
}
