package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata build} as typed: what it prints, and its refusals. Images go to OCI tarballs here;
 * pushing to a real registry, and running an image, are tested in orchestration's image tests.
 * The pipeline is a JDK-only module and the base an empty image, so the test needs nothing but Maven.
 */
class BuildCommandTest {

    @TempDir
    Path tmp;

    private Path platform;
    private final Cli cli = new Cli(Map.of());

    @BeforeEach
    void platform() throws Exception {
        platform = tmp.resolve("platform");
        Path base = tmp.resolve("base.tar");
        Jib.fromScratch().containerize(Containerizer.to(TarImage.at(base).named("empty/base:1"))
                .setBaseImageLayersCache(tmp.resolve("cache")).setApplicationLayersCache(tmp.resolve("cache")));
        Files.createDirectories(platform);
        Files.writeString(platform.resolve("strata.yaml"), """
                name: demo
                environments:
                  dev:
                    images:
                      base: tar:%s
                """.formatted(base));
        pipeline("hello");
        pipeline("world");
    }

    private void pipeline(String name) throws IOException {
        DemoPipeline.write(platform, name);
    }

    @Test
    void buildsEveryPipelineThenFindsThemUnchanged() {
        Path out = tmp.resolve("images");

        Cli.Result first = cli.run("-C", platform.toString(), "build", "--to-tar", out.toString());
        Cli.Result second = cli.run("-C", platform.toString(), "build", "--to-tar", out.toString());

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).containsPattern("hello: built demo/hello:[0-9a-f]{16}@sha256:[0-9a-f]{64} \\([0-9.]+ MB, [0-9.]+ s\\)")
                .containsPattern("world: built demo/world:").contains("2 images: 2 built, 0 unchanged.");
        assertThat(out.resolve("hello.tar")).exists();
        assertThat(out.resolve("world.tar")).exists();
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).containsPattern("hello: unchanged, demo/hello:[0-9a-f]{16}@sha256:")
                .contains("2 images: 0 built, 2 unchanged.");
        String firstRef = first.out().lines().filter(l -> l.startsWith("hello:")).findFirst().orElseThrow().split(" ")[2];
        assertThat(second.out()).contains(firstRef);
    }

    @Test
    void buildsOnlyThePipelinesNamed() {
        Cli.Result r = cli.run("-C", platform.toString(), "build", "world", "--to-tar", tmp.resolve("w.tar").toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("world: built").doesNotContain("hello").contains("1 image: 1 built, 0 unchanged.");
        assertThat(tmp.resolve("w.tar")).exists();
    }

    @Test
    void refusesAnUnknownPipelineAndNamesTheKnownOnes() {
        Cli.Result r = cli.run("-C", platform.toString(), "build", "nope", "--to-tar", tmp.toString());

        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("no pipeline `nope`").contains("known pipelines: hello, world");
    }

    @Test
    void refusesToPushWithoutARegistry() {
        Cli.Result r = cli.run("-C", platform.toString(), "build");

        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("environment `dev` declares no registry").contains("--to-tar");
    }

    @Test
    void refusesOneTarFileForTwoPipelines() {
        Cli.Result r = cli.run("-C", platform.toString(), "build", "--to-tar", tmp.resolve("all.tar").toString());

        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("names one file, but 2 pipelines are built");
    }
}
