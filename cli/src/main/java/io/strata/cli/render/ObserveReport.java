package io.strata.cli.render;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import java.util.List;

/**
 * What {@code strata observe} shows: where the environment lives, each layer's state, and the
 * latest entries of the journal.
 *
 * @param psql how to open a shell on the embedded database, or null for a configured server
 */
public record ObserveReport(String environment, String databaseUrl, String psql, List<LayerStatus> layers,
        List<JournalEntry> journal) {

    public ObserveReport {
        layers = List.copyOf(layers);
        journal = List.copyOf(journal);
    }

    public boolean drift() {
        return layers.stream().anyMatch(l -> l.state() == LayerStatus.State.DRIFT);
    }
}
