package io.strata.web;

import io.strata.storage.StorageLayer;

/** Migrations and schema drift. */
final class StoragePage implements Page {

    @Override
    public String id() {
        return "storage";
    }

    @Override
    public String title() {
        return "Storage";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        Fragments.status(out, s.layer(StorageLayer.NAME));
        s.layer(StorageLayer.NAME).ifPresent(l ->
                Fragments.groups(out, l.status(), "Migrations and schema drift", "Migration or object"));
    }
}
