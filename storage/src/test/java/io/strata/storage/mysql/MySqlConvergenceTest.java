package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Change;
import io.strata.core.plan.Plan;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply, then nothing to do: on the MariaDB server, as on PostgreSQL. */
class MySqlConvergenceTest {

    @TempDir
    Path root;

    @Test
    void applyConvergesThenPlanIsEmptyAndApplyIsANoOp() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_customers.sql", "CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT);\n"
                    + "CREATE INDEX customers_name ON customers (name(20));\n");
            h.migration("0010_gap_is_fine.sql", "INSERT INTO customers VALUES (1, 'a;b'), (2, 'it\\'s');\n");

            Plan plan = h.plan();
            assertThat(plan.changes()).extracting(Change::object)
                    .containsExactly("migrations/0001_customers.sql", "migrations/0010_gap_is_fine.sql");
            Change first = plan.changes().get(0);
            assertThat(first.attribute("statements")).isEqualTo("2");
            assertThat(first.attribute("transactional")).isEqualTo("false");
            assertThat(first.summary()).isEqualTo("apply migration (2 statements, non-transactional)");
            assertThat(plan.layers().get(0).warnings()).singleElement().asString()
                    .startsWith("every migration runs statement by statement, outside a transaction"
                            + " (MySQL and MariaDB commit DDL implicitly): if one fails midway")
                    .contains("recorded as failed").contains("`strata migrations repair`");

            assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(h.history()).containsExactly("1:migrations/0001_customers.sql:true",
                    "10:migrations/0010_gap_is_fine.sql:true");
            assertThat(h.rows("SELECT name FROM customers ORDER BY id")).containsExactly("a;b", "it's");
            assertThat(h.rows("SELECT CONCAT(transactional, applied_by, git_commit) FROM strata_migrations"))
                    .containsOnly("0tester@testtest-commit");

            Plan again = h.plan();
            assertThat(again.hasChanges()).isFalse();
            assertThat(again.layers().get(0).warnings()).isEmpty();
            assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.NO_CHANGES);
            assertThat(h.history()).hasSize(2);
            assertThat(h.rows("SELECT outcome FROM strata_journal ORDER BY id")).containsExactly("succeeded", "no_changes");
            assertThat(h.loop().journal(10)).first().satisfies(e -> assertThat(e.outcome().label()).isEqualTo("no changes"));
            assertThat(h.loop().journal(10).get(1).changes()).containsExactly(
                    "+ storage migrations/0001_customers.sql", "+ storage migrations/0010_gap_is_fine.sql");
        }
    }

    @Test
    void multiStatementFilesWithDelimitersTriggersProceduresAndHashComments() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_orders.sql", """
                    # Orders, an audit trail kept by a trigger, and a procedure; as mysqldump writes them.
                    CREATE TABLE orders (id INT PRIMARY KEY, amount DECIMAL(10, 2), note VARCHAR(100) DEFAULT 'a;b');
                    CREATE TABLE audit (order_id INT, msg TEXT); -- a trailing comment; with a semicolon
                    /* a block comment; also with one */

                    DELIMITER $$
                    CREATE TRIGGER orders_ai AFTER INSERT ON orders FOR EACH ROW
                    BEGIN
                        # inside the body; still one statement
                        INSERT INTO audit VALUES (NEW.id, CONCAT('inserted; amount ', NEW.amount));
                    END$$

                    CREATE PROCEDURE add_order(IN p_id INT, IN p_amount DECIMAL(10, 2))
                    BEGIN
                        INSERT INTO orders (id, amount) VALUES (p_id, p_amount);
                    END$$
                    DELIMITER ;

                    DELIMITER //
                    CREATE FUNCTION doubled(x INT) RETURNS INT DETERMINISTIC
                    BEGIN
                        RETURN x * 2;
                    END //
                    DELIMITER ;

                    CALL add_order(1, 9.99);
                    INSERT INTO orders (id, amount, note) VALUES (2, 5, 'it\\'s; "quoted" -- not a comment');
                    """);
            Plan plan = h.plan();
            assertThat(plan.changes().get(0).attribute("statements")).isEqualTo("7");

            h.apply();
            assertThat(h.history()).containsExactly("1:migrations/0001_orders.sql:true");
            assertThat(h.rows("SELECT msg FROM audit ORDER BY order_id"))
                    .containsExactly("inserted; amount 9.99", "inserted; amount 5.00");
            assertThat(h.rows("SELECT note FROM orders WHERE id = 2")).containsExactly("it's; \"quoted\" -- not a comment");
            assertThat(h.rows("SELECT doubled(21)")).containsExactly("42");
            assertThat(h.catalog()).contains("trigger orders_ai", "routine add_order:PROCEDURE", "routine doubled:FUNCTION");
            assertThat(h.plan().hasChanges()).isFalse();
        }
    }

    @Test
    void planAndObserveWriteNothing() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_a.sql", "CREATE TABLE a (id INT);");
            List<String> before = h.catalog();
            h.plan();
            h.loop().observe(Set.of());
            h.loop().journal(10);
            assertThat(h.catalog()).isEqualTo(before).isEmpty();

            h.apply();
            h.migration("0002_b.sql", "CREATE TABLE b (id INT);");
            List<String> applied = h.catalog();
            List<String> history = h.rows("SELECT CONCAT(version, applied_at, duration_ms) FROM strata_migrations");
            List<String> journal = h.rows("SELECT CONCAT(id, outcome, finished_at) FROM strata_journal ORDER BY id");
            assertThat(applied).contains("a:BASE TABLE", "strata_migrations:BASE TABLE", "strata_journal:BASE TABLE");
            h.plan();
            h.loop().observe(Set.of());
            assertThat(h.catalog()).isEqualTo(applied);
            assertThat(h.rows("SELECT CONCAT(version, applied_at, duration_ms) FROM strata_migrations")).isEqualTo(history);
            assertThat(h.rows("SELECT CONCAT(id, outcome, finished_at) FROM strata_journal ORDER BY id")).isEqualTo(journal);
        }
    }

    @Test
    void aFileThatSwitchesDatabaseDoesNotTakeTheNextFileOrTheHistoryWithIt() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(); MariaDbTestDatabase other = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_elsewhere.sql", "USE `" + other.name() + "`;\nCREATE TABLE moved (id INT);\n");
            h.migration("0002_home.sql", "CREATE TABLE home (id INT);\n");
            h.apply();
            assertThat(h.history()).containsExactly("1:migrations/0001_elsewhere.sql:true", "2:migrations/0002_home.sql:true");
            assertThat(h.catalog()).contains("home:BASE TABLE").noneMatch(r -> r.startsWith("moved:"));
            assertThat(new Harness(root, other).catalog()).containsExactly("moved.id:int(11)", "moved:BASE TABLE");
        }
    }
}
