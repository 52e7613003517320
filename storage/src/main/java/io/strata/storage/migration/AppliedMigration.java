package io.strata.storage.migration;

import java.time.Instant;

/**
 * A row of the history table: what was applied, when, by whom, and whether it succeeded.
 *
 * @param error the database's error for a failed migration, else null
 */
public record AppliedMigration(
        long version,
        String name,
        String file,
        String checksum,
        boolean transactional,
        boolean success,
        Instant appliedAt,
        String appliedBy,
        String gitCommit,
        long durationMs,
        String error) {}
