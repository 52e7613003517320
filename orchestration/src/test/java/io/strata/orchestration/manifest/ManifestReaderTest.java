package io.strata.orchestration.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.config.ConfigException;
import io.strata.orchestration.cronjob.ConcurrencyPolicy;
import io.strata.orchestration.cronjob.CronJobSchedule;
import io.strata.orchestration.cronjob.RestartPolicy;
import io.strata.orchestration.cronjob.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    private static final Path FILE = Path.of("k8s/jobs.yaml");

    private static Manifests read(String yaml) {
        return ManifestReader.read(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String cronJob(String specExtra, String jobExtra, String podExtra) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: orders
                spec:
                  schedule: "*/15 * * * *"
                %s  jobTemplate:
                    spec:
                %s      template:
                        spec:
                          restartPolicy: Never
                %s          containers:
                            - name: orders
                              image: registry.example.com/orders:1.2
                """.formatted(specExtra, jobExtra, podExtra);
    }

    @Test
    void readsTheCustomersExampleOfTheArticle() {
        Manifests manifests = ManifestReader.readDirectory(Path.of("..", "examples", "customers", "k8s"));

        assertThat(manifests.notes()).isEmpty();
        assertThat(manifests.cronJobs()).hasSize(1);
        CronJobManifest customers = manifests.cronJobs().get(0);
        assertThat(customers.name()).isEqualTo("customers-enrichment");
        assertThat(customers.namespace()).contains("data-pipelines");
        assertThat(customers.location().file().getFileName().toString()).isEqualTo("customers-cronjob.yaml");
        assertThat(customers.location().line()).isEqualTo(4);
        assertThat(customers.schedule()).isEqualTo(CronJobSchedule.of("0 3 * * *"));
        assertThat(customers.retry()).isEqualTo(new RetryPolicy(2, RestartPolicy.ON_FAILURE, Optional.empty()));
        assertThat(customers.lineage()).isEqualTo(new Lineage(Optional.of("customers"), List.of("raw.customers"),
                List.of("marts.customers"), Optional.empty()));
        assertThat(customers.containers()).containsExactly(new Container("customers-enrichment",
                new ImageReference.Placeholder("customers"),
                List.of(new EnvFrom(EnvFrom.Source.SECRET, "rds-credentials", Optional.empty(), false))));
    }

    @Test
    void readsEverySchedulingFieldAndSeveralDocumentsPerFile() {
        Manifests manifests = read("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: data-pipelines
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: orders-hourly
                  annotations:
                    strata.io/pipeline: orders
                    strata.io/reads: " raw.orders , raw.customers"
                    strata.io/writes: marts.orders
                    strata.io/engine: postgres
                    team: sales
                spec:
                  schedule: "@hourly"
                  timeZone: Europe/Berlin
                  startingDeadlineSeconds: 200
                  concurrencyPolicy: Forbid
                  suspend: true
                  successfulJobsHistoryLimit: 3
                  jobTemplate:
                    spec:
                      backoffLimit: 4
                      activeDeadlineSeconds: 1800
                      template:
                        spec:
                          restartPolicy: Never
                          containers:
                            - name: orders
                              image: ${image:orders}
                              envFrom:
                                - configMapRef:
                                    name: orders-settings
                                  prefix: ORDERS_
                                - secretRef:
                                    name: db
                                    optional: true
                ---
                """);

        assertThat(manifests.notes()).singleElement().satisfies(note -> {
            assertThat(note.location().line()).isEqualTo(1);
            assertThat(note.message()).contains("a Namespace is not a CronJob");
        });
        CronJobManifest orders = manifests.cronJobs().get(0);
        assertThat(orders.location().line()).isEqualTo(6);
        assertThat(orders.schedule()).isEqualTo(CronJobSchedule.of("@hourly").withTimeZone("Europe/Berlin")
                .withStartingDeadlineSeconds(200).withConcurrencyPolicy(ConcurrencyPolicy.FORBID).withSuspend(true));
        assertThat(orders.retry()).isEqualTo(new RetryPolicy(4, RestartPolicy.NEVER, Optional.of(1800L)));
        assertThat(orders.lineage().reads()).containsExactly("raw.orders", "raw.customers");
        assertThat(orders.lineage().engine()).contains("postgres");
        assertThat(orders.annotations()).containsEntry("team", "sales").hasSize(5);
        assertThat(orders.containers().get(0).envFrom()).containsExactly(
                new EnvFrom(EnvFrom.Source.CONFIG_MAP, "orders-settings", Optional.of("ORDERS_"), false),
                new EnvFrom(EnvFrom.Source.SECRET, "db", Optional.empty(), true));
    }

    @Test
    void appliesKubernetesDefaults() {
        CronJobManifest orders = read(cronJob("", "", "")).cronJobs().get(0);
        assertThat(orders.namespace()).isEmpty();
        assertThat(orders.schedule()).isEqualTo(CronJobSchedule.of("*/15 * * * *"));
        assertThat(orders.retry()).isEqualTo(RetryPolicy.defaults(RestartPolicy.NEVER));
        assertThat(orders.containers().get(0).image()).isEqualTo(new ImageReference.Literal("registry.example.com/orders:1.2"));
        assertThat(orders.lineage()).isEqualTo(new Lineage(Optional.empty(), List.of(), List.of(), Optional.empty()));
    }

    private static void assertError(String yaml, int line, String key, String problem) {
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException error = (ConfigException) e;
                    assertThat(error.file()).isEqualTo(FILE);
                    assertThat(error.line()).as(error.getMessage()).isEqualTo(line);
                    assertThat(error.keyPath()).isEqualTo(key);
                    assertThat(error.problem()).contains(problem);
                });
    }

    @Test
    void anInvalidScheduleNamesFileLineAndKey() {
        assertError(cronJob("", "", "").replace("*/15 * * * *", "0 25 * * *"), 6, "spec.schedule",
                "hour field `25`: end of range (25) above maximum (23)");
        assertError(cronJob("", "", "").replace("*/15 * * * *", "0 0 * * 7"), 6, "spec.schedule", "above maximum (6)");
        assertError(cronJob("", "", "").replace("\"*/15 * * * *\"", "\"TZ=UTC 0 3 * * *\""), 6, "spec.schedule",
                "use the timeZone field instead");
    }

    @Test
    void anInvalidTimeZoneNamesFileLineAndKey() {
        assertError(cronJob("  timeZone: Europe/Berln\n", "", ""), 7, "spec.timeZone", "unknown time zone Europe/Berln");
        assertError(cronJob("  timeZone: Local\n", "", ""), 7, "spec.timeZone", "must be an explicit time zone");
    }

    @Test
    void wrongTypesAndValuesNameTheirKey() {
        assertError(cronJob("  suspend: yes\n", "", ""), 7, "spec.suspend", "expected true or false");
        assertError(cronJob("  startingDeadlineSeconds: \"200\"\n", "", ""), 7, "spec.startingDeadlineSeconds",
                "expected a whole number");
        assertError(cronJob("  startingDeadlineSeconds: -5\n", "", ""), 7, "spec.startingDeadlineSeconds",
                "must be greater than or equal to 0");
        assertError(cronJob("  concurrencyPolicy: forbid\n", "", ""), 7, "spec.concurrencyPolicy",
                "`forbid` is not a concurrency policy");
        assertError(cronJob("", "      backoffLimit: 2.5\n", ""), 9, "spec.jobTemplate.spec.backoffLimit",
                "expected a whole number");
        assertError(cronJob("", "      backoffLimit: -1\n", ""), 9, "spec.jobTemplate.spec.backoffLimit",
                "must be between 0 and");
        assertError(cronJob("", "", "").replace("restartPolicy: Never", "restartPolicy: Always"), 11,
                "spec.jobTemplate.spec.template.spec.restartPolicy", "not `Always`");
        assertError(cronJob("  schedulle: x\n", "", ""), 7, "spec.schedulle", "unknown key `schedulle`");
    }

    @Test
    void imagePlaceholders() {
        assertError(cronJob("", "", "").replace("registry.example.com/orders:1.2", "orders:${IMAGE_TAG}"), 14,
                "spec.jobTemplate.spec.template.spec.containers[0].image", "a placeholder Strata does not fill in");
        assertError(cronJob("", "", "").replace("registry.example.com/orders:1.2", "${image:}"), 14,
                "spec.jobTemplate.spec.template.spec.containers[0].image", "does not name a pipeline");
    }

    @Test
    void missingPartsAreNamed() {
        assertError("""
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: orders
                spec:
                  jobTemplate: {}
                """, 6, "spec", "`schedule` is required");
        assertError("kind: CronJob\nmetadata: {name: x}\n", 1, "", "`apiVersion` is required");
        assertError(cronJob("", "", "").replace("batch/v1", "batch/v1beta1"), 1, "apiVersion", "not `batch/v1beta1`");
        assertError(cronJob("", "", "").replace("name: orders\nspec", "name: Orders_Nightly\nspec"), 4, "metadata.name",
                "is not a valid name");
        assertError(cronJob("", "", "").replace("name: orders\nspec", "name: " + "a".repeat(53) + "\nspec"), 4,
                "metadata.name", "no more than 52 characters");
        assertError(cronJob("", "", "").replace("metadata:\n  name: orders",
                "metadata:\n  name: orders\n  annotations:\n    strata.io/reads: \"raw.a,,raw.b\""), 6,
                "metadata.annotations.strata.io/reads", "an empty table name");
    }

    @Test
    void anEmptyOrAbsentFolderHoldsNoManifests(@TempDir Path dir) throws IOException {
        assertThat(ManifestReader.readDirectory(dir.resolve("k8s")).cronJobs()).isEmpty();
        Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(dir.resolve("k8s/empty.yaml"), "# nothing yet\n");
        Files.writeString(dir.resolve("k8s/README.md"), "not a manifest");
        assertThat(ManifestReader.readDirectory(dir.resolve("k8s"))).isEqualTo(new Manifests(List.of(), List.of()));
    }

    @Test
    void filesAreReadInNameOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.yml"), cronJob("", "", "").replace("name: orders\nspec", "name: second\nspec"));
        Files.writeString(dir.resolve("a.yaml"), cronJob("", "", "").replace("name: orders\nspec", "name: first\nspec"));
        assertThat(ManifestReader.readDirectory(dir).cronJobs()).extracting(CronJobManifest::name)
                .containsExactly("first", "second");
    }
}
