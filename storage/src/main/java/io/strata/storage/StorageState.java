package io.strata.storage;

import io.strata.storage.catalog.SchemaDrift;
import io.strata.storage.migration.MigrationHistory;

/**
 * The live state of the storage layer: the history table, and how the live catalog compares with
 * the snapshot the latest apply took.
 */
public record StorageState(MigrationHistory history, SchemaDrift drift) {}
