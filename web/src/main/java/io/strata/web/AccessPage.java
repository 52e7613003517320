package io.strata.web;

import io.strata.access.AccessLayer;

/** Roles, memberships and grants: the differences between the spec and the catalog. */
final class AccessPage implements Page {

    @Override
    public String id() {
        return "access";
    }

    @Override
    public String title() {
        return "Access";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        Fragments.status(out, s.layer(AccessLayer.NAME));
        s.layer(AccessLayer.NAME).ifPresent(l ->
                Fragments.groups(out, l.status(), "Differences per role and object", "Role"));
    }
}
