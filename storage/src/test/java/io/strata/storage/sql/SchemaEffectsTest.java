package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.sql.SchemaEffect.AddsColumn;
import io.strata.storage.sql.SchemaEffect.AltersColumnType;
import io.strata.storage.sql.SchemaEffect.CreatesIndex;
import io.strata.storage.sql.SchemaEffect.CreatesTable;
import io.strata.storage.sql.SchemaEffect.Destroys;
import io.strata.storage.sql.SchemaEffect.Destruction;
import io.strata.storage.sql.SchemaEffect.SetsNotNull;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaEffectsTest {

    private static List<SchemaEffect> pg(String sql) {
        return StatementClassifier.effects(sql, Dialect.POSTGRESQL);
    }

    private static List<SchemaEffect> mysql(String sql) {
        return StatementClassifier.effects(sql, Dialect.MYSQL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DROP TABLE raw.customers, b                  | TABLE          | raw.customers;b",
            "DROP SCHEMA staging CASCADE                  | SCHEMA         | staging",
            "DROP DATABASE shop                           | SCHEMA         | shop",
            "DROP OWNED BY app_user                       | OWNED_OBJECTS  | app_user",
            "DROP VIEW v                                  | OTHER_OBJECT   | v",
            "DROP FOREIGN TABLE ft                        | OTHER_OBJECT   | ft",
            "DROP MATERIALIZED VIEW mv                    | OTHER_OBJECT   | mv",
            "TRUNCATE a, b                                | TRUNCATE       | a;b",
            "DELETE FROM raw.t                            | DELETE_ALL_ROWS | raw.t",
            "UPDATE t SET a = 1                           | UPDATE_ALL_ROWS | t",
            "ALTER TABLE raw.t DROP COLUMN email          | COLUMN         | raw.t",
            "ALTER TYPE address DROP ATTRIBUTE zip        | COLUMN         | address",
            "ALTER TABLE t DROP CONSTRAINT t_fk           | OTHER_OBJECT   | t",
    })
    void destructionsSayWhatTheyDestroyAndWhere(String sql, Destruction what, String objects) {
        assertThat(pg(sql)).singleElement().isInstanceOfSatisfying(Destroys.class, d -> {
            assertThat(d.what()).isEqualTo(what);
            assertThat(d.objects()).containsExactly(objects.split(";"));
            assertThat(d.reason()).isEqualTo(StatementClassifier.classify(sql, Dialect.POSTGRESQL)
                    .destructiveReasons().get(0));
        });
    }

    @Test
    void mySqlPartitionsAreTableData() {
        assertThat(mysql("ALTER TABLE orders DROP PARTITION p2019")).containsExactly(
                new Destroys(Destruction.PARTITION, List.of("orders"), "drops partition p2019 of orders"));
    }

    @Test
    void createdTables() {
        assertThat(pg("CREATE TABLE IF NOT EXISTS raw.\"Customers\" (id int)"))
                .containsExactly(new CreatesTable("raw.\"Customers\"", true));
        assertThat(pg("create unlogged table t as select 1")).containsExactly(new CreatesTable("t", false));
        assertThat(pg("CREATE TEMP TABLE tmp (id int)")).containsExactly(new CreatesTable("tmp", false));
        assertThat(pg("CREATE MATERIALIZED VIEW marts.mv AS SELECT 1")).containsExactly(new CreatesTable("marts.mv", false));
        assertThat(pg("CREATE VIEW v AS SELECT 1")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX idx ON raw.t (a)                                   | idx | raw.t | false",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY t (a) | idx | t     | true",
            "CREATE INDEX ON t USING gin (doc)                               | ''  | t     | false",
            "create index concurrently on \"Raw\".t (a)                       | ''  | \"Raw\".t | true",
    })
    void createdIndexes(String sql, String index, String table, boolean concurrently) {
        assertThat(pg(sql)).containsExactly(new CreatesIndex(index, table, concurrently));
    }

    @Test
    void mySqlIndexes() {
        assertThat(mysql("CREATE FULLTEXT INDEX ft ON `shop`.`orders` (note)"))
                .containsExactly(new CreatesIndex("ft", "`shop`.`orders`", false));
    }

    @Test
    void everyActionOfAnAlterTable() {
        assertThat(pg("ALTER TABLE ONLY raw.t ADD COLUMN a int NOT NULL, ALTER COLUMN b TYPE bigint,"
                + " ALTER c SET DATA TYPE text USING c::text, ALTER COLUMN d SET NOT NULL, DROP COLUMN e,"
                + " ALTER COLUMN f DROP NOT NULL, ADD g numeric(14, 2) DEFAULT 0 NOT NULL"))
                .containsExactly(
                        new Destroys(Destruction.COLUMN, List.of("raw.t"), "drops column e of raw.t"),
                        new AddsColumn("raw.t", "a", true, false),
                        new AltersColumnType("raw.t", "b"),
                        new AltersColumnType("raw.t", "c"),
                        new SetsNotNull("raw.t", "d"),
                        new AddsColumn("raw.t", "g", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE t ADD COLUMN a int                                    | a  | false | false",
            "ALTER TABLE t ADD a int NOT NULL                                  | a  | true  | false",
            "ALTER TABLE t ADD COLUMN IF NOT EXISTS a int NOT NULL DEFAULT 0    | a  | true  | true",
            "ALTER TABLE t ADD COLUMN a int CHECK (a IS NOT NULL)              | a  | false | false",
            "ALTER TABLE t ADD COLUMN id bigint PRIMARY KEY                    | id | true  | false",
            "ALTER TABLE t ADD COLUMN id bigint NOT NULL GENERATED ALWAYS AS IDENTITY | id | true | true",
            "ALTER TABLE t ADD COLUMN a text DEFAULT 'NOT NULL'                | a  | false | true",
    })
    void addedColumns(String sql, String column, boolean notNull, boolean hasDefault) {
        assertThat(pg(sql)).containsExactly(new AddsColumn("t", column, notNull, hasDefault));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)",
            "ALTER TABLE t ADD PRIMARY KEY (id)",
            "ALTER TABLE t ADD UNIQUE (a)",
            "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (id)",
            "ALTER TABLE t ALTER CONSTRAINT c DEFERRABLE",
            "ALTER TABLE t ALTER COLUMN a SET DEFAULT 0",
            "ALTER TABLE t ALTER COLUMN a DROP NOT NULL",
            "ALTER TABLE t RENAME COLUMN a TO b",
            "ALTER INDEX i SET TABLESPACE x",
            "SELECT 'ALTER TABLE t ALTER a TYPE int'",
            "CREATE FUNCTION f() RETURNS void LANGUAGE sql BEGIN ATOMIC CREATE INDEX i ON t (a); END",
    })
    void noEffect(String sql) {
        assertThat(pg(sql)).isEmpty();
    }
}
