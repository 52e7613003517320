package io.strata.access.spec;

import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlNode;
import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Scalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the structure of one {@code access/*.yaml} file. Every rule here has a twin in
 * {@code docs/access.schema.json}; change both together. Cross-file rules (a role declared twice,
 * unknown members) are {@link AccessSpecReader}'s.
 */
final class SpecFileParser {

    static final List<String> TOP_KEYS = List.of("roles", "public", "ignore", "managed_roles", "managed_schemas",
            "creators", "prune_roles", "reassign_owned_to");
    static final List<String> ROLE_KEYS = List.of("login", "inherit", "connection_limit", "comment", "member_of",
            "host", "grants");
    static final List<String> GRANT_KEYS = List.of("database", "schemas", "tables", "sequences", "functions");

    private static final String WITH_GRANT_OPTION = " WITH GRANT OPTION";
    private static final Map<ObjectKind, String> HINTS = hints();

    private final Nodes nodes;
    private final String file;
    private final RoleNames roleNames;

    private SpecFileParser(Path file, RoleNames roleNames) {
        this.nodes = new Nodes(file);
        this.file = file.toString();
        this.roleNames = roleNames;
    }

    static SpecFile parse(Path file, YamlNode root, RoleNames roleNames) {
        return new SpecFileParser(file, roleNames).file(root);
    }

    private SpecFile file(YamlNode root) {
        Mapping top = nodes.mapping(root, "", "a map with `roles:` and other settings",
                "start with `roles:` and declare each role below it");
        nodes.checkKeys(top, "", TOP_KEYS);
        Map<String, RoleSpec> roles = new LinkedHashMap<>();
        List<GrantRule> grants = new ArrayList<>();
        Map<String, SourceLocation> settings = new HashMap<>();
        List<RolePattern> ignore = new ArrayList<>();
        List<RolePattern> managedRoles = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        List<String> creators = new ArrayList<>();
        Boolean prune = null;
        String reassign = null;
        for (Entry entry : top.entries().values()) {
            String key = entry.key();
            if (!key.equals("roles") && !key.equals("ignore") && !key.equals("managed_schemas")) {
                settings.put(key, nodes.at(entry.keyMark(), key));
            }
            switch (key) {
                case "roles" -> roles(entry, roles, grants);
                case "public" -> {
                    if (roleNames.mysql()) {
                        throw nodes.error(entry.keyMark(), key, "MySQL and MariaDB have no PUBLIC role",
                                "declare the privileges on a role, and make every user a member of it");
                    }
                    if (!Nodes.isNull(entry.value())) {
                        grants(entry.value(), "public", Names.PUBLIC, grants);
                    }
                }
                case "ignore" -> patterns(entry, ignore);
                case "managed_roles" -> patterns(entry, managedRoles);
                case "managed_schemas" -> {
                    for (Scalar s : nodes.strings(entry, key, "schema name", "write e.g. `managed_schemas: [raw, marts]`")) {
                        schemas.add(schemaName(s.text(), s.mark(), key));
                    }
                }
                case "creators" -> {
                    for (Scalar s : nodes.strings(entry, key, "role name", "write e.g. `creators: [migrator]`")) {
                        creators.add(roleNames.check(s.text(), nodes.at(s.mark(), key)));
                    }
                }
                case "prune_roles" -> prune = nodes.bool(entry, key);
                case "reassign_owned_to" -> reassign = roleNames.check(nodes.string(entry, key),
                        nodes.at(entry.value().mark(), key));
                default -> throw new IllegalStateException(key);
            }
        }
        return new SpecFile(file, roles, grants, ignore, managedRoles, schemas, creators, prune, reassign, settings);
    }

    private void patterns(Entry entry, List<RolePattern> into) {
        for (Scalar s : nodes.strings(entry, entry.key(), "role name or pattern",
                "write e.g. `" + entry.key() + ": [legacy_etl, \"rds*\"]`")) {
            if (s.text().isEmpty()) {
                throw nodes.error(s.mark(), entry.key(), "an empty role pattern matches nothing", "remove it");
            }
            into.add(new RolePattern(s.text()));
        }
    }

    private void roles(Entry entry, Map<String, RoleSpec> roles, List<GrantRule> grants) {
        if (Nodes.isNull(entry.value())) {
            return;
        }
        Mapping map = nodes.mapping(entry.value(), "roles", "a map from role names to their settings",
                "indent role names below `roles:`, e.g. `  analyst:`");
        for (Entry role : map.entries().values()) {
            String path = "roles." + role.key();
            SourceLocation where = nodes.at(role.keyMark(), path);
            String name = roleNames.check(role.key(), where);
            roleNames.checkDeclarable(name, where);
            RoleSpec spec = role(name, role, path, grants);
            roles.put(spec.name(), spec);
        }
    }

    private RoleSpec role(String name, Entry entry, String path, List<GrantRule> grants) {
        SourceLocation where = nodes.at(entry.keyMark(), path);
        if (Nodes.isNull(entry.value())) {
            return new RoleSpec(name, "%", false, true, -1, "", List.of(), where);
        }
        Mapping map = nodes.mapping(entry.value(), path, "a map of role settings (login, member_of, grants, ...)",
                "indent the settings below `" + name + ":`, or leave it empty for a group role with no grants");
        nodes.checkKeys(map, path, ROLE_KEYS);
        // A MySQL account is known by name@host: read both before the grants that name it.
        Entry loginEntry = map.entries().get("login");
        Entry hostEntry = map.entries().get("host");
        String key = roleNames.key(name, loginEntry != null && nodes.bool(loginEntry, path + ".login"),
                hostEntry == null ? "%" : roleNames.checkHost(nodes.string(hostEntry, path + ".host"),
                        nodes.at(hostEntry.value().mark(), path + ".host")));
        boolean login = false;
        boolean inherit = true;
        int limit = -1;
        String comment = "";
        String host = "%";
        List<String> memberOf = new ArrayList<>();
        for (Entry e : map.entries().values()) {
            String p = path + "." + e.key();
            switch (e.key()) {
                case "login" -> login = nodes.bool(e, p);
                case "inherit" -> inherit = nodes.bool(e, p);
                case "connection_limit" -> limit = nodes.integer(e, p, -1,
                        "write a number of connections, or -1 (the default) for no limit");
                case "comment" -> comment = nodes.string(e, p);
                case "host" -> host = roleNames.checkHost(nodes.string(e, p), nodes.at(e.value().mark(), p));
                case "member_of" -> {
                    for (Scalar s : nodes.strings(e, p, "role name", "write e.g. `member_of: [analyst]`")) {
                        String group = roleNames.check(s.text(), nodes.at(s.mark(), p));
                        if (group.equals(name) || group.equals(key)) {
                            throw nodes.error(s.mark(), p, "role `" + name + "` cannot be a member of itself",
                                    "remove `" + name + "` from its own member_of");
                        }
                        if (memberOf.contains(group)) {
                            throw nodes.error(s.mark(), p, "`" + group + "` is listed twice", "list it once");
                        }
                        memberOf.add(group);
                    }
                }
                case "grants" -> {
                    if (!Nodes.isNull(e.value())) {
                        grants(e.value(), p, key, grants);
                    }
                }
                default -> throw new IllegalStateException(e.key());
            }
        }
        return new RoleSpec(key, host, login, inherit, limit, comment, memberOf, where);
    }

    /** A grants block (under a role's {@code grants:} or under {@code public:}). */
    private void grants(YamlNode node, String path, String grantee, List<GrantRule> into) {
        Mapping map = nodes.mapping(node, path, "a map with database, schemas, tables, sequences and/or functions",
                "e.g. `tables: {marts.*: [SELECT]}` indented below `" + path.substring(path.lastIndexOf('.') + 1) + ":`");
        nodes.checkKeys(map, path, GRANT_KEYS);
        for (Entry e : map.entries().values()) {
            String p = path + "." + e.key();
            if (e.key().equals("database")) {
                if (roleNames.mysql()) {
                    throw nodes.error(e.keyMark(), p, "`database:` privileges exist on PostgreSQL only",
                            "on MySQL, grant on the schemas (MySQL's databases) under `schemas:` and `tables:`");
                }
                into.add(new GrantRule(grantee, ObjectRef.database(), false,
                        privileges(e, p, ObjectKind.DATABASE), nodes.at(e.keyMark(), p)));
                continue;
            }
            ObjectKind kind = switch (e.key()) {
                case "schemas" -> ObjectKind.SCHEMA;
                case "tables" -> ObjectKind.TABLE;
                case "sequences" -> ObjectKind.SEQUENCE;
                default -> ObjectKind.FUNCTION;
            };
            Mapping objects = nodes.mapping(e.value(), p, "a map from " + kind.label() + " names to privilege lists",
                    kind == ObjectKind.SCHEMA ? "e.g. `schemas: {marts: [USAGE]}`" : "e.g. `" + e.key() + ": {marts.*: ["
                            + kind.privileges().iterator().next() + "]}`");
            Map<ObjectRef, SourceLocation> seen = new HashMap<>();
            for (Entry o : objects.entries().values()) {
                String op = p + "." + o.key();
                SourceLocation where = nodes.at(o.keyMark(), op);
                ObjectRef object;
                boolean pattern = false;
                try {
                    if (kind == ObjectKind.SCHEMA) {
                        object = ObjectRef.schema(ObjectName.parseSchema(o.key()));
                    } else {
                        ObjectName name = ObjectName.parse(o.key(), kind);
                        pattern = name.pattern();
                        object = ObjectRef.of(kind, name.schema(), name.name(), name.args());
                    }
                } catch (ObjectName.Invalid invalid) {
                    throw nodes.error(o.keyMark(), op, invalid.getMessage(), invalid.hint());
                }
                SourceLocation first = seen.putIfAbsent(object, where);
                if (first != null) {
                    throw nodes.error(o.keyMark(), op, "`" + o.key() + "` names the same " + kind.label()
                            + " as the key on line " + first.line(), "merge the two privilege lists into one entry");
                }
                Map<Privilege, Boolean> privileges = privileges(o, op, kind);
                if (roleNames.mysql()) {
                    MySqlSpecRules.check(kind, privileges, nodes, o, op);
                }
                into.add(new GrantRule(grantee, object, pattern, privileges, where));
            }
        }
    }

    private Map<Privilege, Boolean> privileges(Entry entry, String path, ObjectKind kind) {
        List<Scalar> items = nodes.strings(entry, path, "privilege",
                HINTS.get(kind));
        if (items.isEmpty()) {
            throw nodes.error(entry.value().mark(), path, "the privilege list is empty",
                    "list at least one privilege (" + allowed(kind) + "), or remove the entry");
        }
        Map<Privilege, Boolean> privileges = new EnumMap<>(Privilege.class);
        for (Scalar item : items) {
            // The common case, `SELECT`, takes no copying at all.
            Privilege simple = Privilege.parse(item.text()).orElse(null);
            if (simple != null && kind.accepts(simple) && !privileges.containsKey(simple)) {
                privileges.put(simple, false);
                continue;
            }
            String text = normaliseSpaces(item.text());
            boolean option = text.toUpperCase(Locale.ROOT).endsWith(WITH_GRANT_OPTION);
            String word = option ? text.substring(0, text.length() - WITH_GRANT_OPTION.length()).strip() : text;
            List<Privilege> named;
            if (word.equalsIgnoreCase("ALL") || word.equalsIgnoreCase("ALL PRIVILEGES")) {
                named = List.copyOf(kind.all());
            } else {
                Optional<Privilege> p = Privilege.parse(word).filter(kind::accepts);
                if (p.isEmpty()) {
                    boolean known = Privilege.parse(word).isPresent();
                    throw nodes.error(item.mark(), path, "`" + item.text() + "` is not a privilege on a " + kind.label()
                                    + (known ? " (it applies to other kinds of object)" : ""),
                            "privileges on a " + kind.label() + ": " + allowed(kind) + "; add ` WITH GRANT OPTION` to"
                                    + " let the role grant it on");
                }
                named = List.of(p.get());
            }
            for (Privilege p : named) {
                if (privileges.containsKey(p)) {
                    throw nodes.error(item.mark(), path, p.sql() + " is listed twice"
                                    + (named.size() > 1 ? " (ALL includes it)" : ""), "list each privilege once");
                }
                privileges.put(p, option);
            }
        }
        return privileges;
    }

    private static final Map<ObjectKind, String> ALLOWED = allowedByKind();

    private static String allowed(ObjectKind kind) {
        return ALLOWED.get(kind);
    }

    private static Map<ObjectKind, String> hints() {
        Map<ObjectKind, String> hints = new EnumMap<>(ObjectKind.class);
        for (ObjectKind kind : ObjectKind.values()) {
            hints.put(kind, "write a list such as `[" + kind.privileges().iterator().next() + "]`; allowed on a "
                    + kind.label() + ": " + allowedByKind().get(kind));
        }
        return hints;
    }

    private static Map<ObjectKind, String> allowedByKind() {
        Map<ObjectKind, String> allowed = new EnumMap<>(ObjectKind.class);
        for (ObjectKind kind : ObjectKind.values()) {
            allowed.put(kind, String.join(", ", kind.privileges().stream().map(Privilege::sql).toList()) + ", ALL");
        }
        return allowed;
    }

    /** Trims and collapses runs of white space to one space. */
    private static String normaliseSpaces(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private String schemaName(String text, YamlNode.Mark mark, String path) {
        try {
            return ObjectName.parseSchema(text);
        } catch (ObjectName.Invalid invalid) {
            throw nodes.error(mark, path, invalid.getMessage(), invalid.hint());
        }
    }
}
