package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.config.LineageSettings;
import io.strata.core.config.ProjectConfig;
import io.strata.core.config.ResolvedEnvironment;
import io.strata.pipeline.run.Environment;
import io.strata.pipeline.run.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strata.yaml's {@code lineage:} reaches a pipeline as the variables the pipeline library reads:
 * core cannot import the library, so the names are written twice and this test holds them together.
 */
class LineageChildEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void theVariableNamesAreTheLibrarys() {
        assertThat(List.of(LineageSettings.URL_VARIABLE, LineageSettings.FILE_VARIABLE,
                LineageSettings.NAMESPACE_VARIABLE)).containsExactly(Environment.OPENLINEAGE_URL,
                Environment.OPENLINEAGE_FILE, Environment.OPENLINEAGE_NAMESPACE);
    }

    @Test
    void aPipelineStartedWithTheChildEnvironmentEmitsWhereStrataYamlSays() throws Exception {
        Files.writeString(dir.resolve("strata.yaml"), """
                name: lineage
                lineage:
                  openlineage:
                    file: lineage/events.jsonl
                    namespace: ${env:TEAM}
                """);
        ResolvedEnvironment dev = ProjectConfig.load(dir).resolve("dev", Map.of("TEAM", "sales")::get);
        String database = "strata_lineage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("CREATE DATABASE " + database);
        try {
            Map<String, String> env = new HashMap<>(dev.lineage().childEnvironment());
            env.put(Environment.DATABASE_URL, "jdbc:postgresql://127.0.0.1:5432/" + database);
            env.put(Environment.DATABASE_USER, "postgres");

            assertThat(Pipeline.named("quiet").run(run -> { }, Environment.of(env), Clock.systemUTC())).isZero();

            List<String> events = Files.readAllLines(dir.resolve("lineage/events.jsonl"));
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).contains("\"eventType\":\"START\"", "\"namespace\":\"sales\"");
            assertThat(events.get(1)).contains("\"eventType\":\"COMPLETE\"");
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
