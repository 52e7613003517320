package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Several open row streams read by one thread each and handed to the caller as one stream, in
 * batches through a bounded queue: memory stays at (queue capacity × batch) rows however fast the
 * readers are. A failed reader fails the whole stream; nothing is silently cut short.
 */
final class PartitionedRows implements Rows {

    private static final int BATCH = 1_000;
    /** Identity marks a reader's end; it is never a real batch, which is never empty. */
    private final List<Row> end = new ArrayList<>(0);

    private final String label;
    private final List<Rows> parts;
    private final Schema schema;
    private final BlockingQueue<List<Row>> queue;
    private final List<Thread> readers = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    private int ended;
    private Iterator<Row> batch = Collections.emptyIterator();

    PartitionedRows(String label, List<Rows> parts) {
        this.label = label;
        this.parts = List.copyOf(parts);
        this.schema = parts.get(0).schema();
        this.queue = new ArrayBlockingQueue<>(2 * parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Rows part = parts.get(i);
            Thread t = new Thread(() -> read(part), "strata-read-" + label + "-" + i);
            t.setDaemon(true);
            readers.add(t);
        }
        readers.forEach(Thread::start);
    }

    private void read(Rows part) {
        try (part) {
            List<Row> rows = new ArrayList<>(BATCH);
            while (!closed && part.hasNext()) {
                rows.add(part.next());
                if (rows.size() == BATCH) {
                    put(rows);
                    rows = new ArrayList<>(BATCH);
                }
            }
            if (!rows.isEmpty()) {
                put(rows);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            put(end);
        }
    }

    /** Waits for room, but gives up once the consumer has closed, so a reader never hangs. */
    private void put(List<Row> rows) {
        try {
            while (!closed && !queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is slower than the readers: that is the back-pressure
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean hasNext() {
        while (!batch.hasNext()) {
            rethrow();
            if (closed || ended == parts.size()) {
                return false;
            }
            List<Row> next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineException("interrupted while reading " + label, e);
            }
            if (next == end) {
                ended++;
            } else {
                batch = next.iterator();
            }
        }
        return true;
    }

    private void rethrow() {
        Throwable t = failure.get();
        if (t != null) {
            throw t instanceof PipelineException p ? p : new PipelineException("reading " + label + ": " + t, t);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.next();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        for (Thread t : readers) {
            try {
                // A reader notices `closed` after its current fetch at the latest, then closes its part.
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
