package io.strata.access.adopt;

import io.strata.access.diff.AccessDiff;
import io.strata.access.diff.DiffRules;
import io.strata.access.diff.GrantDiffer;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.DefaultAcl;
import io.strata.access.model.Membership;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.AccessSpecReader;
import io.strata.access.spec.RoleNames;
import io.strata.access.spec.RolePattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an access spec that describes a live database as it is, so a team adopts Strata on an
 * existing platform: planning against the imported spec shows no changes. A privilege every
 * table of a schema holds, backed by default privileges for future tables, becomes a pattern
 * ({@code marts.*}); everything else is listed object by object.
 */
public final class SpecImporter {

    /** What to import: the schemas to manage (empty: every user schema but Strata's own) and which roles. */
    public record Options(Set<String> schemas, List<String> rolePatterns) {
        public Options {
            schemas = Set.copyOf(schemas);
            rolePatterns = List.copyOf(rolePatterns);
        }
    }

    /** The spec's text, and what a reviewer should know about it. */
    public record Result(String yaml, int roles, int grants, List<String> notes) {}

    private static final String STRATA_SCHEMA = "strata";

    private final AccessCatalog live;
    private final Options options;
    private final RoleNames roleNames;
    private final Set<String> schemas;

    public SpecImporter(AccessCatalog live, Options options) {
        this.live = live;
        this.options = options;
        this.roleNames = RoleNames.forDialect(live.dialect());
        this.schemas = new TreeSet<>(options.schemas().isEmpty() ? live.schemaOwners().keySet() : options.schemas());
        if (options.schemas().isEmpty()) {
            schemas.remove(STRATA_SCHEMA);
        }
    }

    public Result run(String dialect) {
        List<String> roles = live.roles().values().stream().filter(this::imported).map(Role::name).sorted().toList();
        Set<String> ignore = new TreeSet<>();
        Map<String, Map<ObjectKind, Map<String, Map<Privilege, Boolean>>>> grants = new TreeMap<>();
        Map<String, Map<ObjectRef, Map<Privilege, Boolean>>> explicit = new HashMap<>();
        for (AclEntry e : live.grants()) {
            if (inScope(e.object()) && (roles.contains(e.grantee()) || Names.PUBLIC.equals(e.grantee()))
                    && !e.grantee().equals(live.ownerOf(e.object()))) {
                explicit.computeIfAbsent(e.grantee(), g -> new TreeMap<>())
                        .computeIfAbsent(e.object(), o -> new EnumMap<>(Privilege.class))
                        .merge(e.privilege(), e.grantOption(), (a, b) -> a || b);
            }
        }
        int count = 0;
        for (Map.Entry<String, Map<ObjectRef, Map<Privilege, Boolean>>> g : explicit.entrySet()) {
            Map<ObjectKind, Map<String, Map<Privilege, Boolean>>> byKind = new EnumMap<>(ObjectKind.class);
            Map<ObjectRef, Map<Privilege, Boolean>> held = g.getValue();
            for (Map.Entry<ObjectRef, Map<Privilege, Boolean>> o : patterns(g.getKey(), held).entrySet()) {
                byKind.computeIfAbsent(o.getKey().kind(), k -> new TreeMap<>())
                        .put(o.getKey().name().equals("*") ? patternName(o.getKey()) : o.getKey().specName(), o.getValue());
                count++;
            }
            grants.put(g.getKey(), byKind);
        }
        StringBuilder y = new StringBuilder();
        y.append("# Imported from ").append(live.database()).append(" by `strata access import`.\n");
        y.append("# Review it, commit it: from now on Strata revokes privileges in the schemas below that are not here.\n");
        y.append("roles:\n");
        for (String role : roles) {
            Role r = live.roles().get(role);
            boolean account = !r.host().isEmpty() && role.endsWith("@" + r.host());
            y.append("  ").append(SpecYaml.scalar(account ? role.substring(0, role.length() - r.host().length() - 1)
                    : role)).append(":\n");
            if (r.login()) {
                y.append("    login: true\n");
            }
            if (account && !r.host().equals("%")) {
                y.append("    host: ").append(SpecYaml.scalar(r.host())).append('\n');
            }
            if (!r.inherit()) {
                y.append("    inherit: false\n");
            }
            if (r.connectionLimit() >= 0) {
                y.append("    connection_limit: ").append(r.connectionLimit()).append('\n');
            }
            if (!r.comment().isEmpty()) {
                y.append("    comment: ").append(SpecYaml.scalar(r.comment())).append('\n');
            }
            List<String> groups = live.memberships().stream().filter(m -> m.member().equals(role))
                    .map(Membership::role).sorted().toList();
            for (String group : groups) {
                if (!roles.contains(group) && !roleNames.isSystem(group)) {
                    ignore.add(group);
                }
            }
            if (!groups.isEmpty()) {
                y.append("    member_of: ").append(SpecYaml.list(groups)).append('\n');
            }
            if (grants.containsKey(role)) {
                y.append("    grants:\n");
                writeGrants(y, grants.get(role), "      ");
            }
        }
        if (grants.containsKey(Names.PUBLIC)) {
            y.append("public:\n");
            writeGrants(y, grants.get(Names.PUBLIC), "  ");
        }
        y.append("managed_schemas: ").append(SpecYaml.list(new ArrayList<>(schemas))).append('\n');
        if (!options.rolePatterns().isEmpty()) {
            y.append("managed_roles: ").append(SpecYaml.list(options.rolePatterns())).append('\n');
        }
        if (!ignore.isEmpty()) {
            y.append("ignore: ").append(SpecYaml.list(new ArrayList<>(ignore))).append('\n');
        }
        String yaml = y.toString();
        return new Result(yaml, roles.size(), count, check(yaml, dialect));
    }

