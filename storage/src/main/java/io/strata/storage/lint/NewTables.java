package io.strata.storage.lint;

/**
 * Whether a rule leaves alone tables that the linted files themselves create. A table created
 * earlier (by CREATE TABLE without IF NOT EXISTS) holds no rows that predate the migration, so
 * locking or emptying it risks nothing. The linter, not the rule, applies this, so that a
 * {@code strata:ignore} for a finding left out this way still counts as used.
 */
public enum NewTables {
    /** Reported whatever created the table: DS103 and DS107, which are not about one table's rows. */
    REPORTED,
    /**
     * Left alone when an earlier statement of the same file created the table: the data rules
     * (a scratch table created, filled and dropped in one migration). Across files they still
     * report, because {@code strata lint} without a database cannot tell applied files from new ones.
     */
    EXEMPT_IF_CREATED_IN_FILE,
    /**
     * Left alone when the same file or an earlier file of the run created the table: the lock
     * rules. A plan's run is its pending migrations; {@code strata lint}'s is the files it lints.
     */
    EXEMPT_IF_CREATED_IN_RUN
}
