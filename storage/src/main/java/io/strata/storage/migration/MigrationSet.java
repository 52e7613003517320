package io.strata.storage.migration;

import java.util.List;

/** The declared migrations in version order, and what a reviewer should know about the folder. */
public record MigrationSet(String directory, List<Migration> migrations, List<String> warnings) {
    public MigrationSet {
        migrations = List.copyOf(migrations);
        warnings = List.copyOf(warnings);
    }
}
