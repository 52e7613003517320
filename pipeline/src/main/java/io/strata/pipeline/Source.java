package io.strata.pipeline;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where rows come from: a table, a query, literal rows in a test, or another source transformed.
 * The article's {@code CustomerSource} protocol: a transform takes a Source, so a test hands it
 * literal rows and production hands it a table.
 *
 * <p>{@link #open()} may be called more than once; each call reads from the start. Transforms
 * compose lazily ({@link #filter}, {@link #map}): nothing is read until a sink opens the result, and
 * then one row at a time. A {@link Transform} is the shape other engines run too, partition by
 * partition ({@link #through}), so the same transform runs on Spark.
 */
public interface Source {

    /** Starts reading. The caller closes the returned rows. */
    Rows open();

    /** The tables this source reads, as {@code schema.table}, for the run record and lineage. */
    default Set<String> reads() {
        return Set.of();
    }

    /** The rows for which {@code keep} is true, same schema. */
    default Source filter(Predicate<Row> keep) {
        Source upstream = this;
        return new Transformed(upstream, rows -> Rows.of(rows.schema(), new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Row candidate = rows.next();
                    if (keep.test(candidate)) {
                        next = candidate;
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        }, rows::close));
    }

    /**
     * Each row turned into a row of {@code schema} by {@code function}. The output schema is declared
     * up front so a sink knows the columns before (and without) any row; a row of another schema is
     * an error naming both.
     */
    default Source map(Schema schema, Function<Row, Row> function) {
        Source upstream = this;
        return new Transformed(upstream, rows -> Rows.of(schema, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row out = function.apply(rows.next());
                if (out.schema() != schema && !out.schema().equals(schema)) {
                    throw new PipelineException("a map declared to produce " + schema + " produced a row of "
                            + out.schema());
                }
                return out;
            }
        }, rows::close));
    }

    /**
     * These rows through {@code transform}: the form of a transform that Spark runs too (see
     * {@link Transform}); {@link #filter} and {@link #map} are shorthands for the plain engine.
     */
    default Source through(Transform transform) {
        return transform.applyTo(this);
    }

    /** Literal rows, all of one schema: for tests and small reference data. */
    static Source of(Schema schema, List<Row> rows) {
        List<Row> copy = List.copyOf(rows);
        for (Row r : copy) {
            if (!r.schema().equals(schema)) {
                throw new PipelineException("row " + r + " is not of " + schema);
            }
        }
        return () -> Rows.of(schema, copy.iterator(), () -> { });
    }

    /** A source derived from another: opening it opens the upstream; it reads what the upstream reads. */
    record Transformed(Source upstream, Function<Rows, Rows> step) implements Source {
        @Override
        public Rows open() {
            Rows rows = upstream.open();
            try {
                return step.apply(rows);
            } catch (RuntimeException e) {
                rows.close();
                throw e;
            }
        }

        @Override
        public Set<String> reads() {
            return upstream.reads();
        }
    }
}
