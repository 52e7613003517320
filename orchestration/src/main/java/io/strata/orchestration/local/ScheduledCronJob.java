package io.strata.orchestration.local;

import io.strata.orchestration.cronjob.CronJobSchedule;
import io.strata.orchestration.cronjob.RetryPolicy;
import io.strata.orchestration.manifest.Container;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.ImageReference;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CronJob the local scheduler runs: its name, the pipeline it starts, and its schedule and
 * retry rules. The scheduler is handed a list of these on every look, from whatever source
 * holds them: {@code strata scheduler} reads the orchestration layer's schedule registry, which
 * {@code strata apply} fills from {@code k8s/}.
 *
 * @param name {@code metadata.name}: the key of its state and decisions
 * @param pipeline the folder under {@code pipelines/} its runs start
 * @param createdAt the CronJob's creation time (its first apply), from which its schedule counts
 *     until it first runs; empty: the first time the scheduler sees it
 * @param engine the engine and Spark settings its annotations declare
 */
public record ScheduledCronJob(String name, String pipeline, CronJobSchedule schedule, RetryPolicy retry,
        Optional<Instant> createdAt, EngineSettings engine) {

    public ScheduledCronJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(engine, "engine");
    }

    /** A CronJob that declares no engine. */
    public ScheduledCronJob(String name, String pipeline, CronJobSchedule schedule, RetryPolicy retry,
            Optional<Instant> createdAt) {
        this(name, pipeline, schedule, retry, createdAt, EngineSettings.NONE);
    }

    /** A CronJob whose creation time is the moment the scheduler first sees it. */
    public ScheduledCronJob(String name, String pipeline, CronJobSchedule schedule, RetryPolicy retry) {
        this(name, pipeline, schedule, retry, Optional.empty());
    }

    public ScheduledCronJob withSchedule(CronJobSchedule other) {
        return new ScheduledCronJob(name, pipeline, other, retry, createdAt, engine);
    }

    public ScheduledCronJob withRetry(RetryPolicy other) {
        return new ScheduledCronJob(name, pipeline, schedule, other, createdAt, engine);
    }

    /**
     * The CronJob of a manifest: its pipeline is the {@code strata.io/pipeline} annotation, else
     * the pipeline of an {@code ${image:NAME}} placeholder; empty when it names neither.
     */
    public static Optional<ScheduledCronJob> of(CronJobManifest manifest) {
        Optional<String> pipeline = manifest.lineage().pipeline().or(() -> manifest.containers().stream()
                .map(Container::image).filter(ImageReference.Placeholder.class::isInstance)
                .map(image -> ((ImageReference.Placeholder) image).pipeline()).findFirst());
        return pipeline.map(p -> new ScheduledCronJob(manifest.name(), p, manifest.schedule(), manifest.retry(),
                Optional.empty(), EngineSettings.of(manifest)));
    }
}
