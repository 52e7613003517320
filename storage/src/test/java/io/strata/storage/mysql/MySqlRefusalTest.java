package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Plan;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only MariaDB refuses or words differently; the refusals both dialects share run on both in
 * {@link io.strata.storage.StorageRefusalTest}.
 */
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
    void aMySqlSyntaxErrorNamesTheLine() {
        h.migration("0006_broken.sql", "CREATE TABLE ok (id INT);\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 'oops; END$$\n");
        assertRefusedAndNothingChanged("0006_broken.sql", "line 3");
    }

    @Test
    void aDestructiveChangeSaysItRunsOutsideATransaction() {
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

}
