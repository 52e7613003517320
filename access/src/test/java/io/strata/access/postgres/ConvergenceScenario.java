package io.strata.access.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One random case of the convergence property: a live state (roles, memberships, grants, some
 * made by other grantors, default privileges) and a spec. Built from lists of small numbers, so a
 * failing case shrinks to a small one. Plain Java: the property runner only feeds it numbers.
 */
record ConvergenceScenario(List<Integer> liveRoles, List<Integer> liveAttributes, List<Integer> liveMemberships,
        List<Integer> liveGrants, List<Integer> liveChains, List<Integer> liveDefaults, List<Integer> specRoles, List<Integer> specAttributes,
        List<Integer> specMemberships, List<Integer> specGrants, boolean specPublic) {

    static final int ROLES = 4;
    /** The objects grants are made on: SQL object, spec kind key, spec name, its privileges. */
    record Target(String sql, String specKind, String specName, List<String> privileges) {}

    static final List<Target> TARGETS = List.of(
            new Target("DATABASE %db", "database", "", List.of("CONNECT", "CREATE", "TEMPORARY")),
            new Target("SCHEMA s0", "schemas", "s0", List.of("USAGE", "CREATE")),
            new Target("SCHEMA \"S 1\"", "schemas", "S 1", List.of("USAGE")),
            new Target("TABLE s0.t0", "tables", "s0.t0", List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")),
            new Target("TABLE s0.t1", "tables", "s0.t1", List.of("SELECT", "INSERT", "REFERENCES")),
            new Target("TABLE \"S 1\".\"T;0\"", "tables", "S 1.T;0", List.of("SELECT", "TRIGGER")),
            new Target("SEQUENCE s0.q", "sequences", "s0.q", List.of("USAGE", "SELECT", "UPDATE")),
            new Target("FUNCTION \"S 1\".f(integer)", "functions", "S 1.f(integer)", List.of("EXECUTE")));

    /** Pattern grants the spec may declare: SQL schema, kind key, spec name, privileges. */
    static final List<Target> PATTERNS = List.of(
            new Target("s0", "tables", "s0.*", List.of("SELECT", "INSERT")),
            new Target("\"S 1\"", "tables", "S 1.*", List.of("SELECT")),
            new Target("s0", "sequences", "s0.*", List.of("USAGE")));

    static String role(String prefix, int i) {
        return i == ROLES ? "public" : prefix + (i == 3 ? "r3 \"odd\"; x" : "r" + i);
    }

    static String ident(String prefix, int i) {
        return i == ROLES ? "PUBLIC" : PostgresAccessSql.ident(role(prefix, i));
    }

    /** Chains: A holds a privilege WITH GRANT OPTION from the owner and grants it on to B. */
    record Chain(int from, int to, int target, String privilege, boolean option) {}

    static final List<Target> CHAIN_TARGETS = List.of(TARGETS.get(0), TARGETS.get(1), TARGETS.get(3));

    static Chain chain(int n) {
        int from = Math.floorMod(n, ROLES);
        int to = Math.floorMod(from + 1 + Math.floorMod(n / ROLES, ROLES - 1), ROLES);
        int target = Math.floorMod(n / (ROLES * (ROLES - 1)), CHAIN_TARGETS.size());
        List<String> privileges = CHAIN_TARGETS.get(target).privileges();
        String privilege = privileges.get(Math.floorMod(n / (ROLES * (ROLES - 1) * 3), privileges.size()));
        return new Chain(from, to, target, privilege, Math.floorMod(n / 1000, 2) == 1);
    }

    /** An atom: grantee (0..ROLES, ROLES is PUBLIC), target, privilege, grant option, made by another grantor. */
    record Atom(int grantee, int target, String privilege, boolean option, int grantor) {}

    static Atom atom(int n, List<Target> targets, boolean publicAllowed) {
        int grantee = Math.floorMod(n, publicAllowed ? ROLES + 1 : ROLES);
        n = Math.floorDiv(n, ROLES + 1);
        int target = Math.floorMod(n, targets.size());
        n = Math.floorDiv(n, targets.size());
        List<String> privileges = targets.get(target).privileges();
        String privilege = privileges.get(Math.floorMod(n, privileges.size()));
        n = Math.floorDiv(n, privileges.size());
        boolean option = grantee != ROLES && Math.floorMod(n, 2) == 1;
        int grantor = Math.floorMod(Math.floorDiv(n, 2), ROLES + 2) - 2; // -2, -1: the owner; 0..ROLES-1: that role
        return new Atom(grantee, target, privilege, option, grantor);
    }

    /** The access/*.yaml text. */
    String spec(String prefix) {
        Set<Integer> declared = new LinkedHashSet<>();
        specRoles.forEach(r -> declared.add(Math.floorMod(r, ROLES)));
        Map<Integer, Map<String, Map<String, Map<String, Boolean>>>> grants = new LinkedHashMap<>();
        List<Integer> atoms = new ArrayList<>(specGrants);
        for (int n : atoms) {
            boolean pattern = Math.floorMod(n, 5) == 0;
            Atom a = atom(Math.floorDiv(n, 5), pattern ? PATTERNS : TARGETS, specPublic);
            Target t = (pattern ? PATTERNS : TARGETS).get(a.target());
            if (a.grantee() != ROLES) {
                declared.add(a.grantee());
            }
            grants.computeIfAbsent(a.grantee(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(t.specKind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(t.specName(), k -> new LinkedHashMap<>())
                    .merge(a.privilege(), a.option(), (x, y) -> x || y);
        }
        StringBuilder y = new StringBuilder("managed_schemas: [s0, \"S 1\"]\nroles:\n");
        for (int r : declared) {
            y.append("  ").append(quote(role(prefix, r))).append(":\n");
            int attributes = specAttributes.isEmpty() ? 0 : specAttributes.get(r % specAttributes.size());
            y.append("    login: ").append((attributes & 1) == 1).append('\n');
            y.append("    inherit: ").append((attributes & 2) == 0).append('\n');
            y.append("    connection_limit: ").append((attributes & 4) == 4 ? 3 : -1).append('\n');
            if ((attributes & 8) == 8) {
                y.append("    comment: \"role ").append(r).append("\"\n");
            }
            List<String> groups = new ArrayList<>();
            for (int m : specMemberships) {
                int group = Math.floorMod(m, ROLES);
                int member = Math.floorMod(Math.floorDiv(m, ROLES), ROLES);
                if (member == r && group < member && declared.contains(group) && !groups.contains(quote(role(prefix, group)))) {
                    groups.add(quote(role(prefix, group)));
                }
            }
            y.append("    member_of: [").append(String.join(", ", groups)).append("]\n");
            if (grants.containsKey(r)) {
                y.append("    grants:\n");
                writeGrants(y, grants.get(r), "      ");
            }
        }
        if (specPublic) {
            y.append("public:\n");
            writeGrants(y, grants.getOrDefault(ROLES, Map.of("database", Map.of("", Map.of("CONNECT", false)))), "  ");
        }
        return y.toString();
    }

    private static void writeGrants(StringBuilder y, Map<String, Map<String, Map<String, Boolean>>> kinds, String indent) {
        kinds.forEach((kind, objects) -> {
            if (kind.equals("database")) {
                y.append(indent).append("database: ").append(privileges(objects.get(""))).append('\n');
                return;
            }
            y.append(indent).append(kind).append(":\n");
            objects.forEach((name, privileges) -> y.append(indent).append("  ").append(quote(name))
                    .append(": ").append(privileges(privileges)).append('\n'));
        });
    }

    private static String privileges(Map<String, Boolean> privileges) {
        List<String> items = new ArrayList<>();
        privileges.forEach((p, option) -> items.add(quote(p + (option ? " WITH GRANT OPTION" : ""))));
        return "[" + String.join(", ", items) + "]";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
