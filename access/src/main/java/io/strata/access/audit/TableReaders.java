package io.strata.access.audit;

import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.Membership;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who may read a table according to the live catalog: the roles holding {@code SELECT} on it (on
 * MySQL also on {@code db.*}), owners included, and the members of those roles, through chains of
 * memberships. Deliberately simple: it does not check {@code USAGE} on the schema nor column
 * grants, and a superuser reads everything without being listed. {@link EffectivePrivileges}
 * answers the same question for a spec.
 */
public final class TableReaders {

    /**
     * A role that may read the table.
     *
     * @param role the role ({@link Names#PUBLIC} for everyone)
     * @param via the chain from the role to the grant's holder, e.g. {@code [alice, analyst]}; one element when direct
     * @param needsSetRole a NOINHERIT member along the chain must SET ROLE first
     */
    public record Reader(String role, List<String> via, boolean needsSetRole) {
        public Reader {
            via = List.copyOf(via);
        }

        public boolean direct() {
            return via.size() == 1;
        }
    }

    private final Map<ObjectRef, List<String>> grantees;
    private final Map<String, List<String>> membersOf;
    private final Map<String, Role> roles;

    private TableReaders(Map<ObjectRef, List<String>> grantees, Map<String, List<String>> membersOf,
            Map<String, Role> roles) {
        this.grantees = grantees;
        this.membersOf = membersOf;
        this.roles = roles;
    }

    /** Indexes the catalog's SELECT grants and memberships once, for many tables. */
    public static TableReaders of(AccessCatalog catalog) {
        Map<ObjectRef, List<String>> grantees = new HashMap<>();
        for (AclEntry grant : catalog.grants()) {
            if (grant.privilege() == Privilege.SELECT && grant.object().kind() == ObjectKind.TABLE) {
                List<String> holders = grantees.computeIfAbsent(grant.object(), o -> new ArrayList<>());
                if (!holders.contains(grant.grantee())) {
                    holders.add(grant.grantee());
                }
            }
        }
        Map<String, List<String>> membersOf = new TreeMap<>();
        for (Membership m : catalog.memberships()) {
            membersOf.computeIfAbsent(m.role(), r -> new ArrayList<>()).add(m.member());
        }
        membersOf.values().forEach(members -> members.sort(null));
        return new TableReaders(grantees, membersOf, catalog.roles());
    }

    /** The readers of {@code schema.table}, the direct ones first, then by name; PUBLIC when everyone may read. */
    public List<Reader> of(String schema, String table) {
        List<String> direct = new ArrayList<>(grantees.getOrDefault(ObjectRef.table(schema, table), List.of()));
        grantees.getOrDefault(ObjectRef.table(schema, "*"), List.of()).stream().filter(r -> !direct.contains(r))
                .forEach(direct::add);
        direct.sort(null);
        Map<String, Reader> found = new LinkedHashMap<>();
        Deque<Reader> todo = new ArrayDeque<>();
        direct.forEach(role -> todo.add(new Reader(role, List.of(role), false)));
        while (!todo.isEmpty()) {
            Reader reader = todo.poll();
            Reader before = found.get(reader.role());
            if (before != null && !(before.needsSetRole() && !reader.needsSetRole())) {
                continue; // breadth first: the shortest chain came first; keep it unless this one needs no SET ROLE
            }
            found.put(reader.role(), reader);
            if (reader.role().equals(Names.PUBLIC)) {
                continue;
            }
            for (String member : membersOf.getOrDefault(reader.role(), List.of())) {
                if (!reader.via().contains(member)) {
                    List<String> via = new ArrayList<>();
                    via.add(member);
                    via.addAll(reader.via());
                    Role role = roles.get(member);
                    todo.add(new Reader(member, via, reader.needsSetRole() || (role != null && !role.inherit())));
                }
            }
        }
        return List.copyOf(found.values());
    }
}
