package io.strata.orchestration.lineage;

import io.strata.orchestration.manifest.CronJobManifest;
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

    /**
     * One declaration per pipeline the CronJobs run, in pipeline order. A CronJob without a
     * {@code strata.io/pipeline} annotation is not Strata's (the orchestration layer leaves it
     * unscheduled too) and is left out.
     */
    public static List<Declaration> of(List<CronJobManifest> cronJobs) {
        Map<String, List<CronJobManifest>> byPipeline = new TreeMap<>();
        for (CronJobManifest cronJob : cronJobs) {
            cronJob.lineage().pipeline().ifPresent(pipeline ->
                    byPipeline.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(cronJob));
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
}
