package io.strata.pipeline.jdbc;

import static io.strata.pipeline.testing.RowAssertions.assertRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.TestDatabase;
import io.strata.pipeline.WriteResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A write in parts, as Spark's partitions make it, without Spark: parts from other connections, then one commit. */
class StagedLoadTest {

    TestDatabase db;
    Database database;

    @BeforeEach
    void create() {
        db = TestDatabase.postgres();
        database = db.database();
        db.execute("CREATE SCHEMA marts",
                "CREATE TABLE marts.items (id bigint CONSTRAINT items_id PRIMARY KEY, name text NOT NULL,"
                        + " loaded_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT named_check CHECK (id > 0))",
                "INSERT INTO marts.items (id, name) VALUES (1, 'old one'), (2, 'old two')");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void replaceInPartsSwapsInAllPartsAtOnce() throws Exception {
        try (StagedLoad load = database.replace("marts.items").staged(PostgresSinkTest.ITEMS)) {
            StagedLoad.Part part = roundTrip(load.part());
            long n = part.write(PostgresSinkTest.items(3, "three", 4, "four").open())
                    + part.write(PostgresSinkTest.items(5, "five").open());
            assertThat(db.column("SELECT id FROM marts.items ORDER BY id")).as("before the commit").containsExactly("1",
                    "2");
            WriteResult result = load.commit(n);
            assertThat(result.rows()).isEqualTo(3);
        }
        assertRows(database.table("marts.items", "id", "name"), PostgresSinkTest.items(3, "three", 4, "four", 5, "five"));
        assertThat(db.column("SELECT conname FROM pg_constraint WHERE conrelid = 'marts.items'::regclass ORDER BY 1"))
                .containsExactly("items_id", "named_check");
        assertThat(db.column("SELECT relname FROM pg_class WHERE relname LIKE '%strata%'")).isEmpty();
    }

    @Test
    void appendAndMergeInParts() {
        try (StagedLoad load = database.append("marts.items").staged(PostgresSinkTest.ITEMS)) {
            load.commit(load.part().write(PostgresSinkTest.items(3, "three").open()));
        }
        try (StagedLoad load = database.merge("marts.items", "id").staged(PostgresSinkTest.ITEMS)) {
            load.commit(load.part().write(PostgresSinkTest.items(1, "ONE", 9, "nine").open()));
        }
        assertRows(database.table("marts.items", "id", "name"),
                PostgresSinkTest.items(1, "ONE", 2, "old two", 3, "three", 9, "nine"));
    }

    /** In place (views depend on the table): the target's identity and defaults fill what the parts did not write. */
    @Test
    void appendAndReplaceInPlaceLeaveUnwrittenColumnsToTheTarget() {
        db.execute("CREATE TABLE marts.events (seq bigint GENERATED ALWAYS AS IDENTITY, id bigint, name text,"
                + " at timestamptz NOT NULL DEFAULT now())", "CREATE VIEW marts.event_names AS SELECT name FROM marts.events");
        try (StagedLoad load = database.append("marts.events").staged(PostgresSinkTest.ITEMS)) {
            load.commit(load.part().write(PostgresSinkTest.items(1, "one").open()));
        }
        try (StagedLoad load = database.replace("marts.events").staged(PostgresSinkTest.ITEMS)) {
            load.commit(load.part().write(PostgresSinkTest.items(2, "two", 3, "three").open()));
        }
        assertThat(db.column("SELECT seq || ' ' || id || ' ' || (at IS NOT NULL) FROM marts.events ORDER BY seq"))
                .containsExactly("2 2 true", "3 3 true");
    }

    @Test
    void aFailedPartOrNoCommitLeavesTheTargetAndNoStagingTable() {
        try (StagedLoad load = database.replace("marts.items").staged(PostgresSinkTest.ITEMS)) {
            load.part().write(PostgresSinkTest.items(3, "three").open());
            assertThatThrownBy(() -> load.part().write(PostgresSinkTest.generated(5, 4).open()))
                    .isInstanceOf(PipelineException.class).hasMessageContaining("named_check");
        }
        assertRows(database.table("marts.items", "id", "name"), PostgresSinkTest.items(1, "old one", 2, "old two"));
        assertThat(db.column("SELECT relname FROM pg_class WHERE relname LIKE '%strata%'")).isEmpty();
    }

    /** What Spark does to the part before a task writes through it. */
    static StagedLoad.Part roundTrip(StagedLoad.Part part) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(part);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StagedLoad.Part) in.readObject();
        }
    }
}
