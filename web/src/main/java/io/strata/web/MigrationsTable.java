package io.strata.web;

import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.Checksum;
import io.strata.storage.migration.MigrationEntry;
import io.strata.storage.migration.MigrationHistory;
import io.strata.storage.migration.MigrationSet;
import java.util.List;

/** The {@code #migrations} table: one row per version the folder or the history table names. */
final class MigrationsTable {

    private static final List<String> COLUMNS = List.of("Version", "Description", "File", "Status", "Checksum",
            "Applied at", "Applied by", "Commit", "Duration");

    private MigrationsTable() {}

    static void write(StringBuilder out, MigrationSet files, MigrationHistory history) {
        List<MigrationEntry> entries = MigrationEntry.of(files, history);
        if (entries.isEmpty()) {
            out.append("<p>No migration files in <code>").append(Html.esc(files.directory()))
                    .append("</code> and nothing in the history table.</p>\n");
            return;
        }
        out.append("<table id=\"migrations\">\n<caption>Migrations: the files of <code>").append(Html.esc(files.directory()))
                .append("</code> and the history table, by version</caption>\n<thead><tr>");
        COLUMNS.forEach(c -> out.append("<th scope=\"col\">").append(c).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        entries.forEach(e -> row(out, e));
        out.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder out, MigrationEntry e) {
        AppliedMigration a = e.applied();
        out.append("<tr id=\"").append(Html.id("migration", Long.toString(e.version()))).append('"')
                .append(e.status().problem() ? " class=\"drift\""
                        : e.status() == MigrationEntry.Status.PENDING ? " class=\"pending\"" : "")
                .append("><th scope=\"row\">").append(e.version()).append("</th><td>").append(Html.esc(e.name()))
                .append("</td><td><code>").append(Html.esc(e.path())).append("</code></td><td>")
                .append(e.status().label());
        if (e.status() == MigrationEntry.Status.FAILED && a.error() != null) {
            out.append(": ").append(Html.esc(a.error().lines().findFirst().orElse("")));
        }
        out.append("</td><td>").append(checksum(e)).append("</td><td>");
        if (a != null) {
            out.append(HumanTime.time(a.appliedAt())).append("</td><td>").append(Html.esc(a.appliedBy()))
                    .append("</td><td>").append(commit(a.gitCommit())).append("</td><td>")
                    .append(HumanTime.duration(a.durationMs()));
        } else {
            out.append("</td><td></td><td></td><td>");
        }
        out.append("</td></tr>\n");
    }

    /** The recorded checksum when applied, else the file's; both when an edit made them differ. */
    private static String checksum(MigrationEntry e) {
        if (e.status() == MigrationEntry.Status.EDITED) {
            return "MISMATCH: recorded " + code(e.applied().checksum()) + ", file now " + code(e.file().checksum());
        }
        return code(e.applied() != null ? e.applied().checksum() : e.file().checksum());
    }

    private static String code(String checksum) {
        if (checksum == null) {
            return "";
        }
        return "<code title=\"" + Html.esc(checksum) + "\">" + Html.esc(Checksum.abbreviate(checksum)) + "</code>";
    }

    private static String commit(String commit) {
        if (commit == null) {
            return "(none)";
        }
        return "<code title=\"" + Html.esc(commit) + "\">" + Html.esc(Fragments.shortCommit(commit)) + "</code>";
    }
}
