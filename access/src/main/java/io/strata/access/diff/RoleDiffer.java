package io.strata.access.diff;

import io.strata.access.diff.AccessChange.AlterRole;
import io.strata.access.diff.AccessChange.CommentRole;
import io.strata.access.diff.AccessChange.CreateRole;
import io.strata.access.diff.AccessChange.DropRole;
import io.strata.access.diff.AccessChange.GrantMembership;
import io.strata.access.diff.AccessChange.ReassignOwned;
import io.strata.access.diff.AccessChange.RevokeMembership;
import io.strata.access.diff.AccessChange.RoleAttributes;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.Membership;
import io.strata.access.model.Names;
import io.strata.access.model.Role;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.RoleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Roles, their attributes and memberships; undeclared roles are reported, and dropped only with {@code prune_roles}. */
final class RoleDiffer {

    private final AccessSpec spec;
    private final AccessCatalog live;
    private final Scope scope;
    private final DiffRules rules;
    final List<AccessChange> roles = new ArrayList<>();
    final List<AccessChange> memberships = new ArrayList<>();
    final List<AccessChange> drops = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> unmanaged = new ArrayList<>();

    RoleDiffer(AccessSpec spec, AccessCatalog live, Scope scope, DiffRules rules) {
        this.spec = spec;
        this.rules = rules;
        this.live = live;
        this.scope = scope;
    }

    void run() {
        Set<Membership> wanted = new HashSet<>();
        for (RoleSpec role : spec.roles().values()) {
            if (!scope.managesRole(role.name())) {
                warnings.add("role " + Names.role(role.name()) + " (" + role.location().describe() + ") is not managed: "
                        + scope.whyNotManaged(role.name()));
                continue;
            }
            attributes(role);
            for (String group : role.memberOf()) {
                wanted.add(new Membership(group, role.name()));
            }
        }
        for (Membership m : sorted(wanted)) {
            if (!live.memberships().contains(m)) {
                memberships.add(new GrantMembership(m.role(), m.member(), hostOf(m.member())));
            }
        }
        for (Membership m : sorted(live.memberships())) {
            if (wanted.contains(m) || !scope.managesRole(m.member())) {
                continue;
            }
            boolean memberDeclared = spec.roles().containsKey(m.member());
            boolean groupDeclared = spec.roles().containsKey(m.role());
            if (memberDeclared || groupDeclared) {
                memberships.add(new RevokeMembership(m.role(), m.member(), hostOf(m.member())));
            }
        }
        for (Role role : live.roles().values()) {
            if (!spec.roles().containsKey(role.name()) && scope.managesRole(role.name())) {
                unmanaged.add(role.name());
                if (spec.pruneRoles()) {
                    spec.reassignOwnedToRole().ifPresent(to -> drops.add(new ReassignOwned(role.name(), to)));
                    drops.add(new DropRole(role.name(), role.host()));
                }
            }
        }
    }

    private void attributes(RoleSpec role) {
        RoleAttributes want = new RoleAttributes(role.login(), !rules.roleInherit() || role.inherit(),
                role.connectionLimit());
        Role now = live.roles().get(role.name());
        if (now == null) {
            roles.add(new CreateRole(role.name(), role.host(), want, role.location().describe()));
            if (rules.roleComments() && !role.comment().isEmpty()) {
                roles.add(new CommentRole(role.name(), role.host(), role.comment()));
            }
            return;
        }
        RoleAttributes have = new RoleAttributes(now.login(), now.inherit(), now.connectionLimit());
        if (!have.equals(want)) {
            roles.add(new AlterRole(role.name(), now.host(), have, want));
        }
        if (rules.roleComments() && !now.comment().equals(role.comment())) {
            roles.add(new CommentRole(role.name(), now.host(), role.comment()));
        }
    }

    private String hostOf(String role) {
        RoleSpec declared = spec.roles().get(role);
        if (declared != null) {
            return declared.host();
        }
        Role known = live.roles().get(role);
        return known == null ? "" : known.host();
    }

    private static List<Membership> sorted(Set<Membership> memberships) {
        Set<Membership> sorted = new TreeSet<>((a, b) -> a.member().equals(b.member())
                ? a.role().compareTo(b.role()) : a.member().compareTo(b.member()));
        sorted.addAll(memberships);
        return new ArrayList<>(sorted);
    }
}
