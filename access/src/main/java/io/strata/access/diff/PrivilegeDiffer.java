package io.strata.access.diff;

import io.strata.access.diff.AccessChange.Grant;
import io.strata.access.diff.AccessChange.Revoke;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.Membership;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.GrantRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Grants and revokes of privileges on objects: declared (expanded over live objects for patterns)
 * against held. Owners' implicit privileges never count, a grant option is compared on its own,
 * and a privilege granted by several grantors is revoked once per grantor.
 */
final class PrivilegeDiffer {

    /** One privilege of one grantee on one object. */
    record Held(String grantee, ObjectRef object, Privilege privilege) {
        @Override
        public int hashCode() {
            int h = (grantee.hashCode() * 1_000_003 + object.hashCode()) * 31 + privilege.ordinal();
            return h ^ (h >>> 16);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Held o && privilege == o.privilege && object.equals(o.object)
                    && grantee.equals(o.grantee);
        }
    }

    /** Declared: with or without grant option, and by which rule. */
    private record Wanted(boolean option, GrantRule rule) {
        String declaredAt() {
            return rule.location().describe();
        }
    }

    private final AccessSpec spec;
    private final AccessCatalog live;
    private final Scope scope;
    private final boolean patternsAreObjects;
    private final boolean schemaUsageImplicit;
    private final Map<ObjectKind, Map<String, List<ObjectRef>>> objectsBySchema = new EnumMap<>(ObjectKind.class);
    final List<AccessChange> revokes = new ArrayList<>();
    final List<AccessChange> grants = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    PrivilegeDiffer(AccessSpec spec, AccessCatalog live, Scope scope, DiffRules rules) {
        this.spec = spec;
        this.live = live;
        this.scope = scope;
        this.patternsAreObjects = rules.patternsAreObjects();
        this.schemaUsageImplicit = rules.schemaUsageImplicit();
        for (ObjectRef o : live.objectOwners().keySet()) {
            if (o.kind().inSchema()) {
                objectsBySchema.computeIfAbsent(o.kind(), k -> new HashMap<>())
                        .computeIfAbsent(o.schema(), s -> new ArrayList<>()).add(o);
            }
        }
    }

    void run() {
        Map<Held, Wanted> wanted = new HashMap<>();
        List<GrantRule> patterns = new ArrayList<>();
        Set<String> skipped = new HashSet<>();
        for (GrantRule rule : spec.grants()) {
            if (!scope.managesRole(rule.grantee())) {
                if (skipped.add(rule.grantee())) {
                    warnings.add("the grants declared for " + Names.role(rule.grantee()) + " are not managed: "
                            + scope.whyNotManaged(rule.grantee()));
                }
                continue;
            }
            if (rule.pattern() && !patternsAreObjects) {
                patterns.add(rule);
                for (ObjectRef o : objects(rule.kind(), rule.object().schema())) {
                    want(wanted, rule, o);
                }
            } else {
                want(wanted, rule, rule.pattern() ? patternObject(rule) : rule.object());
            }
        }
        Map<Held, Map<String, Boolean>> held = held();
        Set<Held> cascaded = cascaded(wanted, held);

        Map<Held, Boolean> toGrant = new LinkedHashMap<>();
        Map<Held, Wanted> origin = new HashMap<>();
        for (Map.Entry<Held, Wanted> w : wanted.entrySet()) {
            Map<String, Boolean> grantors = held.get(w.getKey());
            boolean survives = grantors != null && grantors.keySet().stream()
                    .anyMatch(g -> !cascaded.contains(new Held(g, w.getKey().object(), w.getKey().privilege())));
            boolean hasOption = grantors != null && grantors.values().stream().anyMatch(b -> b);
            if (!survives || (w.getValue().option() && !hasOption)) {
                toGrant.put(w.getKey(), w.getValue().option());
                origin.put(w.getKey(), w.getValue());
            }
        }
        PatternPlanner patternPlanner = new PatternPlanner(live, scope, grants, objectsBySchema);
        patternPlanner.plan(patterns, toGrant);
        groupGrants(toGrant, origin, held);
        groupRevokes(wanted, held, cascaded);
        revokes.addAll(patternPlanner.defaultRevokes);
        if (!patternsAreObjects) {
            warnings.addAll(PatternPlanner.unmanagedDefaults(live, scope));
        }
    }

    private List<ObjectRef> objects(ObjectKind kind, String schema) {
        return objectsBySchema.getOrDefault(kind, Map.of()).getOrDefault(schema, List.of());
    }

    private static ObjectRef patternObject(GrantRule rule) {
        return ObjectRef.of(rule.kind(), rule.object().schema(), "*", "");
    }

