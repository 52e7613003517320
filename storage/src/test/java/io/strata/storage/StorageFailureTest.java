package io.strata.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Target;
import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Plan;
import io.strata.storage.postgres.PostgresDialect;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.Servers;
import io.strata.storage.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StorageFailureTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Servers.class)
    void aMigrationFailingHalfwayLeavesNoTrace(Servers server) {
        try (TestDatabase db = server.newDatabase()) {
            Harness h = new Harness(root, db);
            h.migration("0001_ok.sql", "CREATE TABLE ok (id int);");
            h.migration("0002_fails.sql", "CREATE TABLE half (id int);\nINSERT INTO ok VALUES (1);\n\nINSERT INTO nowhere VALUES (1);\n");
            h.migration("0003_never.sql", "CREATE TABLE never (id int);");

            assertThatThrownBy(h::apply).isInstanceOf(StrataException.class)
                    .hasMessageContaining("migrations/0002_fails.sql line 4:")
                    .hasMessageContaining("relation \"nowhere\" does not exist")
                    .hasMessageContaining("rolled back: nothing of it was applied")
                    .hasMessageContaining("the 1 migration(s) before it in this apply were committed");
            assertThat(h.history()).containsExactly("1:migrations/0001_ok.sql:true");
            assertThat(h.catalog()).noneMatch(r -> r.contains(".half:") || r.contains(".never:"));
            assertThat(h.rows("SELECT count(*)::text FROM ok")).containsExactly("0");
            assertThat(h.rows("SELECT outcome FROM strata.journal")).containsExactly("failed");
            assertThat(h.rows("SELECT error FROM strata.journal")).first().asString().contains("0002_fails.sql line 4");

            h.migration("0002_fails.sql", "CREATE TABLE half (id int);\n");
            assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(h.history()).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void aFailingNonTransactionalMigrationIsRecordedAndBlocksUntilRepair(Servers server) {
        try (TestDatabase db = server.newDatabase()) {
            Harness h = new Harness(root, db);
            h.migration("0001_table.sql", "CREATE TABLE t (id int, v int);");
            h.migration("0002_index.sql", "CREATE INDEX CONCURRENTLY t_id ON t (id);\nCREATE INDEX CONCURRENTLY t_v ON missing (v);\n");
            Plan plan = h.plan();
            assertThat(plan.changes().get(1).attribute("transactional")).isEqualTo("false");
            assertThat(plan.layers().get(0).warnings())
                    .anyMatch(w -> w.startsWith("migrations/0002_index.sql runs outside a transaction"));

            assertThatThrownBy(h::apply).hasMessageContaining("migrations/0002_index.sql line 2:")
                    .hasMessageContaining("recorded as failed");
            assertThat(h.history()).containsExactly("1:migrations/0001_table.sql:true", "2:migrations/0002_index.sql:false");
            assertThat(h.catalog()).anyMatch(r -> r.endsWith(".t_id:i"));

            assertThatThrownBy(h::plan).hasMessageContaining("migrations/0002_index.sql failed on")
                    .hasMessageContaining("strata migrations repair");
            assertThatThrownBy(h::apply).hasMessageContaining("strata migrations repair");

            StorageLayer storage = new StorageLayer(new PostgresDialect());
            Target target = new Target("dev", db.database());
            assertThat(storage.repair(target)).singleElement().asString()
                    .startsWith("removed the failed history row of migrations/0002_index.sql (version 2, failed on");
            assertThat(storage.repair(target)).isEmpty();
            assertThat(h.history()).containsExactly("1:migrations/0001_table.sql:true");

            h.migration("0002_index.sql",
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_id ON t (id);\nCREATE INDEX CONCURRENTLY t_v ON t (v);\n");
            assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(h.history()).containsExactly("1:migrations/0001_table.sql:true", "2:migrations/0002_index.sql:true");
        }
    }
}
