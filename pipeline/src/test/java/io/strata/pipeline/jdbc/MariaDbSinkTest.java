package io.strata.pipeline.jdbc;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.pipeline.Column;
import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Schema;
import io.strata.pipeline.TestDatabase;
import io.strata.pipeline.WriteResult;
import io.strata.pipeline.testing.LiteralSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three write modes on MariaDB: what each leaves behind, on success and on failure. */
class MariaDbSinkTest {

    static final Schema ITEMS = Schema.of(Column.of("id", BIGINT), Column.of("name", TEXT));

    TestDatabase db;
    Database database;
    String items;

    @BeforeEach
    void create() {
        db = TestDatabase.mariadb();
        database = db.database();
        items = db.schema() + ".items";
        db.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                        + " loaded_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX items_by_name (name))"
                        + " COMMENT 'Items, for the tests'",
                "INSERT INTO items (id, name) VALUES (1, 'old one'), (2, 'old two')");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    static LiteralSource items(Object... idsAndNames) {
        LiteralSource s = LiteralSource.of(ITEMS);
        for (int i = 0; i < idsAndNames.length; i += 2) {
            s = s.row(idsAndNames[i], idsAndNames[i + 1]);
        }
        return s;
    }

    /** {@code count} rows; the one at {@code failAt} has a NULL name, which the table refuses. */
    static LiteralSource many(int count, int failAt) {
        LiteralSource s = LiteralSource.of(ITEMS);
        for (int i = 10; i < 10 + count; i++) {
            s = s.row(i, i == failAt ? null : "item " + i);
        }
        return s;
    }

    @Test
    void replaceSwapsInTheNewRowsAndKeepsTheDefinition() {
        String definition = definitionOf("items");
        WriteResult result = database.replace(items).write(items(3, "new three", 4, "new four"));
        assertThat(result.rows()).isEqualTo(2);
        assertThat(db.column("SELECT CONCAT(id, '=', name) FROM items ORDER BY id")).containsExactly("3=new three",
                "4=new four");
        assertThat(db.column("SHOW TABLES")).containsExactly("items");
        assertThat(db.column("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"))
                .containsExactly("items");
        assertThat(definitionOf("items")).isEqualTo(definition).contains("KEY `items_by_name` (`name`)")
                .contains("COMMENT='Items, for the tests'");
    }

    @Test
    void replaceKeepsGrantsBecauseTheyFollowTheName() {
        String user = "strata_r_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            db.execute("CREATE USER '" + user + "'@'localhost'",
                    "GRANT SELECT ON " + items + " TO '" + user + "'@'localhost'",
                    "GRANT UPDATE (name) ON " + items + " TO '" + user + "'@'localhost'");
            String grants = String.join("\n", db.column("SHOW GRANTS FOR '" + user + "'@'localhost'"));
            database.replace(items).write(items(3, "new three"));
            assertThat(String.join("\n", db.column("SHOW GRANTS FOR '" + user + "'@'localhost'"))).isEqualTo(grants)
                    .contains("SELECT, UPDATE (`name`) ON `" + db.schema() + "`.`items`");
        } finally {
            db.execute("DROP USER IF EXISTS '" + user + "'@'localhost'");
        }
    }

    @Test
    void aFailedReplaceLeavesTheOldRowsAndNoNewTable() {
        assertThatThrownBy(() -> database.replace(items).write(many(3_000, 2_500)))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("nothing was written");
        assertThat(db.column("SELECT name FROM items ORDER BY id")).containsExactly("old one", "old two");
        assertThat(db.column("SHOW TABLES")).containsExactly("items");
    }

    @Test
    void aLeftoverFromAKilledRunIsDroppedByTheNextRun() {
        db.execute("CREATE TABLE items__strata_new LIKE items", "INSERT INTO items__strata_new (id, name) VALUES (9, 'x')");
        database.replace(items).write(items(3, "three"));
        assertThat(db.column("SHOW TABLES")).containsExactly("items");
        assertThat(db.column("SELECT name FROM items")).containsExactly("three");
    }

    @Test
    void replaceFallsBackToInPlaceWhenATriggerIsOnTheTable() {
        db.execute("CREATE TABLE audit (n INT)", "CREATE TRIGGER items_audit AFTER INSERT ON items FOR EACH ROW"
                + " INSERT INTO audit VALUES (NEW.id)");
        WriteResult result = database.replace(items).write(items(3, "three"));
        assertThat(db.column("SELECT name FROM items")).containsExactly("three");
        assertThat(db.column("SELECT n FROM audit")).containsExactly("3");
        assertThat(result.mode()).isEqualTo("replace");
    }

    @Test
    void replaceRefusesATableOthersReferenceAndGoesInPlaceForOneThatReferences() {
        db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, item BIGINT,"
                        + " CONSTRAINT orders_item FOREIGN KEY (item) REFERENCES items (id) ON DELETE CASCADE)",
                "INSERT INTO orders VALUES (1, 1)");
        assertThatThrownBy(() -> database.replace(items).write(items(3, "three")))
                .hasMessageContaining("is referenced by foreign keys (orders_item on " + db.schema() + ".orders)");
        assertThat(db.count("orders")).isEqualTo(1);
        assertThat(db.count("items")).isEqualTo(2);

        database.replace(db.schema() + ".orders").write(LiteralSource.of(Schema.of(Column.of("id", BIGINT),
                Column.of("item", BIGINT))).row(7, 2));
        assertThat(db.column("SELECT CONCAT(id, '>', item) FROM orders")).containsExactly("7>2");
        assertThat(db.column("SHOW TABLES")).containsExactly("items", "orders");
    }

    @Test
    void appendAddsAllRowsOrNone() {
        database.append(items).write(items(3, "three"));
        assertThat(db.count("items")).isEqualTo(3);
        assertThatThrownBy(() -> database.append(items).write(many(3_000, 2_999))).isInstanceOf(PipelineException.class);
        assertThat(db.count("items")).isEqualTo(3);
    }

    @Test
    void mergeUpdatesExistingKeysAndInsertsNewOnes() {
        database.merge(items, "id").write(items(2, "two, updated", 5, "five"));
        assertThat(db.column("SELECT CONCAT(id, '=', name) FROM items ORDER BY id"))
                .containsExactly("1=old one", "2=two, updated", "5=five");
    }

    @Test
    void mergeNeedsAUniqueIndexOnTheKeys() {
        assertThatThrownBy(() -> database.merge(items, "name").write(items(2, "old one")))
                .hasMessageContaining("unique index on exactly those columns");
        assertThat(db.count("items")).isEqualTo(2);
    }

    private String definitionOf(String table) {
        return db.column("SHOW CREATE TABLE " + table, 2).get(0).replaceAll(" AUTO_INCREMENT=\\d+", "");
    }
}