    private void want(Map<Held, Wanted> wanted, GrantRule rule, ObjectRef object) {
        if (rule.grantee().equals(live.ownerOf(object))) {
            return; // an owner holds every privilege implicitly
        }
        Wanted plain = null;
        Wanted withOption = null;
        for (Map.Entry<Privilege, Boolean> p : rule.privileges().entrySet()) {
            if (schemaUsageImplicit && p.getKey() == Privilege.USAGE && object.kind() == ObjectKind.SCHEMA) {
                continue;
            }
            Held key = new Held(rule.grantee(), object, p.getKey());
            Wanted before = wanted.get(key);
            if (before == null || (p.getValue() && !before.option())) {
                Wanted w = p.getValue() ? (withOption == null ? withOption = new Wanted(true, rule) : withOption)
                        : (plain == null ? plain = new Wanted(false, rule) : plain);
                wanted.put(key, before == null ? w : new Wanted(true, before.rule()));
            }
        }
    }

    /** What managed roles hold on managed objects, by grantor (with whether it carries the grant option). */
    private Map<Held, Map<String, Boolean>> held() {
        Map<Held, Map<String, Boolean>> held = new HashMap<>();
        for (AclEntry e : live.grants()) {
            if (!scope.managesObject(e.object()) || !scope.managesRole(e.grantee())
                    || e.grantee().equals(live.ownerOf(e.object()))) {
                continue;
            }
            held.computeIfAbsent(new Held(e.grantee(), e.object(), e.privilege()), k -> new TreeMap<>())
                    .merge(e.grantor(), e.grantOption(), (a, b) -> a || b);
        }
        return held;
    }

    /**
     * The grant options this plan revokes, and, transitively, the grants they carried: revoking a
     * grant option with CASCADE also revokes what its holder granted on. Not when the holder keeps
     * the grant option through a role it is a member of (or the owner role): PostgreSQL then stops
     * the cascade at that holder, so what it granted on is revoked on its own (see {@link #routed}).
     */
    private Set<Held> cascaded(Map<Held, Wanted> wanted, Map<Held, Map<String, Boolean>> held) {
        Set<Held> cascaded = new HashSet<>();
        for (Map.Entry<Held, Map<String, Boolean>> h : held.entrySet()) {
            Wanted w = wanted.get(h.getKey());
            if ((w == null || !w.option()) && h.getValue().containsValue(true) && !routed(h.getKey())) {
                cascaded.add(h.getKey());
            }
        }
        boolean grew = !cascaded.isEmpty();
        while (grew) {
            grew = false;
            for (Map.Entry<Held, Map<String, Boolean>> h : held.entrySet()) {
                Held k = h.getKey();
                if (cascaded.contains(k) || !h.getValue().containsValue(true)) {
                    continue;
                }
                boolean allCascade = h.getValue().keySet().stream()
                        .allMatch(g -> cascaded.contains(new Held(g, k.object(), k.privilege())));
                if (allCascade && !routed(k)) {
                    cascaded.add(k);
                    grew = true;
                }
            }
        }
        return cascaded;
    }

    /** Per object and privilege: every role holding it with grant option (any grantor, managed or not). */
    private Map<Held, Boolean> optionHolders;
    private Map<String, List<String>> groups;
    private final Map<String, Set<String>> memberOf = new HashMap<>();

    /**
     * Whether the holder still has the grant option through another role once its own is revoked:
     * PostgreSQL's REVOKE ... CASCADE stops at a grantee that still holds the option via a role whose
     * privileges it has. Memberships are read as live (they change after the revokes); NOINHERIT is
     * not trusted (it is per membership on PostgreSQL 16+), so any membership counts: at worst a
     * grant is revoked explicitly, ahead of its grantor's (see {@link #dependentsFirst}).
     */
    private boolean routed(Held holder) {
        if (holder.grantee().isEmpty() || Names.PUBLIC.equals(holder.grantee())) {
            return false;
        }
        if (optionHolders == null) {
            optionHolders = new HashMap<>();
            for (AclEntry e : live.grants()) {
                if (e.grantOption()) {
                    optionHolders.put(new Held(e.grantee(), e.object(), e.privilege()), true);
                }
            }
        }
        String owner = live.ownerOf(holder.object());
        for (String role : rolesOf(holder.grantee())) {
            if (role.equals(owner) || optionHolders.containsKey(new Held(role, holder.object(), holder.privilege()))) {
                return true;
            }
        }
        return false;
    }

    /** The roles a role is a member of, directly or not (itself excluded). */
    private Set<String> rolesOf(String role) {
        if (groups == null) {
            groups = new HashMap<>();
            for (Membership m : live.memberships()) {
                groups.computeIfAbsent(m.member(), k -> new ArrayList<>()).add(m.role());
            }
        }
        return memberOf.computeIfAbsent(role, r -> {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(groups.getOrDefault(r, List.of()));
            while (!todo.isEmpty()) {
                String g = todo.pop();
                if (!g.equals(r) && seen.add(g)) {
                    todo.addAll(groups.getOrDefault(g, List.of()));
                }
            }
            return seen;
        });
    }

