package io.strata.pipeline.run;

import io.strata.pipeline.RunListener;
import io.strata.pipeline.WriteResult;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A run's rows per table, told by its sources and sinks from any thread. */
final class RunCounters implements RunListener {

    private final Map<String, LongAdder> read = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> committed = new ConcurrentHashMap<>();
    private final Map<String, String> readOrigins = new ConcurrentHashMap<>();
    private final Map<String, String> writeOrigins = new ConcurrentHashMap<>();

    @Override
    public void read(String table, long rows) {
        read.computeIfAbsent(table, t -> new LongAdder()).add(rows);
    }

    @Override
    public void written(String table, long rows) {
        sent.computeIfAbsent(table, t -> new LongAdder()).add(rows);
    }

    @Override
    public void committed(WriteResult result) {
        committed.computeIfAbsent(result.table(), t -> new LongAdder()).add(result.rows());
    }

    /**
     * The same counters, for the sources and sinks of another database than the platform's: its
     * tables are remembered as being there ({@link #readOrigins()}, {@link #writeOrigins()}), so
     * lineage events name the right database. The run record keeps table names only.
     */
    RunListener from(String databaseUrl) {
        return new RunListener() {
            @Override
            public void read(String table, long rows) {
                readOrigins.putIfAbsent(table, databaseUrl);
                RunCounters.this.read(table, rows);
            }

            @Override
            public void written(String table, long rows) {
                writeOrigins.putIfAbsent(table, databaseUrl);
                RunCounters.this.written(table, rows);
            }

            @Override
            public void committed(WriteResult result) {
                writeOrigins.putIfAbsent(result.table(), databaseUrl);
                RunCounters.this.committed(result);
            }
        };
    }

    /** For each table read through another database, that database's URL (without its query). */
    Map<String, String> readOrigins() {
        return Map.copyOf(readOrigins);
    }

    /** For each table written through another database, that database's URL (without its query). */
    Map<String, String> writeOrigins() {
        return Map.copyOf(writeOrigins);
    }

    Map<String, Long> reads() {
        return snapshot(read);
    }

    Map<String, Long> sent() {
        return snapshot(sent);
    }

    Map<String, Long> writes() {
        return snapshot(committed);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((table, n) -> out.put(table, n.sum()));
        return out;
    }
}
