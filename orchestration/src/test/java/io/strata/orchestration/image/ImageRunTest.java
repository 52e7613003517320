package io.strata.orchestration.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.core.config.ImageSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves a built image runs. No container runtime works in this sandbox (podman and crun fail on
 * cgroups and setrlimit), so the test does by hand what a runtime does with an OCI image:
 * <ol>
 *   <li>builds the fixture pipeline's image as an OCI tarball and reads its manifest and config;
 *   <li>unpacks the layers, in the manifest's order, into a root folder ({@code tar -xzf}, as
 *       root, so modes and owners are the image's);
 *   <li>in new mount and PID namespaces ({@code unshare -m -p -f}), so nothing it mounts outlives
 *       it, mounts what a JVM needs and a runtime provides: {@code /proc} (the JVM reads
 *       {@code /proc/self}), {@code /dev} (bound from the host: {@code /dev/null},
 *       {@code /dev/urandom}) and a {@code /tmp} tmpfs (the JVM's perf data);
 *   <li>runs the config's {@code Entrypoint} with {@code chroot --userspec=<User>}, its
 *       {@code Env} and the database variables, nothing else from the host's environment.
 * </ol>
 * The network namespace is shared, so the pipeline reaches the embedded PostgreSQL on
 * 127.0.0.1; the row it writes (its resource's message, its {@code java.home}, its uid) proves it
 * ran from the image's own files, as the image's non-root user.
 */
class ImageRunTest {

    /** By its path: `env -i` leaves only the image's PATH, which does not reach the host's sbin. */
    private static final String CHROOT = Files.isExecutable(Path.of("/usr/sbin/chroot")) ? "/usr/sbin/chroot" : "/usr/bin/chroot";

    @TempDir
    Path tmp;

    @Test
    void theImageRunsItsEntrypointAsItsUserAgainstTheDatabase() throws Exception {
        Path root = FixturePlatform.create(tmp.resolve("platform"));
        Path tarball = tmp.resolve("fixture.tar");
        new ImageBuilder("fixture", new ImageSettings("tar:" + TestBaseImage.tarball(), null),
                new MavenModuleBuild(List.of("mvn")), root.resolve(".strata/images"), "test-version")
                .build(FixturePlatform.module(root), new ImageTarget.Tarball(tarball));
        Map<String, byte[]> blobs = entries(tarball);
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(blob(blobs, json.readTree(blobs.get("index.json"))
                .path("manifests").path(0).path("digest").asText()));
        JsonNode config = json.readTree(blob(blobs, manifest.path("config").path("digest").asText())).path("config");

        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        for (JsonNode layer : manifest.path("layers")) {
            Path file = tmp.resolve("layer.tar.gz");
            Files.write(file, blob(blobs, layer.path("digest").asText()));
            run(List.of("tar", "-xzf", file.toString(), "-C", rootfs.toString()), 60);
        }
        for (String mountPoint : List.of("proc", "dev", "tmp")) {
            Files.createDirectories(rootfs.resolve(mountPoint));
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
                    "--mount-proc=" + rootfs.resolve("proc"), "sh", "-c",
                    "root=$1; shift; mount --rbind /dev \"$root/dev\" && mount -t tmpfs -o mode=1777 tmpfs \"$root/tmp\""
                            + " && exec \"$@\"", "sh", rootfs.toString(), "env", "-i"));
            config.path("Env").forEach(variable -> command.add(variable.asText()));
            // An address, not `localhost`: the image has no /etc/hosts, as many minimal images have none.
            command.add("STRATA_DATABASE_URL=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
            command.add("STRATA_DATABASE_USER=postgres");
            String user = config.path("User").asText();
            command.addAll(List.of(CHROOT, "--userspec=" + user + ":" + user, rootfs.toString()));
            config.path("Entrypoint").forEach(part -> command.add(part.asText()));

            String output = run(command, 120);

            assertThat(output).contains("fixture: wrote one row");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT message, java_home, uid FROM image_runs")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("message")).isEqualTo("hello from the image");
                assertThat(rows.getString("java_home")).isEqualTo("/opt/java");
                assertThat(rows.getString("uid")).isEqualTo("65532");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    private static byte[] blob(Map<String, byte[]> entries, String digest) {
        return entries.get("blobs/" + digest.replace(':', '/'));
    }

    private static Map<String, byte[]> entries(Path tarball) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tarball); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
        return text;
    }
}
