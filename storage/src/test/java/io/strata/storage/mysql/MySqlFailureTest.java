package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.core.loop.ApplyResult;
import io.strata.storage.StorageLayer;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DDL commits implicitly: a failing migration is recorded as failed and blocks until repair. */
class MySqlFailureTest {

    @TempDir
    Path root;

    @Test
    void aMigrationFailingMidwayIsRecordedFailedAndBlocksUntilRepair() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_ok.sql", "CREATE TABLE ok (id INT);");
            h.migration("0002_fails.sql", "CREATE TABLE half (id INT);\nINSERT INTO ok VALUES (1);\n\n"
                    + "INSERT INTO nowhere VALUES (1);\nCREATE TABLE after_failure (id INT);\n");
            h.migration("0003_never.sql", "CREATE TABLE never (id INT);");

            assertThatThrownBy(h::apply).isInstanceOf(StrataException.class)
                    .hasMessageContaining("migrations/0002_fails.sql line 4:")
                    .hasMessageContaining(db.name() + ".nowhere' doesn't exist")
                    .hasMessageContaining("it ran outside a transaction, so the 2 statements before line 4 took effect;"
                            + " it is recorded as failed and further applies are blocked")
                    .hasMessageContaining("the 1 migration(s) before it in this apply were committed")
                    .satisfies(e -> assertThat(((StrataException) e).hint())
                            .isEqualTo("fix the database by hand (and the file), then run `strata migrations repair`"));
            assertThat(h.history()).containsExactly("1:migrations/0001_ok.sql:true", "2:migrations/0002_fails.sql:false");
            assertThat(h.rows("SELECT error FROM strata_migrations WHERE version = 2")).singleElement().asString()
                    .startsWith("line 4: ").contains("nowhere");
            assertThat(h.catalog()).contains("half:BASE TABLE")
                    .noneMatch(r -> r.startsWith("after_failure") || r.startsWith("never"));
            assertThat(h.rows("SELECT COUNT(*) FROM ok")).containsExactly("1");
            assertThat(h.rows("SELECT outcome FROM strata_journal")).containsExactly("failed");
            assertThat(h.rows("SELECT error FROM strata_journal")).singleElement().asString()
                    .contains("0002_fails.sql line 4");

            // Blocked: editing the failed file is not enough, plan and apply refuse until repair.
            h.migration("0002_fails.sql", "CREATE TABLE IF NOT EXISTS half (id INT);\nCREATE TABLE nowhere (id INT);\n"
                    + "INSERT INTO nowhere VALUES (1);\n");
            List<String> catalog = h.catalog();
            assertThatThrownBy(h::plan).hasMessageContaining("migrations/0002_fails.sql failed on")
                    .hasMessageContaining("and may have partly run (line 4: ")
                    .hasMessageContaining("fix the database by hand, then run `strata migrations repair`");
            assertThatThrownBy(h::apply).hasMessageContaining("strata migrations repair");
            assertThat(h.catalog()).isEqualTo(catalog);
            assertThat(h.history()).hasSize(2);

            StorageLayer storage = h.storage();
            assertThat(storage.repair(h.target())).singleElement().asString()
                    .startsWith("removed the failed history row of migrations/0002_fails.sql (version 2, failed on 20")
                    .endsWith("): the next apply runs it again");
            assertThat(h.history()).containsExactly("1:migrations/0001_ok.sql:true");
            assertThat(h.catalog()).contains("half:BASE TABLE");
            assertThat(storage.repair(h.target())).isEmpty();

            assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(h.history()).containsExactly("1:migrations/0001_ok.sql:true", "2:migrations/0002_fails.sql:true",
                    "3:migrations/0003_never.sql:true");
            assertThat(h.plan().hasChanges()).isFalse();
        }
    }

    @Test
    void aMigrationFailingOnItsFirstStatementSaysNothingBeforeItRan() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_typo.sql", "# a comment first\nCREAT TABLE t (id INT);\nCREATE TABLE u (id INT);\n");
            assertThatThrownBy(h::apply).hasMessageStartingWith("migrations/0001_typo.sql line 2: ")
                    .hasMessageContaining("SQL syntax")
                    .hasMessageContaining("it ran outside a transaction, so nothing before it ran (line 2 is its first"
                            + " statement); it is recorded as failed")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("migration(s) before it"));
            assertThat(h.history()).containsExactly("1:migrations/0001_typo.sql:false");
        }
    }

    @Test
    void aFileThatManagesItsOwnTransactionIsRefusedEvenWithTheDirective() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_t.sql", "CREATE TABLE t (id INT);\n");
            h.migration("0002_tx.sql", "-- strata:no-transaction\nSTART TRANSACTION;\nINSERT INTO t VALUES (1);\nCOMMIT;\n");
            assertThatThrownBy(h::plan).isInstanceOf(StrataException.class)
                    .hasMessage("migrations/0002_tx.sql line 2: START TRANSACTION: a migration must not manage"
                            + " transactions itself")
                    .satisfies(e -> assertThat(((StrataException) e).hint()).isEqualTo("remove it: Strata runs each"
                            + " statement on its own (MySQL and MariaDB commit DDL implicitly) and records the file in"
                            + " its history table when it ends"));
            assertThatThrownBy(h::apply).hasMessageContaining("must not manage transactions itself");
            // Taking the lock told who holds it; nothing else was written.
            assertThat(h.catalog()).isNotEmpty().allMatch(r -> r.startsWith(MySqlApplyLock.HOLDER_TABLE));
        }
    }
}
