package io.strata.web;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.lineage.LineageGraph;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the pages show, read once per request (or once for the export): the same
 * observation {@code strata observe} prints, with the desired and live states behind each layer's
 * status, the journal, and the lineage of the pipelines. Pages only render it; none reads the
 * live system itself, so every page of one request shows the same moment.
 *
 * @param databaseUrl the environment's database, without its password
 * @param psql how to open a shell on the embedded database, or null for a configured server
 * @param journal the latest journal entries, newest first
 * @param lineage table → pipeline → table from the CronJobs' annotations and the run records
 * @param observedAt when the observation started
 */
public record Snapshot(String environment, String databaseUrl, String psql, List<ObservedLayer> layers,
        List<JournalEntry> journal, LineageGraph lineage, Instant observedAt) {

    public Snapshot {
        layers = List.copyOf(layers);
        journal = List.copyOf(journal);
    }

    public List<LayerStatus> statuses() {
        return layers.stream().map(ObservedLayer::status).toList();
    }

    public boolean drift() {
        return layers.stream().anyMatch(l -> l.status().state() == LayerStatus.State.DRIFT);
    }

    public Optional<ObservedLayer> layer(String name) {
        return layers.stream().filter(l -> l.layer().equals(name)).findFirst();
    }

    /** The live state of the layer whose live state has this type; empty when not observed or not in use. */
    public <T> Optional<T> live(Class<T> type) {
        return layers.stream().map(ObservedLayer::live).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The desired state of the layer whose files load as this type; empty when not observed. */
    public <T> Optional<T> desired(Class<T> type) {
        return layers.stream().map(ObservedLayer::desired).filter(type::isInstance).map(type::cast).findFirst();
    }
}
