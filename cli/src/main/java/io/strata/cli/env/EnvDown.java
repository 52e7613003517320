package io.strata.cli.env;

import io.strata.core.config.ProjectConfig;
import io.strata.core.environment.EphemeralEnvironment;
import io.strata.core.environment.EphemeralFiles;
import io.strata.core.environment.EphemeralNames;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code strata env down}: removes what {@code env up} made and nothing else: the database it
 * created, the roles its apply created (unless something outside that database uses them now),
 * the environment's local state under {@code .strata/NAME/} and its file. Works on a half-made
 * environment too. Refuses a declared environment, and a file whose database is not the one
 * {@code env up} would have made.
 */
public record EnvDown(Path root, ProjectConfig config, Map<String, String> variables) {

    /** What was removed, and the roles kept with the reason. */
    public record Result(EphemeralEnvironment environment, List<String> rolesDropped, List<String> rolesKept) {}

    public Result down(String requested, Consumer<String> progress) {
        String name = EphemeralNames.environment(requested);
        EnvUp.refuseDeclared(config, name, "down");
        Optional<EphemeralEnvironment> found = EphemeralFiles.read(root, name)
                .filter(e -> e.requested().equals(requested) || e.name().equals(requested));
        if (found.isEmpty()) {
            found = EphemeralFiles.read(root, EphemeralNames.disambiguated(requested));
        }
        if (found.isEmpty()) {
            List<String> known = EphemeralFiles.list(root).stream().map(EphemeralEnvironment::name).toList();
            throw new StrataException("no environment " + name + " made by `strata env up` in this platform (no "
                    + root.relativize(EphemeralFiles.file(root, name)) + "); nothing was changed",
                    known.isEmpty() ? "`strata env list` shows the environments" : "ephemeral environments here: "
                            + String.join(", ", known));
        }
        EphemeralEnvironment env = found.get();
        ServerOf server = ServerOf.environment(config, root, env.from(), variables::get);
        refuseEdited(root, env, server);
        progress.accept("Dropping database " + env.database() + " ...");
        server.databases().drop(env.database());
        Map<String, String> keptRoles = server.databases().dropRoles(env.rolesCreated());
        List<String> dropped = env.rolesCreated().stream().filter(r -> !keptRoles.containsKey(r)).toList();
        List<String> kept = new ArrayList<>();
        keptRoles.forEach((role, why) -> kept.add(role + ": " + why));
        if (!env.name().equals("environments")) {
            deleteTree(root.resolve(".strata").resolve(env.name()));
        }
        EphemeralFiles.delete(root, env.name());
        return new Result(env, dropped, kept);
    }

    /**
     * Refuses to drop a database other than the one {@code env up} would have made for {@code env}:
     * the file is local and editable, and the database it names is dropped with everyone in it.
     */
    static void refuseEdited(Path root, EphemeralEnvironment env, ServerOf server) {
        String expected = EphemeralNames.database(server.sourceDatabase(), env.name());
        if (!env.database().equals(expected)) {
            throw new StrataException(EphemeralFiles.file(root, env.name()) + " names database " + env.database()
                    + ", not " + expected + " as `strata env up` would have: it was edited, so nothing was dropped",
                    "restore the file, or drop the database yourself and delete the file");
        }
    }

    /** The environment's own local state: build and run logs of `strata run --env NAME`. */
    private static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
