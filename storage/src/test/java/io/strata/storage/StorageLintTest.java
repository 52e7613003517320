package io.strata.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Change;
import io.strata.core.plan.Plan;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint inside plan: what it marks unsafe, and what an ignore comment with a reason lets through. */
class StorageLintTest {

    @TempDir
    Path root;

    @Test
    void lockRiskyAndDestructiveChangesAreUnsafeUnlessReviewedInTheFile() {
        try (TestDatabase db = TestDatabase.onServer()) {
            Harness h = new Harness(root, db);
            h.migration("0001_customers.sql", "CREATE TABLE customers (id int PRIMARY KEY, email text);\n");
            h.apply();

            h.migration("0002_index.sql", "CREATE INDEX customers_email ON customers (email);\n");
            h.migration("0003_new_table.sql", "CREATE TABLE orders (id int, customer int);\n"
                    + "CREATE INDEX orders_customer ON orders (customer);\n");
            h.migration("0004_reviewed_drop.sql", "-- strata:ignore DS102 the column was unused since 2025, checked in the logs\n"
                    + "ALTER TABLE customers DROP COLUMN email;\n");
            Plan plan = h.plan();
            Change index = plan.changes().get(0);
            assertThat(index.unsafe()).isTrue();
            assertThat(index.destructive()).isFalse();
            assertThat(index.summary()).contains("LK201 line 1:");
            assertThat(plan.layers().get(0).warnings())
                    .anyMatch(w -> w.startsWith("migrations/0002_index.sql:1:1: LK201 error:") && w.endsWith("(see docs/lint/LK201.md)"));
            assertThat(plan.changes().get(1).unsafe()).as("an index on a table created in the same plan").isFalse();
            assertThat(plan.changes().get(2).unsafe()).as("a drop reviewed with an ignore comment").isFalse();

            assertThatThrownBy(h::apply).hasMessageContaining("the plan has 1 unsafe change(s)")
                    .hasMessageContaining("migrations/0002_index.sql");
            assertThat(h.apply(true, null, Duration.ofSeconds(10)).status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(h.history()).hasSize(4);
        }
    }
}
