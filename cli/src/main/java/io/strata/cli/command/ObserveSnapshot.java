package io.strata.cli.command;

import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.core.loop.Loop;
import io.strata.orchestration.lineage.Declaration;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.RunHistoryReader;
import io.strata.orchestration.manifest.ManifestReader;
import io.strata.storage.embedded.EmbeddedInstance;
import io.strata.web.Snapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One observation for the pages: the layers with the states behind their statuses, the journal,
 * and the lineage (which the terminal report leaves to {@code strata lineage}). Public so that the
 * page benchmark times exactly what a served request does.
 */
public final class ObserveSnapshot {

    /** The pages compare each pipeline's declaration with its latest successful run, as {@code strata lineage} does by default. */
    private static final int LINEAGE_RUNS = 1;

    private ObserveSnapshot() {}

    /**
     * @param root the platform repository, whose {@code k8s/} declares the pipelines' tables
     * @param open opens the platform (again on every call, so a served page follows edits to the spec too)
     * @param layers only these layers; empty for all
     * @param journal how many journal entries
     */
    public static Snapshot observe(Path root, Supplier<Platform> open, Set<String> layers, int journal) {
        Instant started = Instant.now();
        // The files first: a malformed manifest is reported before any database is read.
        var declarations = Declaration.of(ManifestReader.readDirectory(root.resolve("k8s")).cronJobs());
        Platform platform = open.get();
        Loop loop = platform.loop(StrataCommand.version());
        return new Snapshot(platform.target().environment(), platform.database().displayUrl(),
                platform.embedded().map(EmbeddedInstance::psqlCommand).orElse(null),
                loop.observeLayers(new LinkedHashSet<>(layers)), loop.journal(journal),
                LineageGraph.build(declarations, RunHistoryReader.read(platform.database(), LINEAGE_RUNS)), started);
    }
}
