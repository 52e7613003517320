package io.strata.access.model;

/** How names appear in messages and in the spec: bare when unambiguous, else double-quoted. */
public final class Names {

    /** PostgreSQL's PUBLIC pseudo-role. PostgreSQL refuses {@code public} as a role name, so it cannot clash. */
    public static final String PUBLIC = "public";

    private Names() {}

    /** A schema, table or function name as the spec would write it. */
    public static String displayPart(String name) {
        return needsQuotes(name) ? quote(name) : name;
    }

    /** A role as messages show it: {@code PUBLIC} for the pseudo-role, else the name (quoted when odd). */
    public static String role(String name) {
        return PUBLIC.equals(name) ? "PUBLIC" : displayPart(name);
    }

    static boolean needsQuotes(String name) {
        if (name.isEmpty() || !name.strip().equals(name)) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '"' || c == '*' || c == '(' || c == ')' || c == ',' || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
