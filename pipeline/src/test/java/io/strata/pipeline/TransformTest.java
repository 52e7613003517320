package io.strata.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformTest {

    static final Schema IN = Schema.of(Column.of("n", ColumnType.BIGINT));
    static final Schema OUT = Schema.of(Column.of("n", ColumnType.BIGINT), Column.of("copy", ColumnType.INT));

    /** Odd n dropped, even n twice: a filter and a flat map in one function. */
    static final Transform EVEN_TWICE = Transform.to(OUT, (row, out) -> {
        long n = row.getLong("n");
        if (n % 2 == 0) {
            out.accept(OUT.row(n, 1));
            out.accept(OUT.row(n, 2));
        }
    });

    static Source numbers(long... ns) {
        return Source.of(IN, java.util.Arrays.stream(ns).mapToObj(IN::row).toList());
    }

    @Test
    void zeroOneOrMoreRowsPerRowInOrder() {
        List<Row> rows = Rows.toList(numbers(1, 2, 3, 4).through(EVEN_TWICE));
        assertThat(rows).extracting(r -> r.getLong("n") + "/" + r.getInt("copy")).containsExactly("2/1", "2/2", "4/1",
                "4/2");
    }

    @Test
    void andThenRunsTheSecondOnEveryRowOfTheFirst() {
        Transform plusTen = Transform.to(OUT, (row, out) -> out.accept(OUT.row(row.getLong("n") + 10, row.getInt("copy"))));
        List<Row> rows = Rows.toList(numbers(2).through(EVEN_TWICE.andThen(plusTen)));
        assertThat(rows).extracting(r -> r.getLong("n")).containsExactly(12L, 12L);
    }

    @Test
    void aRowOfAnotherSchemaIsAnErrorNamingBoth() {
        Transform wrong = Transform.to(OUT, (row, out) -> out.accept(row));
        assertThatThrownBy(() -> Rows.toList(numbers(1).through(wrong))).isInstanceOf(PipelineException.class)
                .hasMessageContaining("declared to produce").hasMessageContaining("copy");
    }

    /** What Spark does with a transform before it runs it in a task. */
    @Test
    void survivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(EVEN_TWICE);
        }
        Transform copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Transform) in.readObject();
        }
        assertThat(copy.output()).isEqualTo(OUT);
        assertThat(Rows.toList(numbers(2, 3).through(copy))).hasSize(2);
    }
}
