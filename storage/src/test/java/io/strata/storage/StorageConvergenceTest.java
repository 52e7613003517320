package io.strata.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Change;
import io.strata.core.plan.Plan;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.Servers;
import io.strata.storage.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StorageConvergenceTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Servers.class)
    void applyConvergesThenPlanIsEmptyAndApplyIsANoOp(Servers server) {
        try (TestDatabase db = server.newDatabase()) {
            Harness h = new Harness(root, db);
            h.migration("0001_schemas.sql", "CREATE SCHEMA raw;\nCREATE SCHEMA marts;\n");
            h.migration("0002_customers.sql", "CREATE TABLE raw.customers (id bigint PRIMARY KEY, name text);\n");
            h.migration("0010_gap_is_fine.sql", "INSERT INTO raw.customers VALUES (1, 'a;b'), (2, $$it's$$);\n");

            Plan plan = h.plan();
            assertThat(plan.changes()).extracting(Change::object).containsExactly(
                    "migrations/0001_schemas.sql", "migrations/0002_customers.sql", "migrations/0010_gap_is_fine.sql");
            assertThat(plan.changes().get(0).attribute("statements")).isEqualTo("2");

            assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(h.history()).containsExactly("1:migrations/0001_schemas.sql:true",
                    "2:migrations/0002_customers.sql:true", "10:migrations/0010_gap_is_fine.sql:true");
            assertThat(h.rows("SELECT name FROM raw.customers ORDER BY id")).containsExactly("a;b", "it's");

            assertThat(h.plan().hasChanges()).isFalse();
            assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.NO_CHANGES);
            assertThat(h.history()).hasSize(3);
            assertThat(h.rows("SELECT outcome FROM strata.journal ORDER BY id")).containsExactly("succeeded", "no_changes");
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void planWritesNothing(Servers server) {
        try (TestDatabase db = server.newDatabase()) {
            Harness h = new Harness(root, db);
            h.migration("0001_a.sql", "CREATE TABLE a (id int);");
            List<String> before = h.catalog();
            h.plan();
            h.loop().observe(java.util.Set.of());
            assertThat(h.catalog()).isEqualTo(before);
            assertThat(before).noneMatch(r -> r.contains("strata"));

            h.apply();
            h.migration("0002_b.sql", "CREATE TABLE b (id int);");
            List<String> applied = h.catalog();
            List<String> history = h.history();
            List<String> journal = h.rows("SELECT id || outcome FROM strata.journal ORDER BY id");
            h.plan();
            h.loop().observe(java.util.Set.of());
            assertThat(h.catalog()).isEqualTo(applied);
            assertThat(h.history()).isEqualTo(history);
            assertThat(h.rows("SELECT id || outcome FROM strata.journal ORDER BY id")).isEqualTo(journal);
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void realMigrationSetsWork(Servers server) {
        try (TestDatabase db = server.newDatabase()) {
            Harness h = new Harness(root, db);
            h.migration("0001_empty.sql", "");
            h.migration("0002_only_comments.sql", "-- nothing yet\n/* still nothing; */\n");
            h.migration("0003_functions.sql", """
                    CREATE FUNCTION add_one(i int) RETURNS int AS $body$
                    BEGIN
                        RETURN i + 1; -- a ; inside
                    END;
                    $body$ LANGUAGE plpgsql;
                    DO $$
                    BEGIN
                        CREATE TABLE made_in_do (note text DEFAULT 'semi;colon');
                    END
                    $$;
                    COMMENT ON TABLE made_in_do IS 'a ''quoted''; comment';
                    """);
            StringBuilder big = new StringBuilder("CREATE TABLE big (id int PRIMARY KEY, note text);\n");
            for (int i = 0; i < 800; i++) {
                big.append("INSERT INTO big VALUES (").append(i).append(", 'row ").append(i).append("; with -- text');\n");
            }
            assertThat(big.length()).isGreaterThan(40_000);
            h.migration("0004_big.sql", big.toString());

            Plan plan = h.plan();
            assertThat(plan.layers().get(0).warnings()).anyMatch(w -> w.contains("0001_empty.sql contains no statements"))
                    .anyMatch(w -> w.contains("0002_only_comments.sql contains no statements"));
            h.apply();
            assertThat(h.history()).hasSize(4);
            assertThat(h.rows("SELECT add_one(41)::text")).containsExactly("42");
            assertThat(h.rows("SELECT count(*)::text FROM big")).containsExactly("800");
            assertThat(h.plan().hasChanges()).isFalse();
        }
    }
}
