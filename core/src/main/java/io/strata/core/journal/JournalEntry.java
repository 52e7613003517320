package io.strata.core.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One apply, as recorded in the platform database: who, when, from which commit, what, and how it
 * ended.
 *
 * @param kind {@code apply} (later also {@code rollback}, {@code repair})
 * @param changes one line per change ("+ storage migration 0012_add_customer_segment.sql")
 * @param outcome how it ended
 * @param error the error message when it failed, else null; never contains a secret
 */
public record JournalEntry(
        String kind,
        String environment,
        Instant startedAt,
        Instant finishedAt,
        String user,
        String gitCommit,
        String planHash,
        List<String> changes,
        Outcome outcome,
        String error) {

    public enum Outcome {
        SUCCEEDED,
        FAILED,
        NO_CHANGES;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public JournalEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        changes = List.copyOf(changes);
    }
}
