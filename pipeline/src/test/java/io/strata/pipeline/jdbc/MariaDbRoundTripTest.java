package io.strata.pipeline.jdbc;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.BOOLEAN;
import static io.strata.pipeline.ColumnType.BYTES;
import static io.strata.pipeline.ColumnType.DATE;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.DOUBLE;
import static io.strata.pipeline.ColumnType.INT;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.ColumnType.TIME;
import static io.strata.pipeline.ColumnType.TIMESTAMP;
import static io.strata.pipeline.ColumnType.TIMESTAMPTZ;
import static io.strata.pipeline.ColumnType.UUID;
import static io.strata.pipeline.testing.RowAssertions.assertRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.pipeline.Column;
import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Schema;
import io.strata.pipeline.TestDatabase;
import io.strata.pipeline.testing.LiteralSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Awkward values through the MariaDB sink (multi-row inserts) and back through the JDBC source. */
class MariaDbRoundTripTest {

    static final Schema WRITTEN = Schema.of(Column.of("id", INT), Column.of("b", BOOLEAN), Column.of("i2", INT),
            Column.of("i8", BIGINT), Column.of("n", DECIMAL), Column.of("f8", DOUBLE), Column.of("s", TEXT),
            Column.of("v", TEXT), Column.of("d", DATE), Column.of("tm", TIME), Column.of("ts", TIMESTAMP),
            Column.of("by", BYTES), Column.of("u", UUID));
    /** What MariaDB gives back: a UUID is stored as CHAR(36), so it reads as text. */
    static final Schema READ = Schema.of(Column.of("id", INT), Column.of("b", BOOLEAN), Column.of("i2", INT),
            Column.of("i8", BIGINT), Column.of("n", DECIMAL), Column.of("f8", DOUBLE), Column.of("s", TEXT),
            Column.of("v", TEXT), Column.of("d", DATE), Column.of("tm", TIME), Column.of("ts", TIMESTAMP),
            Column.of("by", BYTES), Column.of("u", TEXT));

    static TestDatabase db;
    static String table;

    @BeforeAll
    static void create() {
        db = TestDatabase.mariadb();
        table = db.schema() + ".all_types";
        db.execute("""
                CREATE TABLE all_types (
                    id INT PRIMARY KEY, b BOOLEAN, i2 SMALLINT, i8 BIGINT, n DECIMAL(30, 10), f8 DOUBLE,
                    s LONGTEXT, v VARCHAR(200), d DATE, tm TIME(6), ts DATETIME(6), `by` BLOB, u CHAR(36)
                ) CHARACTER SET utf8mb4""");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /** Rows in {@code schema}; the last column is the UUID (as UUID or as text, same literal). */
    static LiteralSource rows(Schema schema) {
        return LiteralSource.of(schema)
                .row(1, true, -32768, Long.MIN_VALUE, "0", 0.0, "", "", "1000-01-01", "00:00", "1970-01-01 00:00:01",
                        new byte[0], "00000000-0000-0000-0000-000000000000")
                .row(2, false, 32767, Long.MAX_VALUE, "-99999999999999999999.9999999999", Double.MAX_VALUE,
                        "tab\there", "new\nline", "9999-12-31", "23:59:59.999999", "2026-01-15 10:30:00.123456",
                        new byte[] {0, 1, '\\', '\t', '\n', '\'', (byte) 0xff}, "123e4567-e89b-12d3-a456-426614174000")
                .row(3, null, null, null, null, null, null, null, null, null, null, null, null)
                .row(4, true, 0, 0L, "0.0001", -1.25, "back\\slash \\N \\0 and \\\\ and %_", "quotes ' \" ` '' \\'",
                        "2000-02-29", "12:34:56", "1999-12-31 23:59:59.999999", new byte[] {'\\', 'N'}, null)
                .row(5, false, 1, -1L, "100000", 4.9E-324, "emoji 🎉 family 👩‍👩‍👧 flag 🇫🇷", "ünïcödé ñ 中文 ʕ•ᴥ•ʔ",
                        null, null, "9999-12-31 23:59:59.999999", null, null)
                .row(6, null, null, 42L, "1000000.00", 0.1, "cr\r\nlf and a control \u0001 and NUL \u0000 inside",
                        "  leading and trailing  ", null, null, null, null, null)
                .row(7, null, null, null, "9999.9999", null, "x".repeat(100_000), null, null, null, null, null, null);
    }

    @Test
    void awkwardValuesSurviveWritingAndReading() {
        db.database().replace(table).write(rows(WRITTEN));
        assertRows(db.database().table(table), rows(READ), "id");
    }

    @Test
    void theServerStoredWhatWasMeantNotJustWhatReadsBack() {
        db.database().replace(table).write(rows(WRITTEN));
        assertThat(db.column("SELECT id FROM all_types WHERE s = 'tab\\there' AND v = 'new\\nline'")).containsExactly("2");
        assertThat(db.column("SELECT HEX(s) FROM all_types WHERE id = 5")).containsExactly(
                java.util.HexFormat.of().withUpperCase().formatHex("emoji 🎉 family 👩‍👩‍👧 flag 🇫🇷".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(db.column("SELECT CAST(ts AS CHAR) FROM all_types WHERE id = 2"))
                .containsExactly("2026-01-15 10:30:00.123456");
        assertThat(db.column("SELECT HEX(`by`) FROM all_types WHERE id = 2")).containsExactly("00015C090A27FF");
        // NUL survives on MariaDB (PostgreSQL text cannot hold it at all).
        assertThat(db.column("SELECT LENGTH(s) FROM all_types WHERE id = 6")).containsExactly(
                String.valueOf("cr\r\nlf and a control \u0001 and NUL \u0000 inside".length()));
    }

    @Test
    void aPointInTimeIsRefusedBecauseMariaDbHasNoTypeForIt() {
        db.execute("CREATE TABLE IF NOT EXISTS times (id INT PRIMARY KEY, ts DATETIME(6))");
        LiteralSource rows = LiteralSource.of(Schema.of(Column.of("id", INT), Column.of("ts", TIMESTAMPTZ)))
                .row(1, "2026-01-15T10:30:00Z");
        assertThatThrownBy(() -> db.database().append(db.schema() + ".times").write(rows))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("no time-zone-aware type");
        assertThat(db.count("times")).isZero();
    }
}
