package io.strata.orchestration.local;

import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.Lineage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a run is told about its engine: the engine, when declared, and the Spark settings a
 * CronJob passes through ({@code strata.io/spark.<key>: value} becomes {@code spark.<key>}).
 *
 * @param engine the declared engine; empty leaves it to the module ({@link PipelineModule#declaredEngine})
 * @param spark Spark settings by their Spark name ({@code spark.executor.memory}), in name order
 */
public record EngineSettings(Optional<Engine> engine, Map<String, String> spark) {

    /** The annotation prefix of a Spark setting: {@code strata.io/spark.sql.shuffle.partitions: "8"}. */
    public static final String SPARK_ANNOTATION = "strata.io/spark.";

    /** Nothing declared. */
    public static final EngineSettings NONE = new EngineSettings(Optional.empty(), Map.of());

    public EngineSettings {
        Objects.requireNonNull(engine, "engine");
        spark = Collections.unmodifiableMap(new TreeMap<>(spark));
    }

    /** What a CronJob's annotations declare; an unknown engine is an error naming the manifest. */
    public static EngineSettings of(CronJobManifest manifest) {
        Map<String, String> spark = new TreeMap<>();
        manifest.annotations().forEach((key, value) -> {
            if (key.startsWith(SPARK_ANNOTATION)) {
                spark.put("spark." + key.substring(SPARK_ANNOTATION.length()), value);
            }
        });
        Optional<Engine> engine = manifest.lineage().engine().map(value -> Engine.parse(value,
                manifest.location().describe() + ": CronJob " + manifest.name() + ", annotation " + Lineage.ENGINE));
        return new EngineSettings(engine, spark);
    }

    /**
     * What the CronJobs that run {@code pipeline} declare, for a run outside the scheduler
     * ({@code strata run}); none when no CronJob runs it. CronJobs of one pipeline that declare
     * different engines or settings are an error naming them.
     */
    public static EngineSettings forPipeline(String pipeline, List<CronJobManifest> cronJobs) {
        Map<EngineSettings, String> declared = new java.util.LinkedHashMap<>();
        for (CronJobManifest manifest : cronJobs) {
            ScheduledCronJob.of(manifest).filter(job -> job.pipeline().equals(pipeline))
                    .ifPresent(job -> declared.merge(job.engine(), job.name(), (a, b) -> a + ", " + b));
        }
        if (declared.size() > 1) {
            throw new io.strata.core.error.StrataException("the CronJobs of pipeline " + pipeline
                    + " declare different engines or Spark settings: " + declared.values(),
                    "make their strata.io/engine and strata.io/spark.* annotations agree, or choose with --engine");
        }
        return declared.keySet().stream().findFirst().orElse(NONE);
    }

    /** The same settings with {@code engine} instead of the declared one: {@code strata run --engine}. */
    public EngineSettings overriddenBy(Engine other) {
        return new EngineSettings(Optional.of(other), spark);
    }

    /**
     * The JVM options of a run on {@code engine}: the engine's own, then each Spark setting as a
     * {@code -Dspark.<key>=<value>} system property, which Spark reads into its configuration by
     * itself (none for the plain engine, which has no use for them).
     */
    public List<String> jvmOptions(Engine resolved) {
        List<String> options = new ArrayList<>(resolved.jvmOptions());
        if (resolved == Engine.SPARK) {
            spark.forEach((key, value) -> options.add("-D" + key + "=" + value));
        }
        return options;
    }
}
