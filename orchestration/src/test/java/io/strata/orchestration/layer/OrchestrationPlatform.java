package io.strata.orchestration.layer;

import io.strata.core.layer.Database;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.loop.ApplyOptions;
import io.strata.core.loop.ApplyResult;
import io.strata.core.loop.Loop;
import io.strata.core.plan.Plan;
import io.strata.orchestration.registry.RegisteredCronJob;
import io.strata.orchestration.registry.ScheduleRegistry;
import io.strata.orchestration.testing.TestClock;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import io.strata.storage.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A platform folder with {@code k8s/} and {@code pipelines/}, a fresh database (the embedded
 * PostgreSQL or the MariaDB server) and the loop over the orchestration layer between them.
 */
final class OrchestrationPlatform implements AutoCloseable {

    /** The example's CronJob, with the schedule and extra spec lines a test asks for. */
    static String cronJob(String name, String pipeline, String schedule, String extraSpec) {
        return """
                # %s, nightly
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %s
                  annotations:
                    strata.io/pipeline: %s
                    strata.io/reads: raw.customers
                    strata.io/writes: marts.customers
                spec:
                  schedule: "%s"
                %s  jobTemplate:
                    spec:
                      backoffLimit: 2
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                            - name: %s
                              image: ${image:%s}
                """.formatted(name, name, pipeline, schedule, extraSpec, name, pipeline);
    }

    private final Path root;
    private final AutoCloseable db;
    private final Database database;
    private final Harness.Kind kind;
    final TestClock clock;

    OrchestrationPlatform(Path root, Harness.Kind kind, TestClock clock) {
        this.root = root;
        this.kind = kind;
        this.clock = clock;
        if (kind == Harness.Kind.POSTGRESQL) {
            TestDatabase postgres = TestDatabase.onEmbedded();
            this.db = postgres;
            this.database = postgres.database();
        } else {
            MariaDbTestDatabase mariadb = MariaDbTestDatabase.create();
            this.db = mariadb;
            this.database = mariadb.database();
        }
    }

    Database database() {
        return database;
    }

    Path root() {
        return root;
    }

    OrchestrationLayer layer() {
        return new OrchestrationLayer(database.dialect(), clock);
    }

    Loop loop(String commit) {
        return new Loop(List.of(layer()), new Workspace(root, commit), new Target("dev", database),
                kind.store(database, "test"), "test", clock);
    }

    Plan plan() {
        return loop("commit-1").plan(Set.of());
    }

    LayerStatus observe() {
        return loop("commit-1").observe(Set.of()).get(0);
    }

    ApplyResult apply(String commit) {
        return apply(commit, false, null);
    }

    ApplyResult apply(String commit, boolean allowUnsafe, Plan reviewed) {
        return loop(commit).apply(new ApplyOptions(reviewed, allowUnsafe, Duration.ofSeconds(30), "tester@test",
                p -> {}, p -> true, line -> {}));
    }

    List<RegisteredCronJob> registry() {
        return ScheduleRegistry.read(database);
    }

    /** Writes a file under the platform root, creating its folders. */
    Path write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder pipelines/NAME/ with a pom.xml. */
    void pipeline(String name) {
        write("pipelines/" + name + "/pom.xml", "<project/>\n");
    }

    void delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code strata.schedules} or {@code strata_schedules}. */
    String schedulesTable() {
        return kind == Harness.Kind.POSTGRESQL ? "strata.schedules" : "strata_schedules";
    }

    void execute(String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
