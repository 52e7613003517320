package io.strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A local Maven repository for building pipeline modules in tests, holding this build's
 * {@code io.strata:strata-pipeline} (and the parent pom it names) as {@code ./strata} would have
 * installed them, and everything else by symbolic links into the user's {@code ~/.m2/repository}.
 *
 * <p>Why: a pipeline module is a standalone Maven project that resolves the library from a local
 * repository, and a fresh clone's {@code mvn -B verify} has not installed it; installing it into the
 * shared {@code ~/.m2} from a test would change other builds. Maven 3.8 has no chained local
 * repositories, hence the links. Point Maven at it with {@link #mavenOpts()} (MAVEN_OPTS).
 */
final class PipelineRepository implements AutoCloseable {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Path root;

    private PipelineRepository(Path root) {
        this.root = root;
    }

    /** Creates it under {@code dir}; the reactor has packaged pipeline/ (this module comes after it). */
    static PipelineRepository create(Path dir) {
        Path repository = repositoryRoot();
        Path user = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path root = dir.resolve("m2-repository");
        try {
            Files.createDirectories(root.resolve("io"));
            linkChildren(user, root, "io");
            linkChildren(user.resolve("io"), root.resolve("io"), "strata");
            Path library = root.resolve("io/strata/strata-pipeline/" + VERSION);
            Path parent = root.resolve("io/strata/strata-parent/" + VERSION);
            Files.createDirectories(library);
            Files.createDirectories(parent);
            Files.copy(repository.resolve("pipeline/target/strata-pipeline-" + VERSION + ".jar"),
                    library.resolve("strata-pipeline-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(repository.resolve("pipeline/pom.xml"), library.resolve("strata-pipeline-" + VERSION + ".pom"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(repository.resolve("pom.xml"), parent.resolve("strata-parent-" + VERSION + ".pom"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PipelineRepository(root);
    }

    /** For MAVEN_OPTS: Maven reads the local repository's location from this system property. */
    String mavenOpts() {
        return "-Dmaven.repo.local=" + root;
    }

    /**
     * Removes the links (never what they point to), so that deleting the folder afterwards cannot
     * reach into ~/.m2 and JUnit's temporary-directory cleanup has nothing to warn about.
     */
    @Override
    public void close() {
        try (Stream<Path> top = Files.list(root); Stream<Path> io = Files.list(root.resolve("io"))) {
            for (Path entry : (Iterable<Path>) Stream.concat(top, io)::iterator) {
                if (Files.isSymbolicLink(entry)) {
                    Files.delete(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root of this source repository (above examples/). */
    static Path repositoryRoot() {
        return ExamplePlatform.source().getParent().getParent();
    }

    private static void linkChildren(Path from, Path to, String except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (!name.equals(except)) {
                    Files.createSymbolicLink(to.resolve(name), child);
                }
            }
        }
    }
}
