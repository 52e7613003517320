package io.strata.orchestration.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.orchestration.local.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer layout and the content hash, on a module output made by hand (no Maven, no Jib). */
class ImagePlannerTest {

    @TempDir
    Path tmp;

    private final PipelineModule module = new PipelineModule("demo", Path.of("/platform/pipelines/demo"));
    private final BaseImage base = new BaseImage.Registry("eclipse-temurin:17-jre");

    private Path classes(String... mains) throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("src"));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        for (String main : mains) {
            Files.writeString(sources.resolve(main + ".java"),
                    "public class " + main + " { public static void main(String[] args) {} }\n");
            assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                    sources.resolve(main + ".java").toString())).isZero();
        }
        Files.createDirectories(classes.resolve("config"));
        Files.writeString(classes.resolve("config/app.properties"), "a=1\n");
        return classes;
    }

    private Path jar(String repositoryPath) throws IOException {
        Path jar = tmp.resolve("repo").resolve(repositoryPath);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, repositoryPath);
        return jar;
    }

    @Test
    void laysOutDependenciesSnapshotsResourcesAndClassesInThatOrder() throws IOException {
        ModuleOutput output = new ModuleOutput(classes("Main"), List.of(jar("org/x/a/1.0/a-1.0.jar"),
                jar("io/strata/lib/0.1.0-SNAPSHOT/lib-0.1.0-SNAPSHOT.jar")));

        ImagePlan plan = ImagePlanner.plan(module, output, base, Map.of("k", "v"));

        assertThat(plan.layers()).extracting(ImageLayer::name)
                .containsExactly("dependencies", "snapshot-dependencies", "resources", "classes");
        assertThat(plan.layers()).extracting(l -> l.files().stream().map(ImageLayer.File::pathInContainer).toList())
                .containsExactly(List.of("/app/libs/a-1.0.jar"), List.of("/app/libs/lib-0.1.0-SNAPSHOT.jar"),
                        List.of("/app/resources/config/app.properties"), List.of("/app/classes/Main.class"));
        assertThat(plan.entrypoint()).containsExactly("java", "-cp", "/app/resources:/app/classes:/app/libs/*", "Main");
        assertThat(plan.user()).isEqualTo("65532");
    }

    @Test
    void aModuleWithoutDependenciesHasNoEmptyLayers() throws IOException {
        ImagePlan plan = ImagePlanner.plan(module, new ModuleOutput(classes("Main"), List.of()), base, Map.of());

        assertThat(plan.layers()).extracting(ImageLayer::name).containsExactly("resources", "classes");
    }

    @Test
    void refusesTwoMainClassesAndNamesThem() throws IOException {
        ModuleOutput output = new ModuleOutput(classes("Main", "Other"), List.of());

        assertThatThrownBy(() -> ImagePlanner.plan(module, output, base, Map.of()))
                .isInstanceOf(StrataException.class).hasMessageContaining("more than one main class")
                .hasMessageContaining("Main").hasMessageContaining("Other");
    }

    @Test
    void refusesTwoJarsWithOneName() throws IOException {
        ModuleOutput output = new ModuleOutput(classes("Main"),
                List.of(jar("org/x/util/1.0/util-1.0.jar"), jar("org/y/util/1.0/util-1.0.jar")));

        assertThatThrownBy(() -> ImagePlanner.plan(module, output, base, Map.of()))
                .isInstanceOf(StrataException.class).hasMessageContaining("two dependencies named util-1.0.jar");
    }

    @Test
    void theHashFollowsContentPathsBaseAndLabelsButNotWhereFilesLie() throws IOException {
        Path classes = classes("Main");
        ModuleOutput output = new ModuleOutput(classes, List.of(jar("org/x/a/1.0/a-1.0.jar")));
        String hash = ContentHash.of(ImagePlanner.plan(module, output, base, Map.of("k", "v")));

        assertThat(hash).matches("sha256:[0-9a-f]{64}");
        assertThat(ContentHash.tag(hash)).isEqualTo(hash.substring(7, 23));
        assertThat(ContentHash.of(ImagePlanner.plan(module, output, base, Map.of("k", "v")))).isEqualTo(hash);
        assertThat(ContentHash.of(ImagePlanner.plan(module, output, base, Map.of("k", "w")))).isNotEqualTo(hash);
        assertThat(ContentHash.of(ImagePlanner.plan(module, output, new BaseImage.Registry("eclipse-temurin:21-jre"),
                Map.of("k", "v")))).isNotEqualTo(hash);

        Path moved = Files.createDirectories(tmp.resolve("elsewhere/a/1.0"));
        Files.copy(output.dependencies().get(0), moved.resolve("a-1.0.jar"));
        ModuleOutput relocated = new ModuleOutput(classes, List.of(moved.resolve("a-1.0.jar")));
        assertThat(ContentHash.of(ImagePlanner.plan(module, relocated, base, Map.of("k", "v")))).isEqualTo(hash);

        Files.writeString(classes.resolve("config/app.properties"), "a=2\n");
        assertThat(ContentHash.of(ImagePlanner.plan(module, output, base, Map.of("k", "v")))).isNotEqualTo(hash);
    }

    /**
     * A pipeline whose CronJob declares {@code strata.io/engine: spark} is built from its Spark
     * variant, and its entrypoint carries Spark's JVM flags; the same pipeline with no such
     * CronJob is built from its own folder. Planned without Maven or a registry: a Spark module
     * resolves about 280 MB of jars, too heavy for a unit test.
     */
    @Test
    void aSparkPipelineIsBuiltFromItsSparkVariantWithTheLaunchersFlags() throws IOException {
        Path platform = Files.createDirectories(tmp.resolve("platform"));
        Files.createDirectories(platform.resolve("pipelines/demo/spark"));
        Files.writeString(platform.resolve("pipelines/demo/pom.xml"), "<project/>\n");
        // As the examples' variant: it compiles the plain Main too, and its jar plugin names its own main.
        Files.writeString(platform.resolve("pipelines/demo/spark/pom.xml"),
                "<project><build><plugins><plugin><configuration><archive><manifest>\n"
                        + "  <mainClass>SparkMain</mainClass>\n</manifest></archive></configuration></plugin></plugins></build></project>\n");
        PipelineModule plain = PipelineModule.select(platform, List.of("demo")).get(0);
        assertThat(plain.onItsEngine(platform)).isEqualTo(new PipelineModule("demo",
                platform.resolve("pipelines/demo").toAbsolutePath().normalize(), Engine.PLAIN));

        Files.createDirectories(platform.resolve("k8s"));
        Files.writeString(platform.resolve("k8s/demo.yaml"), """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: nightly
                  annotations:
                    strata.io/pipeline: demo
                    strata.io/engine: spark
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
                """);
        PipelineModule spark = plain.onItsEngine(platform);
        assertThat(spark.directory()).isEqualTo(platform.resolve("pipelines/demo/spark").toAbsolutePath().normalize());
        assertThat(spark.engine()).isEqualTo(Engine.SPARK);
        assertThat(spark.name()).as("the image keeps the pipeline's repository name").isEqualTo("demo");

        assertThatThrownBy(() -> ImagePlanner.plan(spark, new ModuleOutput(classes("Main", "SparkMain"), List.of()), base,
                Map.of())).isInstanceOf(StrataException.class)
                .hasMessageContaining("does not depend on strata-pipeline-spark, whose io.strata.pipeline.spark.SparkEntry");
        ModuleOutput output = new ModuleOutput(classes("Main", "SparkMain"), List.of(
                jar("io/strata/strata-pipeline-spark/0.1.0-SNAPSHOT/strata-pipeline-spark-0.1.0-SNAPSHOT.jar")));
        ImagePlan plan = ImagePlanner.plan(spark, output, base, Map.of());
        List<String> expected = new java.util.ArrayList<>(List.of("java"));
        expected.addAll(Engine.SPARK.jvmOptions());
        expected.addAll(List.of("-cp", "/app/resources:/app/classes:/app/libs/*", "io.strata.pipeline.spark.SparkEntry",
                "SparkMain"));
        assertThat(plan.entrypoint()).as("the same image starts the driver and, given `executor`, an executor")
                .containsExactlyElementsOf(expected);
        assertThat(ContentHash.of(plan)).as("the flags are part of what the tag identifies")
                .isNotEqualTo(ContentHash.of(ImagePlanner.plan(new PipelineModule("demo", spark.directory(), Engine.PLAIN),
                        output, base, Map.of())));
    }
}
