package io.strata.access.audit;

import io.strata.access.model.AccessCatalog;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read a table according to the live catalog: every role that holds {@code SELECT} on it
 * (on MySQL also on {@code db.*}) directly, as its owner, or through chains of memberships, as
 * {@link EffectiveAccess} answers for the access matrix, so that the lineage page and the access
 * page cannot disagree. PUBLIC is listed once when it holds the privilege, rather than every role
 * through it. Schema {@code USAGE} and column grants are not checked; a superuser reads everything
 * without being listed.
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

    private static final Comparator<Reader> SHORTEST_CHAIN_FIRST = Comparator.<Reader>comparingInt(r -> r.via().size())
            .thenComparing(Reader::role);

    /** Per table (and MySQL's {@code db.*}), each role's best route to SELECT on it, PUBLIC's included. */
    private final Map<ObjectRef, Map<String, EffectiveAccess.Route>> selectors;

    private TableReaders(Map<ObjectRef, Map<String, EffectiveAccess.Route>> selectors) {
        this.selectors = selectors;
    }

    /** Indexes the catalog's grants and memberships once, for many tables: one pass per role over what it reaches. */
    public static TableReaders of(AccessCatalog catalog) {
        AccessGraph graph = AccessGraph.live(catalog);
        EffectiveAccess access = new EffectiveAccess(graph);
        // Grantees too: a grant may name a role the catalog does not list (an owner outside the managed ones).
        Set<String> roles = new TreeSet<>(graph.roles().keySet());
        roles.addAll(graph.grantees());
        Map<ObjectRef, Map<String, EffectiveAccess.Route>> selectors = new HashMap<>();
        for (String role : roles) {
            access.all(role).forEach((object, held) -> {
                EffectiveAccess.Route route = held.get(Privilege.SELECT);
                if (route != null && object.kind() == ObjectKind.TABLE) {
                    selectors.computeIfAbsent(object, k -> new HashMap<>()).put(role, route);
                }
            });
        }
        return new TableReaders(selectors);
    }

    /** The readers of {@code schema.table}: the shortest chains first, then by name; PUBLIC when everyone may read. */
    public List<Reader> of(String schema, String table) {
        Map<String, EffectiveAccess.Route> onTable = selectors.getOrDefault(ObjectRef.table(schema, table), Map.of());
        Map<String, EffectiveAccess.Route> onEveryTable = selectors.getOrDefault(ObjectRef.table(schema, "*"), Map.of());
        Set<String> roles = new HashSet<>(onTable.keySet());
        roles.addAll(onEveryTable.keySet());
        List<Reader> found = new ArrayList<>();
        for (String role : roles) {
            EffectiveAccess.Route route = onTable.getOrDefault(role, onEveryTable.get(role));
            if (!route.viaPublic()) {
                found.add(new Reader(role, route.via(), route.needsSetRole()));
            }
        }
        found.sort(SHORTEST_CHAIN_FIRST);
        return List.copyOf(found);
    }
}
