package io.strata.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Plan;
import io.strata.core.plan.PlanFile;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import io.strata.storage.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every refusal of plan and apply, each with its message, on PostgreSQL and on MariaDB alike; none
 * of them changes anything.
 */
@ParameterizedClass
@EnumSource(Harness.Kind.class)
class StorageRefusalTest {

    @Parameter
    Harness.Kind kind;

    @TempDir
    Path root;

    private AutoCloseable db;
    private Harness h;

    @BeforeEach
    void applyTwoMigrations() {
        if (kind == Harness.Kind.POSTGRESQL) {
            TestDatabase postgres = TestDatabase.onServer();
            db = postgres;
            h = new Harness(root, postgres);
        } else {
            MariaDbTestDatabase mariadb = MariaDbTestDatabase.create();
            db = mariadb;
            h = new Harness(root, mariadb);
        }
        h.migration("0001_first.sql", "CREATE TABLE first (id int);\n");
        h.migration("0005_second.sql", "CREATE TABLE second (id int);\n");
        h.apply();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    /** Whether the table exists, whatever shape the dialect's catalog listing has. */
    private boolean hasTable(String name) {
        return h.catalog().stream().anyMatch(r -> r.endsWith("." + name + ":r") || r.equals(name + ":BASE TABLE"));
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
        h.migration("0005_second.sql", "CREATE TABLE second (id bigint);\n");
        h.migration("0006_third.sql", "CREATE TABLE third (id int);\n");
        assertRefusedAndNothingChanged("migrations/0005_second.sql was edited after it was applied on",
                "applied migrations must not change", "git checkout -- migrations/0005_second.sql",
                "strata migrations new NAME");
    }

    @Test
    void lineEndingsAreNotAnEdit() {
        h.migration("0005_second.sql", "CREATE TABLE second (id int);\r\n");
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
        h.migration("0006_a.sql", "CREATE TABLE a (id int);\n");
        h.migration("006_b.sql", "CREATE TABLE b (id int);\n");
        assertRefusedAndNothingChanged("migrations/0006_a.sql and migrations/006_b.sql share version 6",
                "renumber one of them");
    }

    @Test
    void aNewFileNumberedBelowTheLatestApplied() {
        h.migration("0003_late.sql", "CREATE TABLE late (id int);\n");
        assertRefusedAndNothingChanged("migrations/0003_late.sql (version 3) is new, but version 5",
                "(migrations/0005_second.sql) is already applied: renumber it above 5");
    }

    @Test
    void aFileNameWithoutVersion() {
        h.migration("add_things.sql", "CREATE TABLE things (id int);\n");
        assertRefusedAndNothingChanged("migrations/add_things.sql: a migration file name is <version>_<name>.sql");
    }

    @Test
    void aFileThatManagesItsOwnTransaction() {
        h.migration("0006_tx.sql", "BEGIN;\nCREATE TABLE tx (id int);\nCOMMIT;\n");
        assertRefusedAndNothingChanged("migrations/0006_tx.sql", "line 1", "must not manage transactions itself");
    }

    @Test
    void anUnterminatedString() {
        h.migration("0006_broken.sql", "CREATE TABLE ok (id int);\nINSERT INTO ok VALUES ('oops);\n");
        assertRefusedAndNothingChanged("0006_broken.sql", "line 2");
    }

    @Test
    void destructiveChangesNeedAllowUnsafeOrAReviewedPlan() {
        h.migration("0006_drop.sql", "DROP TABLE first;\n");
        Plan plan = h.plan();
        assertThat(plan.unsafeChanges()).singleElement().satisfies(c -> {
            assertThat(c.destructive()).isTrue();
            assertThat(c.summary()).contains("destructive").contains("first");
        });
        assertThatThrownBy(h::apply).hasMessageContaining("the plan has 1 unsafe change(s); nothing was applied")
                .hasMessageContaining("migrations/0006_drop.sql");
        assertThat(hasTable("first")).isTrue();

        assertThat(h.apply(false, plan, Duration.ofSeconds(5)).status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(hasTable("first")).isFalse();
    }

    @Test
    void aStalePlanIsRefusedWhenTheLiveStateMoved() throws IOException {
        h.migration("0006_third.sql", "CREATE TABLE third (id int);\n");
        Path file = root.resolve("plan.json");
        PlanFile.write(h.plan(), file);
        h.apply();
        h.migration("0007_fourth.sql", "CREATE TABLE fourth (id int);\n");
        List<String> catalog = h.catalog();
        assertThatThrownBy(() -> h.apply(false, PlanFile.read(file), Duration.ofSeconds(5)))
                .hasMessageContaining("stale plan: the live state of layer storage changed since the plan was made")
                .satisfies(e -> assertThat(((StrataException) e).hint()).contains("re-run `strata plan --out FILE`"));
        assertThat(h.catalog()).isEqualTo(catalog);
    }

    @Test
    void aStalePlanIsRefusedWhenTheFilesChanged() {
        h.migration("0006_third.sql", "CREATE TABLE third (id int);\n");
        Plan plan = h.plan();
        h.migration("0006_third.sql", "CREATE TABLE third (id bigint);\n");
        assertThatThrownBy(() -> h.apply(false, plan, Duration.ofSeconds(5)))
                .hasMessageContaining("stale plan: the files of layer storage changed since the plan was made");
        assertThat(h.history()).hasSize(2);
    }

    @Test
    void aPlanFileForAnotherEnvironmentOrEditedIsRefused() throws IOException {
        h.migration("0006_third.sql", "CREATE TABLE third (id int);\n");
        Path file = root.resolve("plan.json");
        PlanFile.write(h.plan(), file);
        String json = Files.readString(file);
        Files.writeString(file, json.replace("CREATE TABLE third (id int);", "DROP TABLE first;"));
        assertThatThrownBy(() -> PlanFile.read(file)).hasMessageContaining("was modified after it was written");

        Plan plan = h.plan();
        Plan other = new Plan(plan.formatVersion(), plan.strataVersion(), "prod", plan.gitCommit(), plan.createdAt(),
                plan.layers());
        assertThatThrownBy(() -> h.apply(false, other, Duration.ofSeconds(5)))
                .hasMessageContaining("the plan file was made for environment `prod`, not `dev`");
        assertThat(h.history()).hasSize(2);
    }
}
