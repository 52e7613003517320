package io.strata.web;

import io.strata.core.loop.ObservedLayer;
import io.strata.storage.StorageLayer;
import io.strata.storage.StorageState;
import io.strata.storage.catalog.DriftItem;
import io.strata.storage.catalog.SchemaDrift;
import io.strata.storage.migration.MigrationDiff;
import io.strata.storage.migration.MigrationSet;
import java.util.List;
import java.util.Optional;

/**
 * Migrations, applied and pending, and schema drift object by object: the states behind the
 * storage layer's status, laid out as tables. Without them (a layer not observed) the status lines.
 */
final class StoragePage implements Page {

    static final String ID = "storage";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Storage";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        Optional<ObservedLayer> layer = s.layer(StorageLayer.NAME);
        Fragments.status(out, layer);
        Optional<StorageState> live = s.live(StorageState.class);
        Optional<MigrationSet> desired = s.desired(MigrationSet.class);
        if (live.isEmpty() || desired.isEmpty()) {
            layer.ifPresent(l -> Fragments.groups(out, l.status(), "Migrations and schema drift", "Migration or object"));
            return;
        }
        MigrationsTable.write(out, desired.get(), live.get().history());
        MigrationDiff diff = MigrationDiff.compare(desired.get(), live.get().history());
        list(out, "Why plan and apply refuse to go on", "problems", diff.problems());
        list(out, "Worth a look", "warnings", diff.warnings());
        drift(out, live.get().drift());
    }

    private static void list(StringBuilder out, String heading, String id, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("<h3 id=\"storage-").append(id).append("\">").append(heading).append("</h3>\n<ul>");
        lines.forEach(line -> out.append("<li>").append(Html.esc(line)).append("</li>"));
        out.append("</ul>\n");
    }

    private static void drift(StringBuilder out, SchemaDrift drift) {
        out.append("<h3 id=\"storage-drift\">Schema drift</h3>\n<p>").append(Html.esc(drift.summary())).append(".</p>\n");
        if (!drift.drifted()) {
            return;
        }
        out.append("<table id=\"schema-drift\">\n<caption>Objects changed outside Strata since the latest apply</caption>\n")
                .append("<thead><tr><th scope=\"col\">Object</th><th scope=\"col\">Kind</th>")
                .append("<th scope=\"col\">Change</th><th scope=\"col\">What changed</th></tr></thead>\n<tbody>\n");
        for (DriftItem item : drift.items()) {
            out.append("<tr class=\"drift\"><th scope=\"row\"><code>").append(Html.esc(item.object()))
                    .append("</code></th><td>").append(item.kind().label()).append("</td><td>")
                    .append(item.symbol()).append(' ').append(change(item)).append("</td><td>")
                    .append(Html.esc(item.detail())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String change(DriftItem item) {
        return switch (item.action()) {
            case CREATE -> "added";
            case ALTER -> "changed";
            case DROP -> "dropped";
        };
    }
}
