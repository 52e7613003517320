package io.strata.cli;

import io.strata.orchestration.testing.TestJars;
import io.strata.orchestration.testing.TestMain;
import io.strata.storage.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A platform folder whose environment {@code staging} is a fresh database on the PostgreSQL server,
 * with stand-in pipelines: up-to-date jars running the orchestration tests' TestMain in a mode.
 */
final class StandInPlatform implements AutoCloseable {

    private final Path root;
    private final TestDatabase db = TestDatabase.onServer();

    StandInPlatform(Path root) throws IOException {
        this.root = root;
        Files.writeString(root.resolve("strata.yaml"), """
                name: stand-ins
                environments:
                  staging:
                    database:
                      url: ${env:STAGING_DATABASE_URL}
                      user: ${env:STAGING_DATABASE_USER}
                      password: ${env:STAGING_DATABASE_PASSWORD}
                """);
    }

    Path root() {
        return root;
    }

    TestDatabase db() {
        return db;
    }

    /** The variables that name the database; the password is one no output may show. */
    Map<String, String> variables() {
        return Map.of("STAGING_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db.name(),
                "STAGING_DATABASE_USER", "postgres", "STAGING_DATABASE_PASSWORD", "not-a-real-secret");
    }

    /** pipelines/NAME running TestMain in {@code mode} (see TestMain). */
    void standIn(String name, String mode) throws IOException {
        TestJars.pipeline(root, name, TestMain.class);
        Files.writeString(root.resolve("pipelines").resolve(name).resolve("test-mode"), mode);
    }

    @Override
    public void close() {
        db.close();
    }
}