    private void groupGrants(Map<Held, Boolean> toGrant, Map<Held, Wanted> origin, Map<Held, Map<String, Boolean>> held) {
        record Key(String grantee, ObjectRef object, boolean option, boolean addsOption) {}
        Map<Key, Set<Privilege>> grouped = new TreeMap<>(Comparator.comparing(Key::grantee)
                .thenComparing(Key::object).thenComparing(Key::option).thenComparing(Key::addsOption));
        Map<Key, String> declared = new HashMap<>();
        for (Map.Entry<Held, Boolean> g : toGrant.entrySet()) {
            Held h = g.getKey();
            boolean addsOption = g.getValue() && held.containsKey(h);
            Key key = new Key(h.grantee(), h.object(), g.getValue(), addsOption);
            grouped.computeIfAbsent(key, k -> EnumSet.noneOf(Privilege.class)).add(h.privilege());
            declared.putIfAbsent(key, origin.get(h).declaredAt());
        }
        grouped.forEach((k, privileges) -> grants.add(new Grant(k.grantee(), k.object(), privileges, k.option(),
                k.addsOption(), !k.object().name().equals("*") && !live.exists(k.object()), declared.get(k))));
    }

    private void groupRevokes(Map<Held, Wanted> wanted, Map<Held, Map<String, Boolean>> held, Set<Held> cascaded) {
        record Key(String grantee, ObjectRef object, String grantedBy, boolean optionOnly, boolean cascade) {}
        Map<Key, Set<Privilege>> grouped = new TreeMap<>(Comparator.comparing(Key::grantee)
                .thenComparing(Key::object).thenComparing(Key::grantedBy).thenComparing(Key::optionOnly)
                .thenComparing(Key::cascade));
        for (Map.Entry<Held, Map<String, Boolean>> h : held.entrySet()) {
            Held k = h.getKey();
            Wanted w = wanted.get(k);
            for (Map.Entry<String, Boolean> grantor : h.getValue().entrySet()) {
                if (cascaded.contains(new Held(grantor.getKey(), k.object(), k.privilege()))) {
                    continue; // goes with its grantor's grant option
                }
                boolean option = grantor.getValue();
                if (w != null && (w.option() || !option)) {
                    continue; // declared as held
                }
                String owner = live.ownerOf(k.object());
                String by = grantor.getKey().equals(owner) || grantor.getKey().isEmpty() ? "" : grantor.getKey();
                Key key = new Key(k.grantee(), k.object(), by, w != null, option);
                grouped.computeIfAbsent(key, x -> EnumSet.noneOf(Privilege.class)).add(k.privilege());
            }
        }
        List<Revoke> planned = new ArrayList<>();
        grouped.forEach((k, privileges) -> planned.add(new Revoke(k.grantee(), k.object(), privileges, k.grantedBy(),
                k.optionOnly(), k.cascade(), needsSchemaUsage(k.grantedBy(), k.object()))));
        revokes.addAll(dependentsFirst(planned));
    }

    /** Whether a revoke made as {@code grantor} needs USAGE on the object's schema lent to it. */
    private boolean needsSchemaUsage(String grantor, ObjectRef object) {
        if (grantor.isEmpty() || object.kind() == ObjectKind.DATABASE || object.kind() == ObjectKind.SCHEMA) {
            return false;
        }
        ObjectRef schema = ObjectRef.schema(object.schema());
        return live.grants().stream().noneMatch(e -> e.grantee().equals(grantor) && e.object().equals(schema)
                && e.privilege() == Privilege.USAGE);
    }

    /**
     * Orders revokes so that what a grantee granted on is revoked before the grantee's own grant
     * option: as the grantor, a REVOKE only reaches its grants while it still holds the option
     * itself (otherwise PostgreSQL acts for the role it holds the option through, and revokes
     * nothing). Otherwise the order is kept.
     */
    private static List<Revoke> dependentsFirst(List<Revoke> planned) {
        record Key(String grantee, ObjectRef object) {}
        Map<Key, List<Integer>> byGrantee = new HashMap<>();
        boolean anyGrantor = false;
        for (int i = 0; i < planned.size(); i++) {
            Revoke r = planned.get(i);
            byGrantee.computeIfAbsent(new Key(r.grantee(), r.object()), k -> new ArrayList<>()).add(i);
            anyGrantor |= !r.grantedBy().isEmpty();
        }
        if (!anyGrantor) {
            return planned;
        }
        int[] depth = new int[planned.size()];
        Arrays.fill(depth, -1);
        boolean[] visiting = new boolean[planned.size()];
        IntUnaryOperator[] measure = new IntUnaryOperator[1];
        measure[0] = i -> {
            if (depth[i] >= 0) {
                return depth[i];
            }
            Revoke r = planned.get(i);
            int d = 0;
            if (!r.grantedBy().isEmpty()) {
                visiting[i] = true;
                for (int j : byGrantee.getOrDefault(new Key(r.grantedBy(), r.object()), List.of())) {
                    if (!visiting[j] && !Collections.disjoint(planned.get(j).privileges(), r.privileges())) {
                        d = Math.max(d, measure[0].applyAsInt(j) + 1);
                    }
                }
                visiting[i] = false;
            }
            return depth[i] = d;
        };
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            measure[0].applyAsInt(i);
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -depth[i]));
        return order.stream().map(planned::get).toList();
    }
}
