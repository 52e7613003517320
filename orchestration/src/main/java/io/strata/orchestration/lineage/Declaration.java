package io.strata.orchestration.lineage;

import io.strata.orchestration.manifest.Container;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the CronJobs of {@code k8s/} declare about one pipeline: the tables it reads and writes,
 * as written in {@code strata.io/reads} and {@code strata.io/writes}. Several CronJobs may run one
 * pipeline (two schedules, say); their declarations add up.
 *
 * @param pipeline the pipeline's name, as its main names it in {@code Pipeline.named}
 * @param cronJobs the CronJobs that run it, by {@code metadata.name}
 */
public record Declaration(String pipeline, List<String> cronJobs, Set<String> reads, Set<String> writes) {

    public Declaration {
        Objects.requireNonNull(pipeline, "pipeline");
        cronJobs = List.copyOf(cronJobs);
        reads = Set.copyOf(reads);
        writes = Set.copyOf(writes);
    }

    /** One declaration per pipeline the CronJobs run, in pipeline order. */
    public static List<Declaration> of(List<CronJobManifest> cronJobs) {
        Map<String, List<CronJobManifest>> byPipeline = new TreeMap<>();
        for (CronJobManifest cronJob : cronJobs) {
            byPipeline.computeIfAbsent(pipelineOf(cronJob), p -> new ArrayList<>()).add(cronJob);
        }
        List<Declaration> out = new ArrayList<>();
        byPipeline.forEach((pipeline, jobs) -> {
            Set<String> reads = new LinkedHashSet<>();
            Set<String> writes = new LinkedHashSet<>();
            jobs.forEach(job -> {
                reads.addAll(job.lineage().reads());
                writes.addAll(job.lineage().writes());
            });
            out.add(new Declaration(pipeline, jobs.stream().map(CronJobManifest::name).toList(), reads, writes));
        });
        return out;
    }

    /**
     * The pipeline a CronJob runs: its {@code strata.io/pipeline} annotation; else the pipeline
     * of its one {@code ${image:NAME}} container; else the CronJob's own name.
     */
    public static String pipelineOf(CronJobManifest cronJob) {
        if (cronJob.lineage().pipeline().isPresent()) {
            return cronJob.lineage().pipeline().get();
        }
        List<String> placeholders = cronJob.containers().stream().map(Container::image)
                .filter(image -> image instanceof ImageReference.Placeholder)
                .map(image -> ((ImageReference.Placeholder) image).pipeline()).distinct().toList();
        return placeholders.size() == 1 ? placeholders.get(0) : cronJob.name();
    }
}
