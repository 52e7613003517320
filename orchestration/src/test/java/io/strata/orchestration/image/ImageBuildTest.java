package io.strata.orchestration.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.core.config.ImageSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the fixture pipeline's image and pushes it to a real registry (CNCF distribution, see
 * {@link LocalRegistry}), then reads what the registry serves through its HTTP API: manifest,
 * config and every layer. The base is {@link TestBaseImage}, a tarball, so nothing leaves the machine.
 */
class ImageBuildTest {

    @TempDir
    static Path shared;

    private static LocalRegistry registry;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = LocalRegistry.start(Files.createDirectories(shared.resolve("registry")));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private static ImageSettings.Registry settings(String prefix) {
        return new ImageSettings.Registry(registry.host(), prefix, true, null, null);
    }

    private static ImageBuilder builder(Path root, String prefix) {
        return new ImageBuilder("fixture", new ImageSettings("tar:" + TestBaseImage.tarball(), settings(prefix)),
                new MavenModuleBuild(List.of("mvn")), root.resolve(".strata/images"), "test-version");
    }

    private static BuildResult push(Path root, String prefix) {
        return builder(root, prefix).build(FixturePlatform.module(root), new ImageTarget.Registry(settings(prefix)));
    }

    private static String tag(BuildResult result) {
        return result.reference().substring(result.reference().lastIndexOf(':') + 1);
    }

    @Test
    void pushesTheImageWithItsLayersEntrypointUserAndLabels() throws IOException {
        Path root = FixturePlatform.create(tmp.resolve("platform"));

        BuildResult result = push(root, "push");

        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.BUILT);
        assertThat(result.reference()).matches(registry.host().replace(".", "\\.") + "/push/fixture:[0-9a-f]{16}");
        RegistryApi.Manifest manifest = registry.api().manifest("push/fixture", tag(result)).orElseThrow();
        assertThat(manifest.digest()).isEqualTo(result.digest()).isEqualTo(manifest.headerDigest());
        assertThat(manifest.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");

        JsonNode config = registry.api().config("push/fixture", manifest).path("config");
        assertThat(strings(config.path("Entrypoint")))
                .containsExactly("java", "-cp", "/app/resources:/app/classes:/app/libs/*", "fixture.Main");
        assertThat(config.path("User").asText()).isEqualTo("65532");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/app");
        assertThat(strings(config.path("Env"))).contains("PATH=/opt/java/bin:/usr/bin:/bin"); // from the base
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("io.strata.pipeline").asText()).isEqualTo("fixture");
        assertThat(labels.path("io.strata.version").asText()).isEqualTo("test-version");
        assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo(FixturePlatform.head(root));
        assertThat(labels.path("io.strata.content-hash").asText()).startsWith("sha256:" + tag(result));

        // The base's layer, then dependencies, resources and classes; every blob is what its digest says.
        List<List<String>> layers = new ArrayList<>();
        long size = manifest.json().path("config").path("size").asLong();
        for (JsonNode layer : manifest.json().path("layers")) {
            byte[] blob = registry.api().blob("push/fixture", layer.path("digest").asText());
            assertThat(RegistryApi.sha256(blob)).isEqualTo(layer.path("digest").asText());
            assertThat((long) blob.length).isEqualTo(layer.path("size").asLong());
            size += blob.length;
            layers.add(files(blob));
        }
        assertThat(result.sizeBytes()).isEqualTo(size);
        assertThat(layers).hasSize(4);
        assertThat(layers.get(0)).contains("opt/java/bin/java");
        assertThat(layers.get(1)).contains("app/libs/postgresql-42.7.14.jar").noneMatch(f -> f.startsWith("app/classes"));
        assertThat(layers.get(2)).containsExactly("app/", "app/resources/", "app/resources/fixture.properties");
        assertThat(layers.get(3)).containsExactly("app/", "app/classes/", "app/classes/fixture/", "app/classes/fixture/Main.class");
    }

    @Test
    void anUnchangedPipelineKeepsItsTagAndIsNeitherRebuiltNorPushed() throws IOException {
        Path root = FixturePlatform.create(tmp.resolve("platform"));
        BuildResult first = push(root, "unchanged");
        Path tagLink = shared.resolve("registry/store/docker/registry/v2/repositories/unchanged/fixture/_manifests/tags")
                .resolve(tag(first)).resolve("current/link");
        FileTime pushedAt = Files.getLastModifiedTime(tagLink);

        BuildResult second = push(root, "unchanged");

        assertThat(second.outcome()).isEqualTo(BuildResult.Outcome.UNCHANGED);
        assertThat(second.reference()).isEqualTo(first.reference());
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.sizeBytes()).isEqualTo(first.sizeBytes());
        assertThat(Files.getLastModifiedTime(tagLink)).as("the tag was not pushed again").isEqualTo(pushedAt);
    }

    @Test
    void twoBuildsOfTheSameSourcesGiveTheSameDigest() {
        // Two checkouts of the same commit, each compiled by its own Maven run.
        Path a = FixturePlatform.create(tmp.resolve("a"));
        Path b = FixturePlatform.create(tmp.resolve("b"));

        BuildResult first = push(a, "same-a");
        BuildResult second = push(b, "same-b");

        assertThat(second.outcome()).isEqualTo(BuildResult.Outcome.BUILT);
        assertThat(tag(second)).isEqualTo(tag(first));
        assertThat(second.digest()).isEqualTo(first.digest());
    }

    @Test
    void changingAClassChangesOnlyTheClassesLayerAndTheTag() {
        Path root = FixturePlatform.create(tmp.resolve("platform"));
        BuildResult before = push(root, "edit");
        FixturePlatform.editMain(root, "wrote one row", "wrote a row");

        BuildResult after = push(root, "edit");

        assertThat(after.outcome()).isEqualTo(BuildResult.Outcome.BUILT);
        assertThat(tag(after)).isNotEqualTo(tag(before));
        List<String> old = layerDigests(registry.api().manifest("edit/fixture", tag(before)).orElseThrow());
        List<String> changed = layerDigests(registry.api().manifest("edit/fixture", tag(after)).orElseThrow());
        assertThat(changed).hasSize(4);
        assertThat(changed.subList(0, 3)).isEqualTo(old.subList(0, 3));
        assertThat(changed.get(3)).isNotEqualTo(old.get(3));
    }

    @Test
    void anOciTarballHoldsTheImageThePushWouldHaveMade() {
        Path root = FixturePlatform.create(tmp.resolve("platform"));
        BuildResult pushed = push(root, "tar");
        Path file = tmp.resolve("out/fixture.tar");
        ImageBuilder builder = builder(root, "tar");

        BuildResult written = builder.build(FixturePlatform.module(root), new ImageTarget.Tarball(file));
        BuildResult again = builder.build(FixturePlatform.module(root), new ImageTarget.Tarball(file));

        assertThat(written.outcome()).isEqualTo(BuildResult.Outcome.BUILT);
        assertThat(written.reference()).isEqualTo(pushed.reference());
        assertThat(written.digest()).isEqualTo(pushed.digest());
        assertThat(written.sizeBytes()).isEqualTo(pushed.sizeBytes());
        assertThat(again.outcome()).isEqualTo(BuildResult.Outcome.UNCHANGED);
        assertThat(again.digest()).isEqualTo(pushed.digest());
    }

    private static List<String> layerDigests(RegistryApi.Manifest manifest) {
        List<String> digests = new ArrayList<>();
        manifest.json().path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
        return digests;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> files(byte[] gzippedTar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(gzippedTar)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
