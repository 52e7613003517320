package io.strata.pipeline.run;

import io.strata.pipeline.Sink;
import io.strata.pipeline.Source;
import io.strata.pipeline.WriteResult;
import io.strata.pipeline.jdbc.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a pipeline, as its body sees it: where the databases are, what time it is, and where
 * to write. Sources and sinks made from {@link #database()} count their rows into the run record.
 */
public final class Run {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    private final String pipeline;
    private final String id;
    private final Trigger trigger;
    private final Clock clock;
    private final Instant startedAt;
    private final Environment environment;
    private final RunCounters counters;

    Run(String pipeline, String id, Trigger trigger, Clock clock, Instant startedAt, Environment environment,
            RunCounters counters) {
        this.pipeline = pipeline;
        this.id = id;
        this.trigger = trigger;
        this.clock = clock;
        this.startedAt = startedAt;
        this.environment = environment;
        this.counters = counters;
    }

    public String pipeline() {
        return pipeline;
    }

    public String id() {
        return id;
    }

    public Trigger trigger() {
        return trigger;
    }

    /**
     * The clock of this run; pass what a transform needs from it ({@code Year.now(run.clock())})
     * as an argument, so the transform stays a pure function its tests can pin.
     */
    public Clock clock() {
        return clock;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The platform database (STRATA_DATABASE_*), counting rows into this run. */
    public Database database() {
        return environment.database().reportingTo(counters, "strata:" + pipeline);
    }

    /** Another database (STRATA_DATABASE_&lt;NAME&gt;_*), counting rows into this run. */
    public Database database(String name) {
        Database database = environment.named(name);
        return database.reportingTo(counters.from(database.displayUrl()), "strata:" + pipeline);
    }

    /** Writes {@code source} to {@code sink}, with a log line before and after. */
    public WriteResult write(Source source, Sink sink) {
        Set<String> reads = source.reads();
        LOG.info("{}: writing {} from {}", pipeline, sink, reads.isEmpty() ? "rows" : String.join(", ", reads));
        WriteResult result = sink.write(source);
        LOG.info("{}: {} {} rows into {} in {} ms ({} rows/s)", pipeline, result.mode(),
                String.format(Locale.ROOT, "%,d", result.rows()), result.table(), result.duration().toMillis(),
                String.format(Locale.ROOT, "%,.0f", result.rowsPerSecond()));
        return result;
    }
}
