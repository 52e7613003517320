package io.strata.core.layer;

import java.util.List;

/**
 * What observe reports for one layer.
 *
 * @param layer the layer name
 * @param state in sync, pending changes, or drift between the files and the live system
 * @param summary one line, e.g. "12 applied, 1 pending"
 * @param details one line per object worth a look
 */
public record LayerStatus(String layer, State state, String summary, List<String> details) {

    public enum State {
        IN_SYNC("in sync"),
        PENDING("pending"),
        DRIFT("drift");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public LayerStatus {
        details = List.copyOf(details);
    }
}
