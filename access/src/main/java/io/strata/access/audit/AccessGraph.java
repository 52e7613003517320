package io.strata.access.audit;

import io.strata.access.diff.DiffRules;
import io.strata.access.diff.Scope;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.Membership;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.GrantRule;
import io.strata.access.spec.RoleSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Roles, memberships and direct privileges, indexed by grantee: what {@link EffectiveAccess} walks.
 * Built from the live catalog as it is ({@link #live}), or as it would be once the spec is applied
 * ({@link #declared}), so that both answer the same questions the same way.
 *
 * <p>MySQL and MariaDB: a grant on {@code db.*} also counts on each live table of {@code db}, and an
 * account (a login role) uses the roles granted to it only after SET ROLE.
 */
public final class AccessGraph {

    /** A role's attributes that decide what it can use; {@code inherit}: it uses its groups' privileges without SET ROLE. */
    public record Member(String name, boolean login, boolean inherit, boolean superuser) {}

    private final Map<String, Member> roles;
    private final Map<String, List<String>> groups;
    private final Map<String, Map<ObjectRef, Set<Privilege>>> grants;

    private AccessGraph(Map<String, Member> roles, Map<String, List<String>> groups,
            Map<String, Map<ObjectRef, Set<Privilege>>> grants) {
        this.roles = Collections.unmodifiableMap(roles);
        this.groups = Collections.unmodifiableMap(groups);
        this.grants = Collections.unmodifiableMap(grants);
    }

    /** The catalog as it is: its roles, memberships and privileges (owners' included). */
    public static AccessGraph live(AccessCatalog live) {
        Builder b = new Builder(live);
        live.roles().values().forEach(r -> b.role(r.name(), r.login(), r.inherit(), r.superuser()));
        live.memberships().forEach(m -> b.member(m.member(), m.role()));
        live.grants().forEach(e -> b.grant(e.grantee(), e.object(), e.privilege()));
        return b.build();
    }

    /**
     * The catalog as applying the spec would leave it, by the differ's rules: managed roles hold what
     * the spec grants them on managed objects (patterns over the live objects) and are members of
     * what they declare; what the differ leaves alone (other roles, other schemas, owners' privileges,
     * memberships between undeclared roles) stays as live.
     */
    public static AccessGraph declared(AccessSpec spec, AccessCatalog live) {
        DiffRules rules = DiffRules.of(live.dialect());
        Scope scope = new Scope(spec, live);
        Builder b = new Builder(live);
        live.roles().values().forEach(r -> b.role(r.name(), r.login(), r.inherit(), r.superuser()));
        for (RoleSpec r : spec.roles().values()) {
            if (scope.managesRole(r.name())) {
                Role now = live.roles().get(r.name());
                b.role(r.name(), r.login(), !rules.roleInherit() || r.inherit(), now != null && now.superuser());
                r.memberOf().forEach(group -> b.member(r.name(), group));
            }
        }
        for (Membership m : live.memberships()) {
            boolean touched = scope.managesRole(m.member())
                    && (spec.roles().containsKey(m.member()) || spec.roles().containsKey(m.role()));
            if (!touched) {
                b.member(m.member(), m.role());
            }
        }
        for (AclEntry e : live.grants()) {
            if (!scope.managesObject(e.object()) || !scope.managesRole(e.grantee())
                    || e.grantee().equals(live.ownerOf(e.object()))) {
                b.grant(e.grantee(), e.object(), e.privilege());
            }
        }
        Map<ObjectKind, Map<String, List<ObjectRef>>> bySchema = objectsBySchema(live);
        for (GrantRule rule : spec.grants()) {
            if (!scope.managesRole(rule.grantee())) {
                continue;
            }
            List<ObjectRef> objects = !rule.pattern() ? List.of(rule.object())
                    : rules.patternsAreObjects() ? List.of(ObjectRef.of(rule.kind(), rule.object().schema(), "*", ""))
                    : bySchema.getOrDefault(rule.kind(), Map.of()).getOrDefault(rule.object().schema(), List.of());
            for (ObjectRef o : objects) {
                if (rule.grantee().equals(live.ownerOf(o))) {
                    continue; // an owner holds every privilege implicitly: its live entries are kept above
                }
                for (Privilege p : rule.privileges().keySet()) {
                    if (!(rules.schemaUsageImplicit() && p == Privilege.USAGE && o.kind() == ObjectKind.SCHEMA)) {
                        b.grant(rule.grantee(), o, p);
                    }
                }
            }
        }
        return b.build();
    }

    /** Every role the graph knows, live or declared, by name. */
    public Map<String, Member> roles() {
        return roles;
    }

    /** The roles {@code role} is a direct member of. */
    public List<String> groupsOf(String role) {
        return groups.getOrDefault(role, List.of());
    }

    public boolean inherits(String role) {
        Member m = roles.get(role);
        return m == null || m.inherit();
    }

    /** What {@code grantee} (a role or PUBLIC) holds directly, per object. */
    public Map<ObjectRef, Set<Privilege>> grantsOf(String grantee) {
        return grants.getOrDefault(grantee, Map.of());
    }

    /** Every grantee holding something directly, PUBLIC included. */
    public Set<String> grantees() {
        return grants.keySet();
    }

    private static Map<ObjectKind, Map<String, List<ObjectRef>>> objectsBySchema(AccessCatalog live) {
        Map<ObjectKind, Map<String, List<ObjectRef>>> bySchema = new HashMap<>();
        for (ObjectRef o : live.objectOwners().keySet()) {
            if (o.kind().inSchema()) {
                bySchema.computeIfAbsent(o.kind(), k -> new HashMap<>())
                        .computeIfAbsent(o.schema(), s -> new ArrayList<>()).add(o);
            }
        }
        return bySchema;
    }

    private static final class Builder {
        private final Map<String, Member> roles = new TreeMap<>();
        private final Map<String, List<String>> groups = new HashMap<>();
        private final Map<String, Map<ObjectRef, Set<Privilege>>> grants = new HashMap<>();
        private final Map<String, List<ObjectRef>> tablesBySchema;
        private final boolean mysql;

        Builder(AccessCatalog live) {
            tablesBySchema = objectsBySchema(live).getOrDefault(ObjectKind.TABLE, Map.of());
            mysql = "mysql".equals(live.dialect());
        }

        void role(String name, boolean login, boolean inherit, boolean superuser) {
            // MySQL and MariaDB: an account uses a role granted to it only once the role is active (SET ROLE,
            // or a default role, which Strata does not set); a role uses the roles granted to it while active.
            boolean inherits = mysql ? !login : inherit;
            roles.put(name, new Member(name, login, inherits, superuser));
        }

        void member(String member, String group) {
            List<String> of = groups.computeIfAbsent(member, k -> new ArrayList<>());
            if (!of.contains(group)) {
                of.add(group);
            }
        }

        void grant(String grantee, ObjectRef object, Privilege privilege) {
            Map<ObjectRef, Set<Privilege>> held = grants.computeIfAbsent(grantee, k -> new LinkedHashMap<>());
            held.computeIfAbsent(object, k -> EnumSet.noneOf(Privilege.class)).add(privilege);
            if (object.kind() == ObjectKind.TABLE && object.name().equals("*")) {
                for (ObjectRef table : tablesBySchema.getOrDefault(object.schema(), List.of())) {
                    held.computeIfAbsent(table, k -> EnumSet.noneOf(Privilege.class)).add(privilege);
                }
            }
        }

        AccessGraph build() {
            Map<String, List<String>> frozenGroups = new HashMap<>();
            groups.forEach((member, of) -> frozenGroups.put(member, List.copyOf(of)));
            Map<String, Map<ObjectRef, Set<Privilege>>> frozenGrants = new HashMap<>();
            grants.forEach((grantee, held) -> {
                held.replaceAll((object, privileges) -> Collections.unmodifiableSet(privileges));
                frozenGrants.put(grantee, Collections.unmodifiableMap(held));
            });
            return new AccessGraph(roles, frozenGroups, frozenGrants);
        }
    }
}
