package io.strata.pipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.TestDatabase;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading by key ranges on several connections gives exactly the rows of a single read. */
class PartitionedReadTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void partitionsTogetherAreTheWholeTableIncludingNullKeys(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            db.execute("CREATE TABLE items (id BIGINT, name VARCHAR(20))",
                    "INSERT INTO items VALUES (-5, 'a'), (0, 'b'), (1, 'c'), (2, 'd'), (1000000, 'e'), (NULL, 'f'),"
                            + " (NULL, 'g'), (7, 'h')");
            String table = (kind == TestDatabase.Kind.POSTGRES ? "public" : db.schema()) + ".items";
            JdbcSource source = db.database().table(table);
            List<String> whole = names(source);
            assertThat(whole).hasSize(8);
            for (int partitions : new int[] {1, 2, 3, 8, 20}) {
                assertThat(names(source.partitionedBy("id", partitions))).as("%d partitions", partitions)
                        .isEqualTo(whole);
            }
        }
    }

    @Test
    void aFailingPartitionFailsTheWholeRead() {
        try (TestDatabase db = TestDatabase.postgres()) {
            db.execute("CREATE TABLE items (id bigint, amount int)",
                    "INSERT INTO items SELECT n, n FROM generate_series(1, 20000) n");
            JdbcSource source = db.database().query("SELECT id, 10 / (amount - 15000) AS x FROM items", "public.items")
                    .partitionedBy("id", 4).fetchSize(100);
            assertThatThrownBy(() -> names(source)).isInstanceOf(PipelineException.class)
                    .hasMessageContaining("division by zero");
        }
    }

    @Test
    void rangesCoverTheKeysWithoutGapsOrOverlaps() {
        assertThat(JdbcSource.ranges(1, 10, 3)).extracting(r -> r[0] + ".." + r[1]).containsExactly("1..3", "4..6",
                "7..10");
        assertThat(JdbcSource.ranges(5, 5, 4)).extracting(r -> r[0] + ".." + r[1]).containsExactly("5..5");
        assertThat(JdbcSource.ranges(1, 3, 8)).extracting(r -> r[0] + ".." + r[1]).containsExactly("1..1", "2..2",
                "3..3");
        List<long[]> extreme = JdbcSource.ranges(Long.MIN_VALUE, Long.MAX_VALUE, 3);
        assertThat(extreme.get(0)[0]).isEqualTo(Long.MIN_VALUE);
        assertThat(extreme.get(extreme.size() - 1)[1]).isEqualTo(Long.MAX_VALUE);
        for (int i = 1; i < extreme.size(); i++) {
            assertThat(extreme.get(i)[0]).isEqualTo(extreme.get(i - 1)[1] + 1);
        }
    }

    private static List<String> names(io.strata.pipeline.Source source) {
        try (Rows rows = source.open()) {
            return rows.stream().map(Row::toString).sorted().collect(Collectors.toList());
        }
    }
}
