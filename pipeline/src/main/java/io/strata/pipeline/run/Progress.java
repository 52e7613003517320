package io.strata.pipeline.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress line of a long run, logged every interval while rows move, so a log tail (kubectl
 * logs, a scheduler's log file) shows a load is alive and how fast it goes. Silent for short runs.
 */
final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final String pipeline;
    private final RunCounters counters;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private long lastTotal = -1;

    Progress(String pipeline, RunCounters counters, Duration interval) {
        this.pipeline = pipeline;
        this.counters = counters;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "strata-progress");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(this::report, every, every, TimeUnit.MILLISECONDS);
    }

    private void report() {
        Map<String, Long> read = counters.reads();
        Map<String, Long> sent = counters.sent();
        long total = read.values().stream().mapToLong(Long::longValue).sum();
        if (total == lastTotal) {
            return;
        }
        lastTotal = total;
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        LOG.info("{}: read {}; sent {}; {} rows/s read", pipeline, describe(read, "nothing yet"),
                describe(sent, "nothing yet"),
                String.format(Locale.ROOT, "%,.0f", total / seconds));
    }

    static String describe(Map<String, Long> rows, String none) {
        if (rows.isEmpty()) {
            return none;
        }
        return rows.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d rows (%s)", e.getValue(),
                e.getKey())).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
