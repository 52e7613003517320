package io.strata.pipeline.run;

import io.strata.pipeline.PipelineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's {@code main}: runs the body once, records the run in the platform database, logs,
 * and returns the exit code for the scheduler.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     System.exit(Pipeline.named("customers").run(run -> {
 *         Database db = run.database();
 *         run.write(CustomerTransforms.enrich(db.table("raw.customers"), Year.now(run.clock())),
 *                 db.replace("marts.customers"));
 *     }));
 * }
 * }</pre>
 */
public final class Pipeline {

    /** The run succeeded and is recorded. */
    public static final int SUCCEEDED = 0;
    /** The run failed (and is recorded as failed, when the platform database could be reached). */
    public static final int FAILED = 1;
    /** The run could not start: a setting is missing or wrong. Nothing ran, nothing is recorded. */
    public static final int MISCONFIGURED = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9_-]{0,62})");
    private static final int MAX_ERROR = 8_000;

    /** What a pipeline does; throw to fail the run. */
    @FunctionalInterface
    public interface Body {
        void run(Run run) throws Exception;
    }

    private final String name;

    private Pipeline(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a pipeline name is lower-case letters, digits, - and _ (as a"
                    + " Kubernetes name), at most 63 characters: '" + name + "'");
        }
        this.name = name;
    }

    public static Pipeline named(String name) {
        return new Pipeline(name);
    }

    /** Runs with the process's environment variables and the system clock. */
    public int run(Body body) {
        return run(body, Environment.of(System.getenv()), Clock.systemDefaultZone());
    }

    /** Runs with the given settings and clock: how tests and embedding programs run a pipeline. */
    public int run(Body body, Environment environment, Clock clock) {
        Objects.requireNonNull(body, "body");
        RunStore store;
        RunRecord record;
        OpenLineageSettings openLineage;
        try {
            store = RunStore.on(environment.database());
            record = RunRecord.started(environment.runId(), name, image(environment), environment.trigger(),
                    environment.host(), ProcessHandle.current().pid(), clock.instant());
            environment.progressInterval();
            openLineage = environment.openLineage();
        } catch (PipelineException e) {
            LOG.error("{}: cannot start: {}", name, e.getMessage());
            return MISCONFIGURED;
        }
        try {
            store.start(record);
        } catch (PipelineException e) {
            LOG.error("{}: {}", name, e.getMessage());
            return FAILED;
        }
        LOG.info("{}: run {} started ({}, {}) on {}", name, record.runId(), record.trigger().value(), record.image(),
                environment.database().displayUrl());
        OpenLineageEvents events = null;
        OpenLineageEmitter emitter = null;
        if (openLineage != null) {
            events = new OpenLineageEvents(openLineage.namespace(), environment.database().displayUrl());
            emitter = new OpenLineageEmitter(name, openLineage);
            emitter.emit("START", events.start(record));
        }

        RunCounters counters = new RunCounters();
        Throwable failure = null;
        try (Progress progress = new Progress(name, counters, environment.progressInterval())) {
            body.run(new Run(name, record.runId(), record.trigger(), clock, record.startedAt(), environment, counters));
        } catch (Throwable t) {
            failure = t;
        }
        RunRecord ended = record.ended(clock.instant(), failure == null ? RunStatus.SUCCEEDED : RunStatus.FAILED,
                failure == null ? null : describe(failure), counters.reads(), counters.writes());
        String summary = String.format(Locale.ROOT, "%s: %s in %.1f s: read %s; wrote %s", name,
                ended.status().value(), ended.duration().toMillis() / 1000.0,
                Progress.describe(ended.sortedReads(), "nothing"), Progress.describe(ended.sortedWrites(), "nothing"));
        if (failure == null) {
            LOG.info(summary);
        } else {
            LOG.error(summary + ": " + ended.error(), failure);
        }
        boolean recorded = true;
        try {
            store.finish(ended);
        } catch (PipelineException e) {
            LOG.error("{}: {}", name, e.getMessage());
            recorded = false;
        }
        if (emitter != null) {
            // Sent even when the record could not be written: the event still tells what the run did.
            emitter.emit(ended.status() == RunStatus.SUCCEEDED ? "COMPLETE" : "FAIL",
                    events.end(ended, counters.readOrigins(), counters.writeOrigins()));
        }
        return failure == null && recorded ? SUCCEEDED : FAILED;
    }

    /** The exception's messages, outermost first, each cause only where it adds something. */
    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause()) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (s.indexOf(m) < 0) {
                s.append(s.length() == 0 ? "" : " — caused by: ").append(m);
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return s.length() > MAX_ERROR ? s.substring(0, MAX_ERROR) + "…" : s.toString();
    }

    /**
     * STRATA_IMAGE when set (the orchestrator knows the image); else, when running from one jar
     * ({@code java -jar}), the jar's name and content hash, which identify the build as well.
     */
    static String image(Environment environment) {
        return environment.image().orElseGet(() -> {
            String classPath = System.getProperty("java.class.path", "");
            if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
                return imageOf(Path.of(classPath));
            }
            return null;
        });
    }

    /**
     * What a run from {@code jar} records as its image without STRATA_IMAGE:
     * {@code <jar name>@sha256:<first 16 hex of its SHA-256>}. {@code strata run} passes the same.
     */
    public static String imageOf(Path jar) {
        return jar.getFileName() + "@sha256:" + sha256(jar);
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }
}