    private boolean imported(Role role) {
        if (role.superuser() || roleNames.isSystem(role.name()) || role.name().equals(live.executor())) {
            return false;
        }
        return options.rolePatterns().isEmpty()
                || options.rolePatterns().stream().anyMatch(p -> new RolePattern(p).matches(role.name()));
    }

    private boolean inScope(ObjectRef o) {
        return o.kind() == ObjectKind.DATABASE || schemas.contains(o.schema());
    }

    /**
     * Folds privileges that every object of a kind in a schema holds, and that default privileges
     * grant to future objects, into one {@code schema.*} entry.
     */
    private Map<ObjectRef, Map<Privilege, Boolean>> patterns(String grantee, Map<ObjectRef, Map<Privilege, Boolean>> held) {
        Map<ObjectRef, Map<Privilege, Boolean>> out = new TreeMap<>();
        held.forEach((o, p) -> out.put(o, new EnumMap<>(p)));
        for (String schema : schemas) {
            for (ObjectKind kind : List.of(ObjectKind.TABLE, ObjectKind.SEQUENCE, ObjectKind.FUNCTION)) {
                Map<Privilege, Boolean> defaults = new EnumMap<>(Privilege.class);
                for (DefaultAcl d : live.defaults()) {
                    if (d.creator().equals(live.executor()) && d.schema().equals(schema) && d.kind() == kind
                            && d.grantee().equals(grantee)) {
                        defaults.merge(d.privilege(), d.grantOption(), (a, b) -> a || b);
                    }
                }
                List<ObjectRef> objects = live.objectOwners().entrySet().stream()
                        .filter(e -> e.getKey().kind() == kind && e.getKey().schema().equals(schema)
                                && !e.getValue().equals(grantee))
                        .map(Map.Entry::getKey).toList();
                Map<Privilege, Boolean> pattern = new EnumMap<>(Privilege.class);
                defaults.forEach((p, option) -> {
                    boolean everywhere = objects.stream().allMatch(o -> option.equals(held.getOrDefault(o, Map.of()).get(p)));
                    if (everywhere) {
                        pattern.put(p, option);
                    }
                });
                if (pattern.isEmpty()) {
                    continue;
                }
                for (ObjectRef o : objects) {
                    Map<Privilege, Boolean> left = out.get(o);
                    pattern.keySet().forEach(left::remove);
                    if (left.isEmpty()) {
                        out.remove(o);
                    }
                }
                out.put(ObjectRef.of(kind, schema, "*", ""), pattern);
            }
        }
        return out;
    }

    private static String patternName(ObjectRef pattern) {
        return Names.displayPart(pattern.schema()) + ".*";
    }

    private static void writeGrants(StringBuilder y, Map<ObjectKind, Map<String, Map<Privilege, Boolean>>> byKind,
            String indent) {
        for (Map.Entry<ObjectKind, Map<String, Map<Privilege, Boolean>>> kind : byKind.entrySet()) {
            if (kind.getKey() == ObjectKind.DATABASE) {
                y.append(indent).append("database: ").append(privileges(kind.getValue().values().iterator().next()))
                        .append('\n');
                continue;
            }
            y.append(indent).append(kind.getKey().plural()).append(":\n");
            kind.getValue().forEach((name, privileges) -> y.append(indent).append("  ").append(SpecYaml.scalar(name))
                    .append(": ").append(privileges(privileges)).append('\n'));
        }
    }

    private static String privileges(Map<Privilege, Boolean> privileges) {
        List<String> items = new ArrayList<>();
        privileges.forEach((p, option) -> items.add(p.sql() + (option ? " WITH GRANT OPTION" : "")));
        return SpecYaml.list(items);
    }

    /** Reads the text back and diffs it against the catalog: what an import cannot express is said here. */
    private List<String> check(String yaml, String dialect) {
        AccessSpec spec = new AccessSpecReader(dialect).parse(Map.of("access/imported.yaml",
                yaml.getBytes(StandardCharsets.UTF_8)));
        AccessDiff diff = GrantDiffer.diff(spec, live, DiffRules.of(dialect));
        List<String> notes = new ArrayList<>(new LinkedHashSet<>(diff.warnings()));
        if (!diff.changes().isEmpty()) {
            notes.add(diff.changes().size() + " difference(s) remain that the spec cannot express (e.g. default"
                    + " privileges without the matching grants): " + diff.changes().get(0));
        }
        return notes;
    }
}
