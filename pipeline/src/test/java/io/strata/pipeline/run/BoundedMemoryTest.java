package io.strata.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.pipeline.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A million rows through a pipeline whose heap is capped at 256 MB. Held in memory at once, these
 * rows would take well over 256 MB (each is about 350 bytes as Java objects), so the run only
 * completes if the source streams and the sink does not collect.
 */
class BoundedMemoryTest {

    static final int ROWS = 1_000_000;

    @Test
    void aMillionRowsThroughA256MegabyteHeap() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            db.execute("CREATE SCHEMA raw", "CREATE SCHEMA marts",
                    "CREATE TABLE raw.items (id bigint PRIMARY KEY, name text NOT NULL, revenue numeric(12, 2),"
                            + " created_at timestamp)",
                    "CREATE TABLE marts.items (LIKE raw.items INCLUDING ALL)",
                    "INSERT INTO raw.items SELECT n, repeat('x', 100) || n, n % 1000000 / 100.0,"
                            + " timestamp '2026-01-01' + n * interval '1 second' FROM generate_series(1, " + ROWS + ") n");
            try (ChildJvm run = ChildJvm.start(db, List.of("-Xmx256m", "-XX:+UseSerialGC"), "copy", "raw.items",
                    "marts.items")) {
                assertThat(run.waitFor(10)).as(run.output()).isEqualTo(Pipeline.SUCCEEDED);
                assertThat(run.output()).contains("rows/s read");
            }
            assertThat(db.count("marts.items")).isEqualTo(ROWS);
            assertThat(db.column("SELECT name FROM marts.items WHERE id = 123456"))
                    .containsExactly("X".repeat(100) + "123456");
            RunRecord record = RunStore.on(db.database()).latest("load-test", 1).get(0);
            assertThat(record.rowsRead()).isEqualTo(ROWS);
            assertThat(record.rowsWritten()).isEqualTo(ROWS);
        }
    }
}
