package io.strata.storage.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        List<MigrationEntry> entries = MigrationEntry.of(declared, history);
        AppliedMigration latest = history.applied().stream()
                .max(Comparator.comparingLong(AppliedMigration::version)).orElse(null);

        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>(declared.warnings());
        // The history's rows first, then the new files, as a reviewer reads them: what was, then what comes.
        for (MigrationEntry e : entries) {
            if (e.applied() == null) {
                continue;
            }
            AppliedMigration row = e.applied();
            switch (e.status()) {
                case FAILED -> problems.add(row.file() + " failed on " + row.appliedAt() + " and may have partly run"
                        + (row.error() == null ? "" : " (" + row.error() + ")")
                        + ": fix the database by hand, then run `strata migrations repair` so it is retried");
                case FILE_GONE -> problems.add(row.file() + " (version " + row.version() + ") was applied on "
                        + row.appliedAt() + " but the file is gone: restore it from git (git checkout "
                        + shortCommit(row.gitCommit()) + " -- " + row.file() + ")");
                case EDITED -> problems.add(e.file().file() + " was edited after it was applied on " + row.appliedAt()
                        + " (checksum recorded " + Checksum.abbreviate(row.checksum()) + ", file now "
                        + Checksum.abbreviate(e.file().checksum()) + "): applied migrations must not change; revert the"
                        + " edit (git checkout -- " + e.file().file() + ") and put the change in a new migration"
                        + " (strata migrations new NAME)");
                default -> {
                    if (e.renamed()) {
                        warnings.add(row.file() + " (version " + row.version() + ") was renamed to " + e.file().file()
                                + "; its content is unchanged");
                    }
                }
            }
        }
        List<Migration> pending = new ArrayList<>();
        for (MigrationEntry e : entries) {
            if (e.status() == MigrationEntry.Status.OUT_OF_ORDER) {
                Migration m = e.file();
                problems.add(m.file() + " (version " + m.version() + ") is new, but version " + latest.version()
                        + " (" + latest.file() + ") is already applied: renumber it above " + latest.version()
                        + " so every environment applies migrations in the same order");
            } else if (e.status() == MigrationEntry.Status.PENDING) {
                pending.add(e.file());
            }
        }
        return new MigrationDiff(pending, history.applied(), problems, warnings);
    }

    private static String shortCommit(String commit) {
        return commit == null || commit.length() < 12 ? String.valueOf(commit) : commit.substring(0, 12);
    }
}
