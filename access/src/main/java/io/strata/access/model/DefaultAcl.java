package io.strata.access.model;

import java.util.Objects;

/**
 * A default privilege: objects of {@code kind} that {@code creator} creates in {@code schema} are
 * granted {@code privilege} to {@code grantee} as they are created.
 */
public record DefaultAcl(String creator, String schema, ObjectKind kind, String grantee, Privilege privilege,
        boolean grantOption) {
    public DefaultAcl {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(privilege, "privilege");
    }

    /** The same default privilege, ignoring the grant option. */
    public DefaultAcl withoutOption() {
        return grantOption ? new DefaultAcl(creator, schema, kind, grantee, privilege, false) : this;
    }
}
