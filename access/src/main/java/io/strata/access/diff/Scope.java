package io.strata.access.diff;

import io.strata.access.model.AccessCatalog;
import io.strata.access.model.Membership;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Role;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.RoleNames;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the spec manages on this server: which roles (all but the system roles, superusers, the
 * role Strata connects as, {@code ignore:} and, when set, those outside {@code managed_roles:}) and
 * which objects (the database, the managed schemas and everything in them).
 */
public final class Scope {

    private final AccessSpec spec;
    private final AccessCatalog live;
    private final RoleNames roleNames;
    private final Set<String> managedSchemas;
    private final Set<String> creators;
    private final Map<String, Boolean> managed = new HashMap<>();

    public Scope(AccessSpec spec, AccessCatalog live) {
        this.spec = spec;
        this.live = live;
        this.roleNames = RoleNames.forDialect(live.dialect());
        this.managedSchemas = spec.managedSchemas();
        this.creators = new LinkedHashSet<>(spec.creators().isEmpty() ? List.of(live.executor()) : spec.creators());
    }

    /** Whether Strata may change this role's privileges and memberships (PUBLIC: when {@code public:} is declared). */
    public boolean managesRole(String role) {
        return managed.computeIfAbsent(role, this::decide);
    }

    private boolean decide(String role) {
        if (Names.PUBLIC.equals(role)) {
            return spec.publicManaged();
        }
        if (role.equals(live.executor()) || roleNames.isSystem(role)) {
            return false;
        }
        Role known = live.roles().get(role);
        if (known != null && known.superuser()) {
            return false;
        }
        if (spec.ignore().stream().anyMatch(p -> p.matches(role))) {
            return false;
        }
        return spec.managedRoles().isEmpty() || spec.managedRoles().stream().anyMatch(p -> p.matches(role));
    }

    /** Why a declared role is not managed, or null when it is. */
    public String whyNotManaged(String role) {
        if (role.equals(live.executor())) {
            return "it is the role Strata connects as";
        }
        Role known = live.roles().get(role);
        if (known != null && known.superuser()) {
            return "it is a superuser";
        }
        return managesRole(role) ? null : "it is ignored";
    }

    public boolean managesSchema(String schema) {
        return managedSchemas.contains(schema);
    }

    public boolean managesObject(ObjectRef object) {
        return object.kind() == ObjectKind.DATABASE || managedSchemas.contains(object.schema());
    }

    /** The roles whose future objects pattern grants cover. */
    public Set<String> creators() {
        return creators;
    }

    /** The role Strata connects as and every role it is a member of, directly or not. */
    public Set<String> executorRoles() {
        Set<String> roles = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(live.executor()));
        while (!todo.isEmpty()) {
            String role = todo.pop();
            if (roles.add(role)) {
                for (Membership m : live.memberships()) {
                    if (m.member().equals(role)) {
                        todo.push(m.role());
                    }
                }
            }
        }
        return roles;
    }
}
