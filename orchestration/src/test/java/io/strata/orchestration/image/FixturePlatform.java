package io.strata.orchestration.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A platform repository holding the fixture pipeline ({@code pipelines/fixture/}) in a fresh git
 * repository. Commits have a fixed author, committer and time, so two copies made apart have the
 * same commit ids, and so the same images.
 */
final class FixturePlatform {

    static final String PIPELINE = "fixture";

    private FixturePlatform() {}

    static Path create(Path root) {
        Path source = Path.of("src", "test", "resources", "image-fixture-pipeline").toAbsolutePath();
        Path module = root.resolve("pipelines").resolve(PIPELINE);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = module.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
            Files.writeString(root.resolve(".gitignore"), "target/\n.strata/\n");
            Files.writeString(root.resolve("strata.yaml"), "name: fixture\n");
            try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
                commit(git, "the fixture platform");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    static PipelineModule module(Path root) {
        return new PipelineModule(PIPELINE, root.resolve("pipelines").resolve(PIPELINE).toAbsolutePath());
    }

    /** Replaces {@code from} with {@code to} in the pipeline's Main.java and commits it. */
    static void editMain(Path root, String from, String to) {
        Path main = module(root).directory().resolve("src/main/java/fixture/Main.java");
        try {
            Files.writeString(main, Files.readString(main).replace(from, to));
            try (Git git = Git.open(root.toFile())) {
                commit(git, "edit Main");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    static String head(Path root) {
        try (Git git = Git.open(root.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void commit(Git git, String message) throws GitAPIException {
        PersonIdent person = new PersonIdent("Test", "test@example.com",
                Date.from(Instant.parse("2026-01-01T00:00:00Z")), TimeZone.getTimeZone("UTC"));
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(person).setCommitter(person).setSign(false).call();
    }
}
