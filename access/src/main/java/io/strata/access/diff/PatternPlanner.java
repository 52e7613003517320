package io.strata.access.diff;

import io.strata.access.diff.AccessChange.AlterDefaults;
import io.strata.access.diff.AccessChange.GrantAllInSchema;
import io.strata.access.diff.PrivilegeDiffer.Held;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.DefaultAcl;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.spec.GrantRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pattern grants ({@code marts.*}) on PostgreSQL: "every table in the schema, now and in the
 * future" is a grant on the existing tables plus default privileges for the roles that create
 * tables there. When a pattern has anything to grant, it is planned as one
 * {@code GRANT ... ON ALL TABLES IN SCHEMA}, which also covers tables that pending migrations of
 * the same apply create before the access layer runs.
 */
final class PatternPlanner {

    private final AccessCatalog live;
    private final Scope scope;
    private final List<AccessChange> out;
    private final Map<ObjectKind, Map<String, List<ObjectRef>>> objectsBySchema;
    final List<AccessChange> defaultRevokes = new ArrayList<>();

    PatternPlanner(AccessCatalog live, Scope scope, List<AccessChange> out,
            Map<ObjectKind, Map<String, List<ObjectRef>>> objectsBySchema) {
        this.live = live;
        this.scope = scope;
        this.out = out;
        this.objectsBySchema = objectsBySchema;
    }

    /** Plans the patterns; removes from {@code toGrant} what their ALL-IN-SCHEMA grants cover. */
    void plan(List<GrantRule> patterns, Map<Held, Boolean> toGrant) {
        Map<DefaultAcl, Boolean> wantedDefaults = new HashMap<>();
        for (GrantRule rule : patterns) {
            String schema = rule.object().schema();
            for (String creator : scope.creators()) {
                if (creator.equals(rule.grantee())) {
                    continue;
                }
                rule.privileges().forEach((p, option) -> wantedDefaults.merge(
                        new DefaultAcl(creator, schema, rule.kind(), rule.grantee(), p, false), option,
                        (a, b) -> a || b));
            }
        }
        Map<DefaultAcl, Boolean> liveDefaults = new HashMap<>();
        for (DefaultAcl d : live.defaults()) {
            if (!scope.managesSchema(d.schema()) || !scope.managesRole(d.grantee())) {
                continue;
            }
            if (!scope.creators().contains(d.creator())) {
                continue;
            }
            liveDefaults.merge(d.withoutOption(), d.grantOption(), (a, b) -> a || b);
        }
        for (GrantRule rule : patterns) {
            allInSchema(rule, toGrant, liveDefaults);
        }
        defaults(wantedDefaults, liveDefaults);
    }

    private void allInSchema(GrantRule rule, Map<Held, Boolean> toGrant, Map<DefaultAcl, Boolean> liveDefaults) {
        String schema = rule.object().schema();
        boolean schemaMissing = !live.schemaOwners().containsKey(schema);
        boolean defaultsMissing = false;
        for (String creator : scope.creators()) {
            for (Map.Entry<Privilege, Boolean> p : rule.privileges().entrySet()) {
                Boolean option = liveDefaults.get(new DefaultAcl(creator, schema, rule.kind(), rule.grantee(),
                        p.getKey(), false));
                if (!creator.equals(rule.grantee()) && (option == null || (p.getValue() && !option))) {
                    defaultsMissing = true;
                }
            }
        }
        for (boolean option : new boolean[] {false, true}) {
            Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
            rule.privileges().forEach((p, o) -> {
                if (o == option) {
                    privileges.add(p);
                }
            });
            if (privileges.isEmpty()) {
                continue;
            }
            List<ObjectRef> lacking = new ArrayList<>();
            for (ObjectRef o : objectsBySchema.getOrDefault(rule.kind(), Map.of()).getOrDefault(schema, List.of())) {
                boolean lacks = false;
                for (Privilege p : privileges) {
                    Held h = new Held(rule.grantee(), o, p);
                    Boolean planned = toGrant.get(h);
                    if (planned != null && planned == option) {
                        toGrant.remove(h);
                        lacks = true;
                    }
                }
                if (lacks) {
                    lacking.add(o);
                }
            }
            if (schemaMissing || defaultsMissing || !lacking.isEmpty()) {
                lacking.sort(Comparator.naturalOrder());
                out.add(new GrantAllInSchema(rule.grantee(), rule.kind(), schema, privileges, option, lacking,
                        schemaMissing, rule.location().describe()));
            }
        }
    }

    private void defaults(Map<DefaultAcl, Boolean> wanted, Map<DefaultAcl, Boolean> held) {
        record Key(String creator, String schema, ObjectKind kind, String grantee, boolean grant, boolean option,
                boolean optionOnly) {}
        Map<Key, Set<Privilege>> grouped = new TreeMap<>(Comparator.comparing(Key::grant).reversed()
                .thenComparing(Key::grantee).thenComparing(Key::schema).thenComparing(Key::kind)
                .thenComparing(Key::creator).thenComparing(Key::option).thenComparing(Key::optionOnly));
        wanted.forEach((d, option) -> {
            Boolean has = held.get(d);
            if (has == null || (option && !has)) {
                grouped.computeIfAbsent(new Key(d.creator(), d.schema(), d.kind(), d.grantee(), true, option, false),
                        k -> EnumSet.noneOf(Privilege.class)).add(d.privilege());
            } else if (!option && has) {
                grouped.computeIfAbsent(new Key(d.creator(), d.schema(), d.kind(), d.grantee(), false, true, true),
                        k -> EnumSet.noneOf(Privilege.class)).add(d.privilege());
            }
        });
        held.forEach((d, option) -> {
            if (!wanted.containsKey(d)) {
                grouped.computeIfAbsent(new Key(d.creator(), d.schema(), d.kind(), d.grantee(), false, option, false),
                        k -> EnumSet.noneOf(Privilege.class)).add(d.privilege());
            }
        });
        grouped.forEach((k, privileges) -> {
            AlterDefaults change = new AlterDefaults(k.creator(), k.schema(), k.kind(), k.grantee(), privileges,
                    k.option(), k.grant(), k.optionOnly());
            (k.grant() ? out : defaultRevokes).add(change);
        });
    }

    /** Default privileges that Strata leaves alone because their creator is not in {@code creators}. */
    static List<String> unmanagedDefaults(AccessCatalog live, Scope scope) {
        List<String> notes = new ArrayList<>();
        for (DefaultAcl d : live.defaults()) {
            if (scope.managesSchema(d.schema()) && scope.managesRole(d.grantee())
                    && !scope.creators().contains(d.creator())) {
                String note = "default privileges for " + d.kind().plural() + " that " + Names.role(d.creator())
                        + " creates in " + Names.displayPart(d.schema()) + " grant to " + Names.role(d.grantee())
                        + ": not managed, because " + Names.role(d.creator()) + " is not in `creators`";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        return notes;
    }
}
