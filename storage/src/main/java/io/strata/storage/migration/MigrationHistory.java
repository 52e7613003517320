package io.strata.storage.migration;

import java.util.List;

/**
 * The live state of the storage layer: the history table's rows in version order, and the server's
 * description for people.
 */
public record MigrationHistory(List<AppliedMigration> applied, boolean tableExists) {
    public MigrationHistory {
        applied = List.copyOf(applied);
    }

    public static MigrationHistory empty() {
        return new MigrationHistory(List.of(), false);
    }
}
