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

import io.strata.pipeline.Column;
import io.strata.pipeline.Schema;
import io.strata.pipeline.TestDatabase;
import io.strata.pipeline.testing.LiteralSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Awkward values through the PostgreSQL sink (binary COPY) and back through the JDBC source. */
class PostgresRoundTripTest {

    static final Schema ALL = Schema.of(Column.of("id", INT), Column.of("b", BOOLEAN), Column.of("i2", INT),
            Column.of("i8", BIGINT), Column.of("n", DECIMAL), Column.of("free", DECIMAL), Column.of("f4", DOUBLE),
            Column.of("f8", DOUBLE), Column.of("s", TEXT), Column.of("v", TEXT), Column.of("j", TEXT),
            Column.of("mood", TEXT), Column.of("d", DATE), Column.of("tm", TIME), Column.of("ts", TIMESTAMP),
            Column.of("tz", TIMESTAMPTZ), Column.of("by", BYTES), Column.of("u", UUID));

    static TestDatabase db;

    @BeforeAll
    static void create() {
        db = TestDatabase.postgres();
        db.execute("CREATE SCHEMA t", "CREATE TYPE t.mood AS ENUM ('happy', 'sad')",
                "CREATE DOMAIN t.short_text AS varchar(50)",
                """
                CREATE TABLE t.all_types (
                    id integer PRIMARY KEY, b boolean, i2 smallint, i8 bigint, n numeric(30, 10), free numeric,
                    f4 real, f8 double precision, s text, v t.short_text, j jsonb, mood t.mood, d date,
                    tm time, ts timestamp, tz timestamptz, by bytea, u uuid)""");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static LiteralSource awkward() {
        String emoji = "emoji 🎉 family 👩‍👩‍👧 flag 🇫🇷";
        return LiteralSource.of(ALL)
                .row(1, true, -32768, Long.MIN_VALUE, "0", "0", 0.5, 0.0, "", "", "{}", "happy",
                        "2000-01-01", "00:00", "2000-01-01 00:00:00", "2000-01-01T00:00:00Z", new byte[0],
                        "00000000-0000-0000-0000-000000000000")
                .row(2, false, 32767, Long.MAX_VALUE, "-99999999999999999999.9999999999",
                        "123456789012345678901234567890.123456789012345678901234567890", -1.25,
                        Double.MAX_VALUE, "tab\there", "new\nline", "{\"a\": 1, \"b\": [true, null]}", "sad",
                        "1999-12-31", "23:59:59.999999", "1999-12-31 23:59:59.999999",
                        "1969-07-20T20:17:40-05:00", new byte[] {0, 1, '\\', '\t', '\n', (byte) 0xff},
                        "123e4567-e89b-12d3-a456-426614174000")
                .row(3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null)
                .row(4, true, 0, 0L, "0.0001", "1E-30", Double.NaN, Double.NaN, "back\\slash \\N \\. and \\\\",
                        "quotes ' \" `", "[]", null, "1970-01-01", "12:34:56", "2026-01-15 10:30:00.123456",
                        "2026-01-15T10:30:00.123456+02:00", new byte[] {'\\', 'N'}, null)
                .row(5, false, 1, -1L, "100000", "-1E+5", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        emoji, "ünïcödé ñ 中文 ʕ•ᴥ•ʔ", "{\"emoji\": \"🎉\"}", null, "9999-12-31", null,
                        "0001-01-01 00:00:00", null, null, null)
                .row(6, null, null, 42L, "1000000.00", "0.1", -0.0, 4.9E-324, "cr\r\nlf and a NUL-free control \u0001",
                        "  leading and trailing  ", null, null, LocalDate.MAX, null, LocalDateTime.MAX,
                        OffsetDateTime.MAX, null, null)
                .row(7, null, null, null, "9999.9999", "12345.678900", null, 0.1, "x".repeat(100_000), null, null,
                        null, LocalDate.MIN, null, LocalDateTime.MIN, OffsetDateTime.MIN, null, null);
    }

    @Test
    void awkwardValuesSurviveWritingAndReading() {
        LiteralSource rows = awkward();
        db.database().replace("t.all_types").write(rows);
        assertRows(db.database().table("t.all_types"), rows, "id");
    }

    @Test
    void theServerStoredWhatWasMeantNotJustWhatReadsBack() {
        db.database().replace("t.all_types").write(awkward());
        // Checked with SQL literals, independently of the library's own reading.
        assertThat(db.column("SELECT id FROM t.all_types WHERE s = E'tab\\there' AND v = E'new\\nline'"))
                .containsExactly("2");
        assertThat(db.column("SELECT id FROM t.all_types WHERE s = 'back\\slash \\N \\. and \\\\'")).containsExactly("4");
        assertThat(db.column("SELECT s FROM t.all_types WHERE id = 5")).containsExactly(
                "emoji 🎉 family 👩‍👩‍👧 flag 🇫🇷");
        assertThat(db.column("SELECT n::text || ' ' || free::text FROM t.all_types WHERE id IN (2, 4) ORDER BY id"))
                .containsExactly("-99999999999999999999.9999999999 123456789012345678901234567890.123456789012345678901234567890",
                        "0.0001000000 0.000000000000000000000000000001");
        assertThat(db.column("SELECT ts::text || ' ' || (tz AT TIME ZONE 'UTC')::text || ' ' || d::text"
                + " FROM t.all_types WHERE id = 4")).containsExactly(
                "2026-01-15 10:30:00.123456 2026-01-15 08:30:00.123456 1970-01-01");
        assertThat(db.column("SELECT ts::text || ' ' || d::text FROM t.all_types WHERE id = 6"))
                .containsExactly("infinity infinity");
        assertThat(db.column("SELECT f4::text || ' ' || f8::text FROM t.all_types WHERE id = 5"))
                .containsExactly("Infinity -Infinity");
        assertThat(db.column("SELECT encode(by, 'hex') FROM t.all_types WHERE id = 2")).containsExactly("00015c090aff");
        assertThat(db.column("SELECT j->>'emoji' FROM t.all_types WHERE id = 5")).containsExactly("🎉");
        assertThat(db.column("SELECT count(*) FROM t.all_types WHERE s IS NULL AND b IS NULL AND id = 3"))
                .containsExactly("1");
    }

    @Test
    void decimalsOfEveryShapeKeepTheirValue() {
        db.execute("CREATE TABLE t.decimals (id integer PRIMARY KEY, free numeric)");
        Random random = new Random(20261126);
        LiteralSource rows = LiteralSource.of(Schema.of(Column.of("id", INT), Column.of("free", DECIMAL)));
        for (int i = 0; i < 2_000; i++) {
            int digits = 1 + random.nextInt(60);
            StringBuilder unscaled = new StringBuilder(random.nextBoolean() ? "-" : "");
            for (int d = 0; d < digits; d++) {
                unscaled.append((char) ('0' + random.nextInt(10)));
            }
            rows = rows.row(i, new BigDecimal(new java.math.BigInteger(unscaled.toString()), random.nextInt(70) - 20));
        }
        db.database().replace("t.decimals").write(rows);
        assertRows(db.database().table("t.decimals"), rows, "id");
    }
}
