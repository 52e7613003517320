package io.strata.storage.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure comparison of the migrations folder with the history table: what is pending, and what
 * makes the two disagree. Problems are refusals: plan and apply stop on them, observe reports them
 * as drift.
 */
public record MigrationDiff(List<Migration> pending, List<AppliedMigration> applied, List<String> problems,
        List<String> warnings) {

    public MigrationDiff {
        pending = List.copyOf(pending);
        applied = List.copyOf(applied);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public static MigrationDiff compare(MigrationSet declared, MigrationHistory history) {
        Map<Long, Migration> files = new HashMap<>();
        declared.migrations().forEach(m -> files.put(m.version(), m));
        Map<Long, AppliedMigration> rows = new HashMap<>();
        history.applied().forEach(a -> rows.put(a.version(), a));

        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>(declared.warnings());
        AppliedMigration latest = null;
        for (AppliedMigration row : history.applied()) {
            if (latest == null || row.version() > latest.version()) {
                latest = row;
            }
            Migration file = files.get(row.version());
            if (!row.success()) {
                problems.add(row.file() + " failed on " + row.appliedAt() + " and may have partly run"
                        + (row.error() == null ? "" : " (" + row.error() + ")")
                        + ": fix the database by hand, then run `strata migrations repair` so it is retried");
            } else if (file == null) {
                problems.add(row.file() + " (version " + row.version() + ") was applied on " + row.appliedAt()
                        + " but the file is gone: restore it from git (git checkout " + shortCommit(row.gitCommit())
                        + " -- " + row.file() + ")");
            } else if (!file.checksum().equals(row.checksum())) {
                problems.add(file.file() + " was edited after it was applied on " + row.appliedAt()
                        + " (checksum recorded " + Checksum.abbreviate(row.checksum()) + ", file now "
                        + Checksum.abbreviate(file.checksum()) + "): applied migrations must not change; revert the"
                        + " edit (git checkout -- " + file.file() + ") and put the change in a new migration"
                        + " (strata migrations new NAME)");
            } else if (!file.file().equals(row.file())) {
                warnings.add(row.file() + " (version " + row.version() + ") was renamed to " + file.file()
                        + "; its content is unchanged");
            }
        }
        List<Migration> pending = new ArrayList<>();
        for (Migration m : declared.migrations()) {
            if (rows.containsKey(m.version())) {
                continue;
            }
            if (latest != null && m.version() < latest.version()) {
                problems.add(m.file() + " (version " + m.version() + ") is new, but version " + latest.version()
                        + " (" + latest.file() + ") is already applied: renumber it above " + latest.version()
                        + " so every environment applies migrations in the same order");
                continue;
            }
            pending.add(m);
        }
        return new MigrationDiff(pending, history.applied(), problems, warnings);
    }

    private static String shortCommit(String commit) {
        return commit == null || commit.length() < 12 ? String.valueOf(commit) : commit.substring(0, 12);
    }
}
