package io.strata.storage.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One migration version as the folder and the history table tell it together: the file, its
 * history row, and what the two say about each other. {@link MigrationDiff} words the same states
 * as refusals and warnings; a view lists them one row per version.
 *
 * @param file the declared file, or null when the folder no longer has it
 * @param applied its history row, or null when it was never applied
 */
public record MigrationEntry(long version, Migration file, AppliedMigration applied, Status status) {

    /** What the file and its history row say together. */
    public enum Status {
        /** Applied and its file unchanged since. */
        APPLIED("applied", false),
        /** In the folder, not applied yet, numbered above every applied one. */
        PENDING("pending", false),
        /** Its history row records a failure: it may have partly run and blocks further applies. */
        FAILED("failed", true),
        /** Applied, but the file's checksum is no longer the recorded one. */
        EDITED("edited after apply", true),
        /** Applied, but the file is gone from the folder. */
        FILE_GONE("file gone", true),
        /** In the folder, not applied, but numbered below an applied one. */
        OUT_OF_ORDER("out of order", true);

        private final String label;
        private final boolean problem;

        Status(String label, boolean problem) {
            this.label = label;
            this.problem = problem;
        }

        public String label() {
            return label;
        }

        /** Whether plan and apply refuse to go on while a version is in this state. */
        public boolean problem() {
            return problem;
        }
    }

    /** Every version the folder or the history names, in version order. */
    public static List<MigrationEntry> of(MigrationSet declared, MigrationHistory history) {
        Map<Long, Migration> files = new TreeMap<>();
        declared.migrations().forEach(m -> files.put(m.version(), m));
        TreeMap<Long, AppliedMigration> rows = new TreeMap<>();
        history.applied().forEach(a -> rows.put(a.version(), a));
        long latest = rows.isEmpty() ? Long.MIN_VALUE : rows.lastKey();

        Map<Long, MigrationEntry> entries = new TreeMap<>();
        rows.forEach((version, row) -> entries.put(version, applied(files.get(version), row)));
        files.forEach((version, file) -> entries.computeIfAbsent(version,
                v -> new MigrationEntry(v, file, null, v < latest ? Status.OUT_OF_ORDER : Status.PENDING)));
        return new ArrayList<>(entries.values());
    }

    private static MigrationEntry applied(Migration file, AppliedMigration row) {
        Status status = !row.success() ? Status.FAILED
                : file == null ? Status.FILE_GONE
                : !file.checksum().equals(row.checksum()) ? Status.EDITED
                : Status.APPLIED;
        return new MigrationEntry(row.version(), file, row, status);
    }

    /** The file's path as shown to people: the folder's, else the one recorded when it was applied. */
    public String path() {
        return file != null ? file.file() : applied.file();
    }

    /** The descriptive part of its name. */
    public String name() {
        return file != null ? file.name() : applied.name();
    }

    /** Renamed in the folder since it was applied, content unchanged: worth a warning, not a refusal. */
    public boolean renamed() {
        return status == Status.APPLIED && !file.file().equals(applied.file());
    }
}
