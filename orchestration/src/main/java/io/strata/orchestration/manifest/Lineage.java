package io.strata.orchestration.manifest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CronJob's annotations declare about its pipeline: {@code strata.io/pipeline} (the
 * pipeline folder it runs), {@code strata.io/reads} and {@code strata.io/writes} (comma-separated
 * tables, such as {@code raw.customers}) and {@code strata.io/engine}.
 */
public record Lineage(Optional<String> pipeline, List<String> reads, List<String> writes, Optional<String> engine) {

    public static final String PIPELINE = "strata.io/pipeline";
    public static final String READS = "strata.io/reads";
    public static final String WRITES = "strata.io/writes";
    public static final String ENGINE = "strata.io/engine";

    public Lineage {
        Objects.requireNonNull(pipeline, "pipeline");
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        Objects.requireNonNull(engine, "engine");
    }
}
