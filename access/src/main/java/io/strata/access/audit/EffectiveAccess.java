package io.strata.access.audit;

import io.strata.access.audit.MembershipChains.Chain;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each role of an {@link AccessGraph} can use, and how: directly, through a chain of
 * memberships (after SET ROLE when a member along it does not inherit), or through PUBLIC, which
 * every role is part of. Superusers bypass privileges; they are answered like the others, and the
 * caller says so. Questions are answered on demand from the chains, computed once per role, so a
 * matrix of every role and object costs a few lookups per cell.
 */
public final class EffectiveAccess {

    /**
     * Why a role holds a privilege.
     *
     * @param via the chain from the role to the holder of the grant, both included; {@code [role, public]} through PUBLIC
     * @param needsSetRole the role must SET ROLE to the holder first
     */
    public record Route(List<String> via, boolean needsSetRole) {

        public Route {
            via = List.copyOf(via);
        }

        /** The role (or PUBLIC) the privilege is granted to. */
        public String holder() {
            return via.get(via.size() - 1);
        }

        public boolean direct() {
            return via.size() == 1;
        }

        /** Held because PUBLIC holds it (not PUBLIC's own grant). */
        public boolean viaPublic() {
            return via.size() > 1 && holder().equals(Names.PUBLIC);
        }

        /** {@code direct}, {@code PUBLIC}, {@code via alice → analyst}, or with {@code (after SET ROLE analyst)}. */
        public String describe() {
            if (direct()) {
                return "direct";
            }
            if (viaPublic()) {
                return "PUBLIC";
            }
            return "via " + String.join(" → ", via.stream().map(Names::role).toList())
                    + (needsSetRole ? " (after SET ROLE " + Names.role(holder()) + ")" : "");
        }
    }

    private static final Comparator<Route> BEST_FIRST = Comparator.comparing(Route::needsSetRole)
            .thenComparingInt(r -> r.via().size());

    private final AccessGraph graph;
    private final MembershipChains memberships;
    private final Map<String, List<Route>> routes;

    public EffectiveAccess(AccessGraph graph) {
        this.graph = graph;
        this.memberships = new MembershipChains(graph::groupsOf, graph::inherits);
        Map<String, List<Route>> byRole = new HashMap<>();
        for (String role : graph.roles().keySet()) {
            byRole.put(role, walk(role));
        }
        this.routes = Map.copyOf(byRole);
    }

    /**
     * The privileges {@code role} holds on {@code object}, each by its best route (no SET ROLE over
     * SET ROLE, then the shortest chain); empty when none. For PUBLIC, what PUBLIC holds.
     */
    public Map<Privilege, Route> on(String role, ObjectRef object) {
        Map<Privilege, Route> held = null;
        for (Route route : routes(role)) {
            Set<Privilege> privileges = graph.grantsOf(route.holder()).get(object);
            if (privileges == null) {
                continue;
            }
            if (held == null) {
                held = new EnumMap<>(Privilege.class);
            }
            for (Privilege p : privileges) {
                held.putIfAbsent(p, route);
            }
        }
        return held == null ? Map.of() : Collections.unmodifiableMap(held);
    }

    /**
     * Everything {@code role} holds, per object, each privilege by its best route: one pass over the
     * grants of the roles it reaches, for callers that ask about many objects.
     */
    public Map<ObjectRef, Map<Privilege, Route>> all(String role) {
        Map<ObjectRef, Map<Privilege, Route>> held = new HashMap<>();
        for (Route route : routes(role)) {
            for (Map.Entry<ObjectRef, Set<Privilege>> grant : graph.grantsOf(route.holder()).entrySet()) {
                Map<Privilege, Route> on = held.computeIfAbsent(grant.getKey(), k -> new EnumMap<>(Privilege.class));
                for (Privilege p : grant.getValue()) {
                    on.putIfAbsent(p, route);
                }
            }
        }
        held.replaceAll((object, on) -> Collections.unmodifiableMap(on));
        return Collections.unmodifiableMap(held);
    }

    /** The routes from {@code role} to every role (PUBLIC included) holding a grant it can use, best first. */
    public List<Route> routes(String role) {
        List<Route> known = routes.get(role);
        return known != null ? known : walk(role);
    }

    private List<Route> walk(String role) {
        List<Route> found = new ArrayList<>();
        for (Chain chain : memberships.from(role).values()) {
            if (!graph.grantsOf(chain.group()).isEmpty()) {
                found.add(new Route(chain.via(), chain.needsSetRole()));
            }
        }
        if (!role.equals(Names.PUBLIC) && !graph.grantsOf(Names.PUBLIC).isEmpty()) {
            found.add(new Route(List.of(role, Names.PUBLIC), false));
        }
        found.sort(BEST_FIRST);
        return List.copyOf(found);
    }
}
