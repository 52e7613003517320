package io.strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** A copy of examples/customers in a fresh git repository, so tests can change it freely. */
final class ExamplePlatform {

    private ExamplePlatform() {}

    /** Copies the example's files, without its local state and build output (.strata/, target/). */
    static Path copyTo(Path target) {
        Path source = source();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.startsWith(".strata") || StreamSupport.stream(relative.spliterator(), false)
                        .anyMatch(part -> part.toString().equals("target"))) {
                    continue;
                }
                Path to = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("the example platform").setAuthor("Test", "test@example.com")
                        .setCommitter("Test", "test@example.com").setSign(false).call();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** examples/customers of this repository, found from the module the tests run in. */
    static Path source() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path example = dir.resolve("examples/customers");
            if (Files.isRegularFile(example.resolve("strata.yaml"))) {
                return example;
            }
        }
        throw new IllegalStateException("examples/customers not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Drops the example's roles (access/*.yaml) from the PostgreSQL server on 127.0.0.1:5432: roles
     * are server-wide and outlive the test databases, which must be dropped first.
     */
    static void dropServerRoles() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
                Statement s = c.createStatement()) {
            for (String role : List.of("alice", "analyst", "pipeline_writer")) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the example's roles: " + e.getMessage(), e);
        }
    }

    /** The example's database on the embedded server, whose port observe and embedded status print. */
    static String embeddedUrl(String observeOut) {
        Matcher m = Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/").matcher(observeOut);
        if (!m.find()) {
            throw new AssertionError("no embedded database URL in:\n" + observeOut);
        }
        return "jdbc:postgresql://127.0.0.1:" + m.group(1) + "/customers";
    }

    static String headCommit(Path repo) {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
