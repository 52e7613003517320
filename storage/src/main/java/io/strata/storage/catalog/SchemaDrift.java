package io.strata.storage.catalog;

import java.time.Instant;
import java.util.List;

/** What plan and observe say about hand-made schema changes: one of three answers. */
public sealed interface SchemaDrift {

    /** The objects changed by hand, one line each in {@link DriftItem#ORDER}; empty unless drifted. */
    List<DriftItem> items();

    /** One line for people, e.g. "3 objects changed by hand since the catalog snapshot of 2026-…". */
    String summary();

    default boolean drifted() {
        return !items().isEmpty();
    }

    /** The items' lines, ready to print under the summary. */
    default List<String> lines() {
        return items().stream().map(DriftItem::line).toList();
    }

    /** Nothing was ever applied through Strata here (or the snapshot table was dropped). */
    record NoSnapshot() implements SchemaDrift {
        @Override
        public List<DriftItem> items() {
            return List.of();
        }

        @Override
        public String summary() {
            return "no catalog snapshot yet: schema drift is tracked from the next apply on";
        }
    }

    /** The live catalog is the one the latest apply left. */
    record InSync(Instant snapshotTakenAt) implements SchemaDrift {
        @Override
        public List<DriftItem> items() {
            return List.of();
        }

        @Override
        public String summary() {
            return "no schema changes by hand since the catalog snapshot of " + snapshotTakenAt;
        }
    }

    /** Objects changed outside Strata since the latest apply. */
    record Drifted(Instant snapshotTakenAt, List<DriftItem> items) implements SchemaDrift {
        public Drifted {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("drift without items is InSync");
            }
            items = List.copyOf(items);
        }

        @Override
        public String summary() {
            int n = items.size();
            return n + (n == 1 ? " object" : " objects") + " changed by hand since the catalog snapshot of "
                    + snapshotTakenAt;
        }
    }

    /** The answer for a snapshot and the live catalog. */
    static SchemaDrift between(CatalogSnapshot snapshot, Catalog live) {
        List<DriftItem> items = SchemaDiff.compare(snapshot.catalog(), live);
        return items.isEmpty() ? new InSync(snapshot.takenAt()) : new Drifted(snapshot.takenAt(), items);
    }
}
