package io.strata.pipeline;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open stream of rows: iterate, then close. Rows arrive one at a time, so a pipeline's memory
 * does not grow with the table; whoever opens a {@code Rows} closes it (try-with-resources).
 */
public interface Rows extends Iterator<Row>, AutoCloseable {

    /** The schema of every row this yields, known before the first row (also when there is none). */
    Schema schema();

    /** Releases the connection, cursor or thread behind the rows; safe to call twice. */
    @Override
    void close();

    /** The remaining rows as a sequential Stream that closes these rows when it is closed. */
    default Stream<Row> stream() {
        Spliterator<Row> split = Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    /** Rows over an iterator; {@code onClose} runs once on close. */
    static Rows of(Schema schema, Iterator<Row> rows, Runnable onClose) {
        return new Rows() {
            private boolean closed;

            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public boolean hasNext() {
                return !closed && rows.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    onClose.run();
                }
            }
        };
    }

    /** Reads a whole source into memory: for tests and small lookups, never for a table of any size. */
    static List<Row> toList(Source source) {
        try (Rows rows = source.open(); Stream<Row> s = rows.stream()) {
            return s.toList();
        }
    }
}
