package io.strata.access.spec;

import io.strata.access.model.ObjectKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access spec: every {@code access/*.yaml} file of the platform, merged and validated.
 *
 * @param files the files read, relative to the platform root; empty when there is no {@code access/}
 *     folder, and then Strata manages no access at all
 * @param roles declared roles by name, in declaration order
 * @param grants every declared grant, PUBLIC's included
 * @param publicManaged whether the spec has a {@code public:} section, so PUBLIC's privileges are managed
 * @param ignore roles Strata never touches, besides the system roles and the role it connects as
 * @param managedRoles when not empty, only roles matching one of these are managed
 * @param extraSchemas schemas managed although no grant names them (so that nobody holds anything there)
 * @param creators the roles whose future objects pattern grants cover with default privileges;
 *     empty means the role Strata connects as (the one that runs the migrations)
 * @param pruneRoles drop managed roles that the spec does not declare
 * @param reassignOwnedTo who gets a pruned role's objects, or null
 */
public record AccessSpec(
        List<String> files,
        Map<String, RoleSpec> roles,
        List<GrantRule> grants,
        boolean publicManaged,
        List<RolePattern> ignore,
        List<RolePattern> managedRoles,
        Set<String> extraSchemas,
        List<String> creators,
        boolean pruneRoles,
        String reassignOwnedTo) {

    public AccessSpec {
        files = List.copyOf(files);
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        grants = List.copyOf(grants);
        ignore = List.copyOf(ignore);
        managedRoles = List.copyOf(managedRoles);
        extraSchemas = Collections.unmodifiableSet(new TreeSet<>(extraSchemas));
        creators = List.copyOf(creators);
    }

    /** No {@code access/} files: the layer plans nothing. */
    public static AccessSpec none() {
        return new AccessSpec(List.of(), Map.of(), List.of(), false, List.of(), List.of(), Set.of(), List.of(),
                false, null);
    }

    /** Whether the platform declares access at all. */
    public boolean declared() {
        return !files.isEmpty();
    }

    /** Every schema the spec manages: those its grants name, plus {@code managed_schemas}. */
    public Set<String> managedSchemas() {
        Set<String> schemas = new TreeSet<>(extraSchemas);
        for (GrantRule g : grants) {
            if (g.kind() != ObjectKind.DATABASE) {
                schemas.add(g.object().schema());
            }
        }
        return schemas;
    }

    public Optional<String> reassignOwnedToRole() {
        return Optional.ofNullable(reassignOwnedTo);
    }
}
