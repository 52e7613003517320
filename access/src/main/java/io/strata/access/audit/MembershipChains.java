package io.strata.access.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The roles a role can use the privileges of, through chains of memberships: itself, its groups,
 * their groups, and so on. A member uses its groups' privileges when it inherits; through a member
 * that does not (NOINHERIT), only after SET ROLE. Whether the memberships come from a spec or from
 * the live catalog is the caller's business.
 */
public final class MembershipChains {

    /**
     * How a role reaches a group.
     *
     * @param via the chain from the role to the group, both included; one element for the role itself
     * @param needsSetRole a member along the chain does not inherit, so the group's privileges need SET ROLE
     */
    public record Chain(List<String> via, boolean needsSetRole) {
        public Chain {
            via = List.copyOf(via);
        }

        /** The role at the end of the chain, whose privileges it leads to. */
        public String group() {
            return via.get(via.size() - 1);
        }
    }

    private final Function<String, Collection<String>> groupsOf;
    private final Predicate<String> inherits;

    /**
     * @param groupsOf the roles a role is a direct member of
     * @param inherits whether a role uses its groups' privileges without SET ROLE
     */
    public MembershipChains(Function<String, Collection<String>> groupsOf, Predicate<String> inherits) {
        this.groupsOf = groupsOf;
        this.inherits = inherits;
    }

    /**
     * Every role {@code role} reaches, itself first, each by its best chain: one needing no SET ROLE
     * over one that does, then the shortest (breadth first). Cycles end where they close.
     */
    public Map<String, Chain> from(String role) {
        Map<String, Chain> chains = new LinkedHashMap<>();
        chains.put(role, new Chain(List.of(role), false));
        Deque<String> todo = new ArrayDeque<>(List.of(role));
        while (!todo.isEmpty()) {
            String current = todo.poll();
            Chain chain = chains.get(current);
            boolean setRole = chain.needsSetRole() || !inherits.test(current);
            for (String group : groupsOf.apply(current)) {
                Chain before = chains.get(group);
                // A chain is only replaced by one that needs no SET ROLE, so each role is queued at most twice.
                if (before == null || (before.needsSetRole() && !setRole)) {
                    List<String> via = new ArrayList<>(chain.via());
                    via.add(group);
                    chains.put(group, new Chain(via, setRole));
                    todo.add(group);
                }
            }
        }
        return chains;
    }
}
