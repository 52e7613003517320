package io.strata.pipeline.jdbc;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.testing.RowAssertions.assertRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.pipeline.Column;
import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Source;
import io.strata.pipeline.TestDatabase;
import io.strata.pipeline.WriteResult;
import io.strata.pipeline.testing.LiteralSource;
import java.util.Iterator;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three write modes on PostgreSQL: what each leaves behind, on success and on failure. */
class PostgresSinkTest {

    static final Schema ITEMS = Schema.of(Column.of("id", BIGINT), Column.of("name", TEXT));

    TestDatabase db;
    Database database;

    @BeforeEach
    void create() {
        db = TestDatabase.postgres();
        database = db.database();
        db.execute("CREATE SCHEMA marts",
                "CREATE TABLE marts.items (id bigint CONSTRAINT items_id PRIMARY KEY, name text NOT NULL,"
                        + " loaded_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT named_check CHECK (id > 0))",
                "CREATE INDEX items_by_name ON marts.items (name) WHERE name <> ''",
                "CREATE UNIQUE INDEX items_lower_name ON marts.items (lower(name), id) INCLUDE (loaded_at)",
                "COMMENT ON TABLE marts.items IS 'Items, for the tests'",
                "INSERT INTO marts.items (id, name) VALUES (1, 'old one'), (2, 'old two')");
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

    /** {@code count} rows, the one at {@code failAt} breaking the table's CHECK (id > 0). */
    static Source generated(long count, long failAt) {
        return () -> Rows.of(ITEMS, new Iterator<>() {
            long next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public Row next() {
                long id = next++;
                return ITEMS.row(id == failAt ? -id : id, "item " + id);
            }
        }, () -> { });
    }

    @Test
    void replaceSwapsInTheNewRowsAndKeepsTheTableAsItWas() {
        String indexesBefore = indexes();
        WriteResult result = database.replace("marts.items").write(items(3, "new three", 4, "new four"));

        assertThat(result.rows()).isEqualTo(2);
        assertRows(database.table("marts.items", "id", "name"), items(3, "new three", 4, "new four"));
        assertThat(indexes()).isEqualTo(indexesBefore);
        assertThat(db.column("SELECT conname FROM pg_constraint WHERE conrelid = 'marts.items'::regclass ORDER BY 1"))
                .containsExactly("items_id", "named_check");
        assertThat(db.column("SELECT obj_description('marts.items'::regclass, 'pg_class')"))
                .containsExactly("Items, for the tests");
        assertThat(db.column("SELECT count(*) FROM marts.items WHERE loaded_at IS NOT NULL")).containsExactly("2");
        assertThat(db.column("SELECT relname FROM pg_class WHERE relname LIKE '%strata%'")).isEmpty();
    }

    @Test
    void replaceKeepsTableAndColumnGrantsAndTheOwnerAndNothingMore() {
        String reader = "strata_reader_" + UUID.randomUUID().toString().substring(0, 8);
        String owner = "strata_owner_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            db.execute("CREATE ROLE " + reader, "CREATE ROLE " + owner,
                    "GRANT USAGE, CREATE ON SCHEMA marts TO " + owner,
                    "ALTER TABLE marts.items OWNER TO " + owner,
                    "GRANT SELECT ON marts.items TO " + reader + " WITH GRANT OPTION",
                    "GRANT UPDATE (name) ON marts.items TO " + reader,
                    "GRANT SELECT ON marts.items TO PUBLIC",
                    // A default privilege the new table gets on creation, which the old one lacks.
                    "ALTER DEFAULT PRIVILEGES IN SCHEMA marts GRANT DELETE ON TABLES TO " + reader);
            String acl = acl();

            database.replace("marts.items").write(items(3, "new three"));

            assertThat(acl()).isEqualTo(acl);
            assertThat(db.column("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'marts.items'::regclass"))
                    .containsExactly(owner);
        } finally {
            db.execute("DROP OWNED BY " + reader + ", " + owner, "DROP ROLE " + reader, "DROP ROLE " + owner);
        }
    }

    @Test
    void aReplaceMayReadTheTableItReplaces() {
        database.replace("marts.items").write(database.table("marts.items", "id", "name")
                .map(ITEMS, r -> ITEMS.row(r.getLong("id") * 10, r.getString("name").toUpperCase())));
        assertThat(db.column("SELECT id || '=' || name FROM marts.items ORDER BY id")).containsExactly("10=OLD ONE",
                "20=OLD TWO");
    }

    @Test
    void replaceFallsBackToInPlaceWhenAViewDependsOnTheTable() {
        db.execute("CREATE VIEW marts.item_names AS SELECT name FROM marts.items");
        database.replace("marts.items").write(items(3, "new three"));
        assertThat(db.column("SELECT name FROM marts.item_names")).containsExactly("new three");
    }

    @Test
    void replaceRefusesATableOthersReferenceAndGoesInPlaceForOneThatReferences() {
        db.execute("CREATE TABLE marts.orders (id bigint PRIMARY KEY, item bigint REFERENCES marts.items ON DELETE CASCADE)",
                "INSERT INTO marts.orders VALUES (1, 1)",
                "CREATE TABLE marts.tags (item bigint REFERENCES marts.orders, name text NOT NULL)");
        assertThatThrownBy(() -> database.replace("marts.items").write(items(3, "three")))
                .hasMessageContaining("marts.items is referenced by foreign keys (orders_item_fkey on marts.orders)")
                .hasMessageContaining("merge into it instead");
        assertThat(db.count("marts.orders")).isEqualTo(1);
        assertThat(db.count("marts.items")).isEqualTo(2);

        database.replace("marts.tags").write(LiteralSource.of(Schema.of(Column.of("item", BIGINT), Column.of("name",
                TEXT))).row(1, "urgent"));
        assertThat(db.column("SELECT name FROM marts.tags")).containsExactly("urgent");
    }

    @Test
    void replaceInPlaceKeepsTheTableItself() {
        String oid = db.column("SELECT 'marts.items'::regclass::oid").get(0);
        WriteResult result = database.replace("marts.items").inPlace().write(items(3, "new three"));
        assertThat(result.mode()).isEqualTo("replace in place");
        assertThat(db.column("SELECT 'marts.items'::regclass::oid")).containsExactly(oid);
        assertThat(db.column("SELECT id || ' ' || name FROM marts.items")).containsExactly("3 new three");
    }

    @Test
    void replaceWithNoRowsEmptiesTheTable() {
        database.replace("marts.items").write(LiteralSource.of(ITEMS));
        assertThat(db.count("marts.items")).isZero();
    }

    @Test
    void aFailedReplaceLeavesTheOldRows() {
        assertThatThrownBy(() -> database.replace("marts.items").write(generated(50_000, 40_000)))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("named_check")
                .hasMessageContaining("nothing was written");
        assertThat(db.column("SELECT name FROM marts.items ORDER BY id")).containsExactly("old one", "old two");
        assertThat(db.column("SELECT relname FROM pg_class WHERE relname LIKE '%strata%'")).isEmpty();
    }

    @Test
    void aDuplicateKeyFailsTheReplaceWhenTheKeyIsBuiltAndLeavesTheOldRows() {
        assertThatThrownBy(() -> database.replace("marts.items").write(items(5, "a", 6, "b", 5, "c")))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("Key (id)=(5) is duplicated");
        assertThat(db.column("SELECT name FROM marts.items ORDER BY id")).containsExactly("old one", "old two");
    }

    @Test
    void appendAddsAllRowsOrNone() {
        database.append("marts.items").write(items(3, "three"));
        assertThat(db.count("marts.items")).isEqualTo(3);

        assertThatThrownBy(() -> database.append("marts.items").write(generated(30_000, 25_000).filter(r ->
                r.getLong("id") > 3 || r.getLong("id") < 0))).isInstanceOf(PipelineException.class);
        assertThat(db.count("marts.items")).isEqualTo(3);
    }

    @Test
    void mergeUpdatesExistingKeysAndInsertsNewOnes() {
        WriteResult result = database.merge("marts.items", "id").write(items(2, "two, updated", 5, "five"));
        assertThat(result.rows()).isEqualTo(2);
        assertThat(db.column("SELECT id || '=' || name FROM marts.items ORDER BY id"))
                .containsExactly("1=old one", "2=two, updated", "5=five");
    }

    @Test
    void mergeNeedsAUniqueIndexOnTheKeys() {
        assertThatThrownBy(() -> database.merge("marts.items", "name").write(items(2, "old one")))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("unique index or constraint on exactly those columns");
        assertThat(db.count("marts.items")).isEqualTo(2);
    }

    @Test
    void mergeRefusesALoadWithAKeyTwice() {
        assertThatThrownBy(() -> database.merge("marts.items", "id").write(items(7, "a", 7, "b")))
                .hasMessageContaining("two rows of this load have the same key");
        assertThat(db.count("marts.items")).isEqualTo(2);
    }

    @Test
    void columnsTheTableLacksAreNamed() {
        Schema extra = ITEMS.plus(Column.of("colour", TEXT));
        assertThatThrownBy(() -> database.append("marts.items").write(LiteralSource.of(extra).row(9, "x", "red")))
                .hasMessageContaining("marts.items has no column colour")
                .hasMessageContaining("its columns: id, name, loaded_at");
        assertThatThrownBy(() -> database.replace("marts.nothing").write(items(1, "x")))
                .hasMessageContaining("table marts.nothing does not exist");
    }

    private String indexes() {
        return String.join("\n", db.column("SELECT indexdef FROM pg_indexes WHERE schemaname = 'marts' ORDER BY 1"));
    }

    private String acl() {
        return db.column("SELECT relacl::text FROM pg_class WHERE oid = 'marts.items'::regclass").get(0) + " "
                + db.column("SELECT string_agg(attname || '=' || attacl::text, ',') FROM pg_attribute"
                        + " WHERE attrelid = 'marts.items'::regclass AND attacl IS NOT NULL").get(0);
    }
}
