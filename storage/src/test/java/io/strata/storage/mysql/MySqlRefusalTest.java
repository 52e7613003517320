package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Plan;
import io.strata.core.plan.PlanFile;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusals of plan and apply on MariaDB, with PostgreSQL's messages; none of them changes anything. */
class MySqlRefusalTest {

    @TempDir
    Path root;

    private MariaDbTestDatabase db;
    private Harness h;

    @BeforeEach
    void applyTwoMigrations() {
        db = MariaDbTestDatabase.create();
        h = new Harness(root, db);
        h.migration("0001_first.sql", "CREATE TABLE first (id INT);\n");
        h.migration("0005_second.sql", "CREATE TABLE second (id INT);\n");
        h.apply();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private void assertRefusedAndNothingChanged(String... fragments) {
        List<String> catalog = h.catalog();
        List<String> history = h.history();
        assertThatThrownBy(h::plan).isInstanceOf(StrataException.class).satisfies(e -> {
            for (String fragment : fragments) {
                assertThat(e.getMessage()).contains(fragment);
            }
        });
        assertThatThrownBy(h::apply).isInstanceOf(StrataException.class);
        assertThat(h.catalog()).isEqualTo(catalog);
        assertThat(h.history()).isEqualTo(history);
    }

    @Test
    void anAppliedFileThatWasEdited() {
        h.migration("0005_second.sql", "CREATE TABLE second (id BIGINT);\n");
        h.migration("0006_third.sql", "CREATE TABLE third (id INT);\n");
        assertRefusedAndNothingChanged("migrations/0005_second.sql was edited after it was applied on",
                "applied migrations must not change", "git checkout -- migrations/0005_second.sql",
                "strata migrations new NAME");
    }

    @Test
    void lineEndingsAreNotAnEdit() {
        h.migration("0005_second.sql", "CREATE TABLE second (id INT);\r\n");
        assertThat(h.plan().hasChanges()).isFalse();
    }

    @Test
    void anAppliedFileThatWasDeleted() throws IOException {
        Files.delete(root.resolve("migrations/0001_first.sql"));
        assertRefusedAndNothingChanged("migrations/0001_first.sql (version 1) was applied on",
                "but the file is gone: restore it from git (git checkout test-commit -- migrations/0001_first.sql)");
    }

    @Test
    void aDuplicateNumber() {
        h.migration("0006_a.sql", "CREATE TABLE a (id INT);\n");
        h.migration("006_b.sql", "CREATE TABLE b (id INT);\n");
        assertRefusedAndNothingChanged("migrations/0006_a.sql and migrations/006_b.sql share version 6",
                "renumber one of them");
    }

    @Test
    void aNewFileNumberedBelowTheLatestApplied() {
        h.migration("0003_late.sql", "CREATE TABLE late (id INT);\n");
        assertRefusedAndNothingChanged("migrations/0003_late.sql (version 3) is new, but version 5",
                "(migrations/0005_second.sql) is already applied: renumber it above 5");
    }

    @Test
    void aMySqlSyntaxErrorNamesTheLine() {
        h.migration("0006_broken.sql", "CREATE TABLE ok (id INT);\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 'oops; END$$\n");
        assertRefusedAndNothingChanged("0006_broken.sql", "line 3");
    }

    @Test
    void destructiveChangesNeedAllowUnsafeOrAReviewedPlan() {
        h.migration("0006_drop.sql", "DROP TABLE first;\n");
        Plan plan = h.plan();
        assertThat(plan.unsafeChanges()).singleElement().satisfies(c -> {
            assertThat(c.destructive()).isTrue();
            assertThat(c.summary()).isEqualTo("apply migration (1 statement, non-transactional): destructive:"
                    + " DS101 line 1: drops table first");
        });
        assertThatThrownBy(h::apply).hasMessageContaining("the plan has 1 unsafe change(s); nothing was applied")
                .hasMessageContaining("migrations/0006_drop.sql");
        assertThat(h.catalog()).contains("first:BASE TABLE");

        assertThat(h.apply(false, plan, Duration.ofSeconds(5)).status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(h.catalog()).noneMatch(r -> r.startsWith("first:"));
    }

    @Test
    void aStalePlanIsRefusedWhenTheLiveStateMoved() throws IOException {
        h.migration("0006_third.sql", "CREATE TABLE third (id INT);\n");
        Path file = root.resolve("plan.json");
        PlanFile.write(h.plan(), file);
        h.apply();
        h.migration("0007_fourth.sql", "CREATE TABLE fourth (id INT);\n");
        List<String> catalog = h.catalog();
        assertThatThrownBy(() -> h.apply(false, PlanFile.read(file), Duration.ofSeconds(5)))
                .hasMessageContaining("stale plan: the live state of layer storage changed since the plan was made");
        assertThat(h.catalog()).isEqualTo(catalog);
    }
}
