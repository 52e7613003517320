package io.strata.access.diff;

import io.strata.access.diff.AccessChange.AlterDefaults;
import io.strata.access.diff.AccessChange.Grant;
import io.strata.access.diff.AccessChange.Revoke;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectRef;
import io.strata.access.spec.AccessSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access layer's differ: compares the spec with the live catalog and lists the changes that
 * make the live system match, in apply order. Pure: no I/O, same inputs, same output.
 *
 * <p>Order: roles are created or altered first; then privileges and default privileges are
 * revoked, then granted; then memberships; pruned roles are dropped last, once nothing refers to
 * them any more.
 */
public final class GrantDiffer {

    private GrantDiffer() {}

    /** With PostgreSQL's rules: patterns are grants on existing objects plus default privileges. */
    public static AccessDiff diff(AccessSpec spec, AccessCatalog live) {
        return diff(spec, live, DiffRules.POSTGRESQL);
    }

    public static AccessDiff diff(AccessSpec spec, AccessCatalog live, DiffRules rules) {
        if (!spec.declared()) {
            return new AccessDiff(List.of(), List.of(), List.of());
        }
        Scope scope = new Scope(spec, live);
        RoleDiffer roles = new RoleDiffer(spec, live, scope, rules);
        roles.run();
        PrivilegeDiffer privileges = new PrivilegeDiffer(spec, live, scope, rules);
        privileges.run();
        List<AccessChange> changes = new ArrayList<>();
        changes.addAll(roles.roles);
        changes.addAll(privileges.revokes);
        changes.addAll(privileges.grants);
        changes.addAll(roles.memberships);
        changes.addAll(roles.drops);
        List<String> warnings = new ArrayList<>(roles.warnings);
        warnings.addAll(privileges.warnings);
        warnings.addAll(executorWarnings(changes, live, scope));
        return new AccessDiff(changes, warnings, roles.unmanaged);
    }

    /** Statements the role Strata connects as will not be allowed to run, said before apply. */
    private static List<String> executorWarnings(List<AccessChange> changes, AccessCatalog live, Scope scope) {
        if (live.executorIsSuperuser()) {
            return List.of();
        }
        Set<String> mine = scope.executorRoles();
        Map<String, List<ObjectRef>> foreign = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (AccessChange change : changes) {
            ObjectRef object = change instanceof Grant g ? g.object() : change instanceof Revoke r ? r.object() : null;
            if (object != null && live.exists(object) && !live.ownerOf(object).isEmpty()
                    && !mine.contains(live.ownerOf(object))) {
                foreign.computeIfAbsent(live.ownerOf(object), k -> new ArrayList<>()).add(object);
            }
            if (change instanceof Revoke r && !r.grantedBy().isEmpty() && !mine.contains(r.grantedBy())) {
                warnings.add("revoking what " + Names.role(r.grantedBy()) + " granted on " + r.object().display()
                        + " needs membership in " + Names.role(r.grantedBy()) + ", which " + Names.role(live.executor())
                        + " lacks: the REVOKE will fail");
            }
            if (change instanceof AlterDefaults d && !mine.contains(d.creator())) {
                warnings.add("default privileges for " + Names.role(d.creator()) + " need membership in it, which "
                        + Names.role(live.executor()) + " lacks: ALTER DEFAULT PRIVILEGES will fail");
            }
        }
        foreign.forEach((owner, objects) -> warnings.add(Names.role(live.executor()) + " neither owns nor is a member of "
                + Names.role(owner) + ", the owner of " + objects.size() + " object(s) this plan grants or revokes on"
                + " (e.g. " + objects.get(0).display() + "): those statements will fail"));
        return warnings;
    }
}
