package io.strata.access.model;

import java.util.Objects;

/**
 * One privilege held on one object, as the live catalog records it (one row of
 * {@code aclexplode}).
 *
 * @param grantee the role holding it, or {@link Names#PUBLIC}
 * @param object what it is held on
 * @param privilege the privilege
 * @param grantOption whether the grantee may grant it on
 * @param grantor who granted it (PostgreSQL records one entry per grantor); empty when unknown
 */
public record AclEntry(String grantee, ObjectRef object, Privilege privilege, boolean grantOption, String grantor) {
    public AclEntry {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(grantor, "grantor");
    }
}
