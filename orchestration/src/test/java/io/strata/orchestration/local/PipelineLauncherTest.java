package io.strata.orchestration.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.pipeline.run.Trigger;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build-if-needed with the real {@code mvn}, on a fixture module with JDK dependencies only
 * (src/test/resources/fixture-pipeline), then a run of the jar it built.
 */
class PipelineLauncherTest {

    @TempDir
    Path root;

    private final List<String> progress = new ArrayList<>();

    @Test
    void buildsWhenNeededOnlyAndRunsTheJarWithTheRunsVariables() throws Exception {
        Path module = copyFixture("hello");
        PipelineLauncher launcher = launcher();

        JvmCommand first = launcher.prepare("hello", progress::add);
        assertThat(progress).singleElement().asString().startsWith("building pipelines/hello");
        assertThat(first.jar()).isEqualTo(module.resolve("target/hello.jar"));
        assertThat(first.environment()).containsEntry("STRATA_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none")
                .containsEntry("STRATA_DATABASE_PASSWORD", "s3cret");
        assertThat(first.environment().get("STRATA_IMAGE")).matches("hello\\.jar@sha256:[0-9a-f]{16}");
        assertThat(first.toString()).doesNotContain("s3cret");
        FileTime built = Files.getLastModifiedTime(first.jar());

        JvmCommand unchanged = launcher.prepare("hello", progress::add);
        assertThat(progress).hasSize(1);
        assertThat(Files.getLastModifiedTime(unchanged.jar())).isEqualTo(built);

        Path source = module.resolve("src/main/java/fixture/Hello.java");
        Files.writeString(source, Files.readString(source).replace("hello from", "hello again from"));
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(2)));
        JvmCommand rebuilt = launcher.prepare("hello", progress::add);
        assertThat(progress).hasSize(2);
        assertThat(Files.getLastModifiedTime(rebuilt.jar())).isNotEqualTo(built);

        StringWriter terminal = new StringWriter();
        StartedRun run = launcher.start("hello", rebuilt.withEnvironment(Map.of("FIXTURE_EXIT", "3")), Trigger.MANUAL,
                terminal);
        assertThat(run.child().waitFor(Duration.ofMinutes(1))).isTrue();
        assertThat(run.child().exitCode()).isEqualTo(3);
        assertThat(run.child().log()).isEqualTo(root.resolve(".strata/dev/runs/hello/" + run.runId() + ".log"));
        assertThat(Files.readString(run.child().log())).isEqualTo(terminal.toString())
                .contains("hello again from the fixture pipeline, trigger manual");
    }

    @Test
    void aFailedBuildSaysWhereItsLogIs() throws Exception {
        Path module = copyFixture("broken");
        Files.writeString(module.resolve("src/main/java/fixture/Hello.java"), "package fixture; class Hello { oops }\n");

        assertThatThrownBy(() -> launcher().prepare("broken", progress::add)).isInstanceOf(StrataException.class)
                .hasMessageContaining("the build of pipelines/broken failed (mvn exit 1); its log is "
                        + root.resolve(".strata/dev/builds/broken.log"))
                .hasMessageContaining("COMPILATION ERROR");
    }

    @Test
    void aPipelineNameIsAFolderNeverAPathAndAnUnknownOneListsThoseThatExist() throws Exception {
        copyFixture("hello");
        copyFixture("other");
        assertThatThrownBy(() -> PipelineModule.locate(root, "nope")).isInstanceOf(StrataException.class)
                .hasMessage("no pipeline `nope`: pipelines/nope/pom.xml does not exist")
                .satisfies(e -> assertThat(((StrataException) e).hint()).isEqualTo("the pipelines are: hello, other"));
        for (String name : new String[] {"../hello", "..", "a/b", "", "-x"}) {
            assertThatThrownBy(() -> PipelineModule.locate(root, name)).isInstanceOf(StrataException.class)
                    .hasMessageContaining("is not a pipeline name");
        }
    }

    private PipelineLauncher launcher() {
        RunDatabase database = new RunDatabase("jdbc:postgresql://127.0.0.1:1/none", "jdbc:postgresql://127.0.0.1:1/none",
                "nobody", new io.strata.core.config.Secret("s3cret", "${env:X}"));
        return new PipelineLauncher(root, root.resolve(".strata/dev"), database, MavenBuild.from(System.getenv()),
                ChildRun.DEFAULT_LOG_CAP);
    }

    private Path copyFixture(String name) throws IOException {
        Path source = Path.of("src/test/resources/fixture-pipeline").toAbsolutePath();
        Path target = root.resolve("pipelines").resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
