package io.strata.access.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the live database says about roles and privileges, read in a few bulk queries. Plain data:
 * the differ compares it with the spec and never touches the database.
 *
 * @param dialect {@code postgresql} or {@code mysql}
 * @param serverVersion the server's major version (PostgreSQL 15 → 15)
 * @param database the database Strata connects to (its privileges are the {@code database} grants)
 * @param executor the role Strata connects as; never managed
 * @param roles every role of the server, by name
 * @param memberships who is a member of whom
 * @param schemaOwners every user schema and its owner (system schemas are left out)
 * @param objectOwners every table, view, sequence and function in those schemas, with its owner
 * @param grants the privileges held on the database, the schemas and those objects; owners'
 *     implicit privileges are included (the differ skips them)
 * @param defaults the default privileges set per schema
 */
public record AccessCatalog(
        String dialect,
        int serverVersion,
        String database,
        String executor,
        Map<String, Role> roles,
        Set<Membership> memberships,
        Map<String, String> schemaOwners,
        Map<ObjectRef, String> objectOwners,
        List<AclEntry> grants,
        List<DefaultAcl> defaults) {

    public AccessCatalog {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(executor, "executor");
        roles = Collections.unmodifiableMap(new TreeMap<>(roles));
        memberships = Set.copyOf(memberships);
        schemaOwners = Collections.unmodifiableMap(new TreeMap<>(schemaOwners));
        objectOwners = Collections.unmodifiableMap(new LinkedHashMap<>(objectOwners));
        grants = List.copyOf(grants);
        defaults = List.copyOf(defaults);
    }

    /** The owner of an object (the database owner for the database); null when the object does not exist. */
    public String ownerOf(ObjectRef object) {
        return switch (object.kind()) {
            case DATABASE -> objectOwners.get(object);
            case SCHEMA -> schemaOwners.get(object.schema());
            default -> objectOwners.get(object);
        };
    }

    public boolean exists(ObjectRef object) {
        return ownerOf(object) != null;
    }

    public boolean executorIsSuperuser() {
        Role role = roles.get(executor);
        return role != null && role.superuser();
    }
}
