package io.strata.access.audit;

import io.strata.access.model.Names;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.GrantRule;
import io.strata.access.spec.RoleSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds what according to a spec, effectively: directly, through chains of memberships (a
 * member uses its groups' privileges when it inherits, else only after SET ROLE), and through
 * PUBLIC. Pure: it reads the spec only, so it answers for any commit of the history.
 */
public final class EffectivePrivileges {

    /**
     * A role that holds the privilege.
     *
     * @param role the role ({@link Names#PUBLIC} for everyone)
     * @param login whether it can log in
     * @param via the chain from the role to the grant's holder, e.g. {@code [alice, analyst]}; one element when direct
     * @param needsSetRole a NOINHERIT member along the chain must SET ROLE first
     * @param rule the declared grant it comes from
     */
    public record Holder(String role, boolean login, List<String> via, boolean needsSetRole, GrantRule rule) {}

    private final AccessSpec spec;

    public EffectivePrivileges(AccessSpec spec) {
        this.spec = spec;
    }

    /** Whether a declared grant gives {@code privilege} on {@code object}. */
    public static boolean covers(GrantRule rule, Privilege privilege, ObjectRef object) {
        if (rule.kind() != object.kind() || !rule.privileges().containsKey(privilege)) {
            return false;
        }
        return rule.pattern() ? rule.object().schema().equals(object.schema()) : rule.object().equals(object);
    }

    /** Every role holding {@code privilege} on {@code object}, with how; PUBLIC first when it holds it. */
    public List<Holder> holders(Privilege privilege, ObjectRef object) {
        Map<String, Holder> found = new LinkedHashMap<>();
        for (GrantRule rule : spec.grants()) {
            if (!covers(rule, privilege, object)) {
                continue;
            }
            if (rule.grantee().equals(Names.PUBLIC)) {
                found.putIfAbsent(Names.PUBLIC, new Holder(Names.PUBLIC, false, List.of(Names.PUBLIC), false, rule));
                continue;
            }
            Deque<Holder> todo = new ArrayDeque<>();
            todo.add(new Holder(rule.grantee(), login(rule.grantee()), List.of(rule.grantee()), false, rule));
            while (!todo.isEmpty()) {
                Holder h = todo.poll();
                Holder before = found.get(h.role());
                if (before != null && !(before.needsSetRole() && !h.needsSetRole())) {
                    continue; // breadth first: the shortest chain came first; keep it unless this one needs no SET ROLE
                }
                found.put(h.role(), h);
                for (RoleSpec member : spec.roles().values()) {
                    if (member.memberOf().contains(h.role()) && !h.via().contains(member.name())) {
                        List<String> via = new ArrayList<>();
                        via.add(member.name());
                        via.addAll(h.via());
                        todo.add(new Holder(member.name(), member.login(), via, h.needsSetRole() || !member.inherit(),
                                h.rule()));
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** One privilege a role holds, and through which chain. */
    public record Held(GrantRule rule, List<String> via, boolean needsSetRole) {}

    /** Every declared grant a role benefits from, with the membership chain it comes through. */
    public List<Held> of(String role) {
        List<Held> held = new ArrayList<>();
        MembershipChains memberships = new MembershipChains(
                r -> spec.roles().containsKey(r) ? spec.roles().get(r).memberOf() : List.of(),
                r -> !spec.roles().containsKey(r) || spec.roles().get(r).inherit());
        for (MembershipChains.Chain chain : memberships.from(role).values()) {
            for (GrantRule rule : spec.grants()) {
                if (rule.grantee().equals(chain.group())) {
                    held.add(new Held(rule, chain.via(), chain.needsSetRole()));
                }
            }
        }
        for (GrantRule rule : spec.grants()) {
            if (rule.grantee().equals(Names.PUBLIC)) {
                held.add(new Held(rule, List.of(role, Names.PUBLIC), false));
            }
        }
        return held;
    }

    private boolean login(String role) {
        RoleSpec r = spec.roles().get(role);
        return r != null && r.login();
    }

    /** Parses an object as the CLI takes it: {@code marts.customers}, {@code schema:marts}, {@code database}, ... */
    public static ObjectRef parseObject(String text) {
        return ObjectArgument.parse(text);
    }
}
