package io.strata.pipeline;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A transform as every engine runs it: a {@link RowFunction} and the schema of the rows it
 * produces. The plain engine applies it to a {@link Source} ({@link Source#through}); Spark applies
 * the same value to each partition's rows inside {@code mapPartitions}/{@code foreachPartition}
 * ({@code strata-pipeline-spark}). Both call {@link #apply(Iterator)}, so there is one code path
 * for what a transform does with a row, whichever engine drives it.
 *
 * <p>Why a row function and not a partition or dataset function: it streams (memory does not
 * grow with the table), it is tested with literal rows, and it carries no assumption about how
 * rows are grouped, so a partition boundary can never change its result. Transforms that need
 * several rows at once (joins, aggregates) are not expressible here; they belong in SQL or in
 * engine-specific code.
 *
 * @param output the schema of every row the function produces, known before any row is (a sink
 *     needs the columns even for an empty table)
 * @param function what happens to each row
 */
public record Transform(Schema output, RowFunction function) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Transform {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(function, "function");
    }

    /** A transform producing rows of {@code output}. */
    public static Transform to(Schema output, RowFunction function) {
        return new Transform(output, function);
    }

    /** This transform, then {@code next} on each row it produces. */
    public Transform andThen(Transform next) {
        RowFunction first = function;
        RowFunction second = next.function();
        return new Transform(next.output(), (row, out) -> first.apply(row, produced -> second.apply(produced, out)));
    }

    /**
     * The rows {@code rows} become, lazily: a row is read from {@code rows} only when the rows it
     * produced have been taken. A produced row of another schema than {@link #output} is an error
     * naming both.
     */
    public Iterator<Row> apply(Iterator<Row> rows) {
        return new Iterator<>() {
            private final ArrayDeque<Row> produced = new ArrayDeque<>(2);
            // The schema instance last found equal to output: on Spark, output is a deserialized
            // copy and the function's rows carry the worker's own constant, so compare it once.
            private Schema accepted = output;

            @Override
            public boolean hasNext() {
                while (produced.isEmpty() && rows.hasNext()) {
                    function.apply(rows.next(), this::accept);
                }
                return !produced.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return produced.removeFirst();
            }

            private void accept(Row row) {
                if (row.schema() != accepted) {
                    if (!row.schema().equals(output)) {
                        throw new PipelineException("a transform declared to produce " + output + " produced a row of "
                                + row.schema());
                    }
                    accepted = row.schema();
                }
                produced.addLast(row);
            }
        };
    }

    /** {@code source} transformed, lazily, reading what {@code source} reads: the plain engine. */
    public Source applyTo(Source source) {
        return new Source.Transformed(source, rows -> Rows.of(output, apply(rows), rows::close));
    }
}
