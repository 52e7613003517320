package io.strata.access.diff;

import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One change the differ found, before any SQL is written: a closed set, one record per kind of
 * statement. The dialect's planner turns each into exactly one statement.
 */
public sealed interface AccessChange {

    /** Role attributes the spec manages. */
    record RoleAttributes(boolean login, boolean inherit, int connectionLimit) {}

    record CreateRole(String role, String host, RoleAttributes attributes, String declaredAt) implements AccessChange {}

    record AlterRole(String role, String host, RoleAttributes from, RoleAttributes to) implements AccessChange {}

    /** Sets (or, with an empty comment, removes) a role's comment. */
    record CommentRole(String role, String host, String comment) implements AccessChange {}

    /** {@code REASSIGN OWNED BY role TO to}, before a pruned role is dropped. */
    record ReassignOwned(String role, String to) implements AccessChange {}

    record DropRole(String role, String host) implements AccessChange {}

    record GrantMembership(String role, String member, String memberHost) implements AccessChange {}

    record RevokeMembership(String role, String member, String memberHost) implements AccessChange {}

    /**
     * {@code GRANT privileges ON object TO grantee}. {@code addsOption} marks a grant that only adds
     * the grant option to privileges already held.
     */
    record Grant(String grantee, ObjectRef object, Set<Privilege> privileges, boolean grantOption, boolean addsOption,
            boolean objectMissing, String declaredAt) implements AccessChange {
        public Grant {
            privileges = Collections.unmodifiableSet(EnumSet.copyOf(privileges));
        }
    }

    /**
     * {@code GRANT privileges ON ALL <kind> IN SCHEMA schema TO grantee}: a pattern grant, also
     * covering objects that pending migrations create in this apply.
     *
     * @param lacking the existing objects that do not have them yet (empty when only future objects need it)
     * @param schemaMissing the schema does not exist yet
     */
    record GrantAllInSchema(String grantee, ObjectKind kind, String schema, Set<Privilege> privileges,
            boolean grantOption, List<ObjectRef> lacking, boolean schemaMissing, String declaredAt)
            implements AccessChange {
        public GrantAllInSchema {
            privileges = Collections.unmodifiableSet(EnumSet.copyOf(privileges));
            lacking = List.copyOf(lacking);
        }
    }

    /**
     * {@code REVOKE [GRANT OPTION FOR] privileges ON object FROM grantee [GRANTED BY grantor] [CASCADE]}.
     *
     * @param grantedBy the grantor to name, or empty to revoke as the owner does
     * @param optionOnly only the grant option goes; the privileges stay
     * @param cascade also revoke what the grantee granted on with its grant option
     */
    /**
     * @param lendSchemaUsage the grantor revokes as itself but holds no USAGE on the object's schema
     *     of its own, so it is lent for the revoke and taken back: it cannot name the object otherwise
     */
    record Revoke(String grantee, ObjectRef object, Set<Privilege> privileges, String grantedBy, boolean optionOnly,
            boolean cascade, boolean lendSchemaUsage) implements AccessChange {
        public Revoke {
            privileges = Collections.unmodifiableSet(EnumSet.copyOf(privileges));
            Objects.requireNonNull(grantedBy, "grantedBy");
        }
    }

    /**
     * {@code ALTER DEFAULT PRIVILEGES FOR ROLE creator IN SCHEMA schema GRANT|REVOKE ... ON <kind>}.
     *
     * @param grant true to grant, false to revoke
     * @param optionOnly with {@code grant = false}: revoke only the grant option
     */
    record AlterDefaults(String creator, String schema, ObjectKind kind, String grantee, Set<Privilege> privileges,
            boolean grantOption, boolean grant, boolean optionOnly) implements AccessChange {
        public AlterDefaults {
            privileges = Collections.unmodifiableSet(EnumSet.copyOf(privileges));
        }
    }
}
