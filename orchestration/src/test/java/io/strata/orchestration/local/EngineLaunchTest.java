package io.strata.orchestration.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.ManifestReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which module runs on which engine, with which flags: declared by the CronJob's annotations, by
 * the module, or overridden; built jars stand in for builds (no Maven here).
 */
class EngineLaunchTest {

    @TempDir
    Path root;

    private final List<String> progress = new ArrayList<>();

    static final String CRONJOB = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
              annotations:
                strata.io/pipeline: demo
                strata.io/engine: spark
                strata.io/spark.master: local[2]
                strata.io/spark.sql.shuffle.partitions: "4"
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: demo
                          image: ${image:demo}
            """;

    static CronJobManifest cronJob(String yaml) {
        return ManifestReader.read(Path.of("k8s/demo.yaml"), yaml.getBytes(StandardCharsets.UTF_8)).cronJobs().get(0);
    }

    @Test
    void aCronJobDeclaringSparkRunsTheSparkVariantWithTheLaunchersFlagsAndItsSettings() throws Exception {
        module("pipelines/demo", "demo.jar", "");
        Path sparkJar = module("pipelines/demo/spark", "demo-spark.jar", "");
        EngineSettings settings = EngineSettings.of(cronJob(CRONJOB));
        assertThat(settings.engine()).contains(Engine.SPARK);
        assertThat(settings.spark()).containsEntry("spark.master", "local[2]")
                .containsEntry("spark.sql.shuffle.partitions", "4");

        JvmCommand command = launcher().prepare("demo", settings, progress::add);
        assertThat(command.jar()).isEqualTo(sparkJar);
        assertThat(command.jvmOptions()).containsSequence(Engine.SPARK.jvmOptions())
                .contains("--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dspark.master=local[2]",
                        "-Dspark.sql.shuffle.partitions=4");
        assertThat(command.environment().get("STRATA_IMAGE")).startsWith("demo-spark.jar@sha256:");
        assertThat(progress).containsExactly("engine spark (pipelines/demo/spark)");

        // --engine plain overrides the annotation: the plain module, no flags, no Spark settings.
        JvmCommand plain = launcher().prepare("demo", settings.overriddenBy(Engine.PLAIN), progress::add);
        assertThat(plain.jar()).isEqualTo(root.resolve("pipelines/demo/target/demo.jar"));
        assertThat(plain.jvmOptions()).isEmpty();
        assertThat(launcher().prepare("demo", progress::add).jvmOptions()).isEmpty();
    }

    @Test
    void aModuleMayDeclareItsEngineAndAMissingVariantIsAnErrorSayingWhatToAdd() throws Exception {
        Path jar = module("pipelines/big", "big.jar", "<properties><strata.engine>spark</strata.engine></properties>");
        module("pipelines/small", "small.jar", "");
        JvmCommand command = launcher().prepare("big", EngineSettings.NONE, progress::add);
        assertThat(command.jar()).isEqualTo(jar);
        assertThat(command.jvmOptions()).isEqualTo(Engine.SPARK.jvmOptions());

        assertThatThrownBy(() -> launcher().prepare("small", EngineSettings.NONE.overriddenBy(Engine.SPARK), progress::add))
                .isInstanceOf(StrataException.class)
                .hasMessage("pipeline `small` has no spark variant: pipelines/small/spark/pom.xml does not exist"
                        + " (pipelines/small is a plain pipeline)");
        assertThatThrownBy(() -> Engine.parse("flink", "--engine")).isInstanceOf(StrataException.class)
                .hasMessage("--engine: unknown engine `flink`");
    }

    @Test
    void aVariantIsOutOfDateWhenThePipelinesOwnSourcesChanged() throws Exception {
        module("pipelines/demo", "demo.jar", "");
        module("pipelines/demo/spark", "demo-spark.jar", "");
        PipelineModule spark = PipelineModule.locate(root, "demo", Optional.of(Engine.SPARK));
        assertThat(spark.upToDateJar()).isPresent();
        Path shared = root.resolve("pipelines/demo/src/main/java/Transform.java");
        Files.setLastModifiedTime(shared, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(spark.upToDateJar()).isEmpty();
    }

    @Test
    void cronJobsOfOnePipelineMustAgreeOnTheEngine() {
        CronJobManifest spark = cronJob(CRONJOB);
        CronJobManifest plain = cronJob(CRONJOB.replace("nightly", "hourly").replace("strata.io/engine: spark",
                "strata.io/engine: plain"));
        assertThat(EngineSettings.forPipeline("demo", List.of(spark)).engine()).contains(Engine.SPARK);
        assertThat(EngineSettings.forPipeline("other", List.of(spark))).isEqualTo(EngineSettings.NONE);
        assertThatThrownBy(() -> EngineSettings.forPipeline("demo", List.of(spark, plain)))
                .isInstanceOf(StrataException.class).hasMessageContaining("declare different engines");
    }

    /** A module folder with a pom, a source file and a runnable jar built after them. */
    private Path module(String folder, String jarName, String pomExtra) throws IOException {
        Path dir = root.resolve(folder);
        Files.createDirectories(dir.resolve("src/main/java"));
        Files.writeString(dir.resolve("pom.xml"), "<project>" + pomExtra + "</project>\n");
        Files.writeString(dir.resolve("src/main/java/Transform.java"), "class Transform {}\n");
        Path jar = dir.resolve("target").resolve(jarName);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.Main");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        return jar;
    }

    private PipelineLauncher launcher() {
        RunDatabase database = new RunDatabase("jdbc:postgresql://127.0.0.1:1/none", "jdbc:postgresql://127.0.0.1:1/none",
                "nobody", new io.strata.core.config.Secret("s3cret", "${env:X}"));
        return new PipelineLauncher(root, root.resolve(".strata/dev"), database, MavenBuild.from(System.getenv()),
                io.strata.orchestration.local.ChildRun.DEFAULT_LOG_CAP);
    }
}
