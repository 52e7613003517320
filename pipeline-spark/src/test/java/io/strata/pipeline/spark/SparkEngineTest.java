package io.strata.pipeline.spark;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.pipeline.Column;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Transform;
import io.strata.pipeline.WriteResult;
import io.strata.pipeline.jdbc.Database;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Spark engine against the plain one on PostgreSQL: the same transform value over the same
 * table writes the same rows; merge and append too; a failing task leaves the target as it was.
 * One local[2] Spark for the class, a few hundred rows.
 */
class SparkEngineTest {

    static final Schema OUT_ITEMS = Schema.of(Column.of("id", BIGINT), Column.of("name", TEXT));
    static final Schema OUT = Schema.of(Column.of("id", BIGINT), Column.of("label", TEXT),
            Column.of("amount", DECIMAL), Column.of("at", TIMESTAMP));

    /** Drops ids divisible by 7, labels the rest; fails on id 666 when asked to. */
    static Transform labels(boolean failOn666) {
        return Transform.to(OUT, (row, out) -> {
            Long id = row.getLong("id");
            if (failOn666 && id != null && id == 666) {
                throw new IllegalStateException("row 666 is cursed");
            }
            if (id == null || id % 7 != 0) {
                BigDecimal amount = row.getDecimal("amount");
                out.accept(OUT.row(id, row.getString("name") + (amount != null && amount.signum() > 0 ? "+" : "-"),
                        amount, row.getTimestamp("at")));
            }
        });
    }

    static SparkEngine spark;
    PostgresDatabase db;
    Database database;

    @BeforeAll
    static void start() {
        System.setProperty("spark.master", "local[2]");
        spark = SparkEngine.start("spark-engine-test");
    }

    @AfterAll
    static void stop() {
        spark.close();
        System.clearProperty("spark.master");
    }

    @BeforeEach
    void create() {
        db = new PostgresDatabase();
        database = db.database();
        db.execute("CREATE SCHEMA raw", "CREATE SCHEMA marts",
                "CREATE TABLE raw.items (id bigint, name text, amount numeric(12,2), at timestamp)",
                "INSERT INTO raw.items SELECT i, 'item ' || i, (i - 250) * 1.5, timestamp '2026-01-01' + i * interval '1 hour'"
                        + " FROM generate_series(1, 1000) i",
                "INSERT INTO raw.items VALUES (NULL, 'no id', 3, NULL), (NULL, NULL, NULL, NULL)",
                "CREATE TABLE marts.plain (id bigint UNIQUE, label text, amount numeric(12,2), at timestamp)",
                "CREATE TABLE marts.spark (LIKE marts.plain INCLUDING ALL)",
                "INSERT INTO marts.spark VALUES (-1, 'old', 0, NULL)");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void theSameTransformWritesTheSameRowsOnBothEngines() {
        WriteResult plain = database.replace("marts.plain").write(database.table("raw.items").through(labels(false)));
        SparkSource source = spark.table(database, "raw.items", "id", 3).through(labels(false));
        assertThat(source.partitions()).isEqualTo(4);
        WriteResult onSpark = spark.write(source, database.replace("marts.spark"));

        assertThat(onSpark.rows()).isEqualTo(plain.rows()).isEqualTo(1002 - 142);
        assertThat(db.column("SELECT count(*) FROM (SELECT * FROM marts.plain EXCEPT ALL SELECT * FROM marts.spark"
                + " UNION ALL (SELECT * FROM marts.spark EXCEPT ALL SELECT * FROM marts.plain)) d")).containsExactly("0");
        assertThat(db.column("SELECT count(*) FROM pg_indexes WHERE tablename = 'spark'")).containsExactly("1");
        assertThat(db.column("SELECT relname FROM pg_class WHERE relname LIKE '%strata%'")).isEmpty();

        // The same transform, collected: what the plain engine yields, row for row.
        assertThat(spark.collect(spark.table(database, "raw.items", "id", 2).through(labels(false))))
                .containsExactlyInAnyOrderElementsOf(Rows.toList(database.table("raw.items").through(labels(false))));
    }

    @Test
    void appendAndMergeCommitOnTheDriver() {
        spark.write(spark.of(OUT, java.util.List.of(OUT.row(1L, "one", null, null), OUT.row(2L, "two", null, null)), 2),
                database.append("marts.spark"));
        spark.write(spark.of(OUT, java.util.List.of(OUT.row(2L, "TWO", null, null), OUT.row(3L, "three", null, null)), 2),
                database.merge("marts.spark", "id"));
        assertThat(db.column("SELECT id || ' ' || label FROM marts.spark ORDER BY id")).containsExactly("-1 old",
                "1 one", "2 TWO", "3 three");
    }

    @Test
    void aFailingTaskLeavesTheTargetUntouchedAndNoStagingTable() {
        SparkSource source = spark.table(database, "raw.items", "id", 4).through(labels(true));
        assertThatThrownBy(() -> spark.write(source, database.replace("marts.spark")))
                .hasMessage("writing marts.spark (replace marts.spark) on spark: row 666 is cursed — nothing was written");
        assertThat(db.column("SELECT id || ' ' || label FROM marts.spark")).containsExactly("-1 old");
        assertThat(db.column("SELECT relname FROM pg_class WHERE relname LIKE '%strata%'")).isEmpty();
    }
}
