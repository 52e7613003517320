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
