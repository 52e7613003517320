package io.strata.access.spec;

import io.strata.access.model.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An object name as the spec writes it: {@code marts.customers}, {@code marts.*},
 * {@code "Sales EU"."Orders"}, {@code marts.score(integer, text)}. Names are exact: unlike
 * unquoted SQL they are not folded to lower case. Double quotes are needed only around names that
 * contain {@code .}, {@code "}, {@code *}, parentheses or commas ({@code ""} is a quote inside them).
 *
 * @param schema the schema
 * @param name the object's name; empty for a pattern or a schema
 * @param args a function's argument types, normalised to the server's spelling
 * @param pattern {@code schema.*}
 */
public record ObjectName(String schema, String name, String args, boolean pattern) {

    /** Spellings PostgreSQL prints differently, so {@code score(int)} matches the live {@code score(integer)}. */
    private static final Map<String, String> TYPE_ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("bool", "boolean"), Map.entry("varchar", "character varying"),
            Map.entry("char", "character"), Map.entry("bpchar", "character"), Map.entry("float8", "double precision"),
            Map.entry("float", "double precision"), Map.entry("float4", "real"), Map.entry("decimal", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"));

    /** A name that does not parse; the message says what was expected. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String hint;

        Invalid(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /** Parses a schema name (the keys under {@code schemas:}). */
    public static String parseSchema(String text) throws Invalid {
        Cursor c = new Cursor(text);
        String schema = c.part("schema name");
        if (!c.done()) {
            throw new Invalid("`" + text + "` is not a schema name: unexpected `" + c.rest() + "`",
                    "write the schema alone, e.g. `marts`; quote names containing `.`: `\"my.schema\"`");
        }
        return schema;
    }

    /** Parses a key under {@code tables:}, {@code sequences:} or {@code functions:}. */
    public static ObjectName parse(String text, ObjectKind kind) throws Invalid {
        String example = kind == ObjectKind.FUNCTION ? "`marts.score(integer)` or `marts.*`"
                : "`marts.customers` or `marts.*`";
        Cursor c = new Cursor(text);
        String schema = c.part("schema name");
        if (schema.equals("*") && !c.quotedLast) {
            throw new Invalid("`" + text + "`: a pattern covers one schema's " + kind.plural() + ", not every schema",
                    "name the schema, e.g. `marts.*`");
        }
        if (!c.eat('.')) {
            throw new Invalid("`" + text + "` has no schema: expected schema." + kind.label(),
                    "write it as " + example);
        }
        String name = c.part(kind.label() + " name");
        boolean pattern = name.equals("*") && !c.quotedLast;
        String args = "";
        if (kind == ObjectKind.FUNCTION && !pattern) {
            if (!c.eat('(')) {
                throw new Invalid("`" + text + "` has no argument list: functions are named with their argument types",
                        "write e.g. `marts.score(integer, text)`, or `marts.score()` when it takes none");
            }
            args = c.args(text);
        }
        if (!c.done()) {
            throw new Invalid("`" + text + "` is not a " + kind.label() + " name: unexpected `" + c.rest() + "`",
                    "write it as " + example + "; quote names containing `.`: `\"my.schema\".\"my.table\"`");
        }
        return new ObjectName(schema, pattern ? "" : name, args, pattern);
    }

    /** Characters an argument type may contain: type names go into SQL as written, so nothing else. */
    private static final Pattern TYPE = Pattern.compile("[\\p{L}\\p{N}_ .\\[\\]\"(),]+");

    /** Normalises one argument type: lower case, aliases resolved, type modifiers dropped. */
    static String normaliseType(String type) throws Invalid {
        String t = type.strip().replaceAll("\\s+", " ");
        if (!TYPE.matcher(t).matches() || t.chars().filter(ch -> ch == '"').count() % 2 != 0) {
            throw new Invalid("`" + type.strip() + "` is not an argument type",
                    "write type names as PostgreSQL prints them, e.g. `integer`, `text`, `character varying`");
        }
        if (t.startsWith("\"")) {
            return t;
        }
        t = t.replaceAll("\\s*\\([^)]*\\)", "").toLowerCase(Locale.ROOT);
        boolean array = t.endsWith("[]");
        String base = array ? t.substring(0, t.length() - 2).strip() : t;
        return TYPE_ALIASES.getOrDefault(base, base) + (array ? "[]" : "");
    }

    private static final class Cursor {
        private final String text;
        private int i;
        private boolean quotedLast;

        Cursor(String text) {
            this.text = text;
        }

        boolean done() {
            return i >= text.length();
        }

        String rest() {
            return text.substring(i);
        }

        boolean eat(char c) {
            if (i < text.length() && text.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        String part(String what) throws Invalid {
            if (i < text.length() && text.charAt(i) == '"') {
                quotedLast = true;
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new Invalid("`" + text + "`: the quoted " + what + " is not closed with `\"`",
                                "close the quote; write `\"\"` for a quote inside a quoted name");
                    }
                    char ch = text.charAt(i++);
                    if (ch == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(ch);
                    }
                }
                if (b.isEmpty()) {
                    throw new Invalid("`" + text + "`: the " + what + " is empty", "write a name between the quotes");
                }
                return b.toString();
            }
            quotedLast = false;
            int start = i;
            while (i < text.length() && ".\"(),".indexOf(text.charAt(i)) < 0) {
                i++;
            }
            String part = text.substring(start, i);
            if (part.isEmpty()) {
                throw new Invalid("`" + text + "`: the " + what + " is missing",
                        "write names as `schema.name`; quote names containing `.`: `\"my.schema\"`");
            }
            if (!part.strip().equals(part)) {
                throw new Invalid("`" + text + "`: the " + what + " `" + part + "` starts or ends with a space",
                        "remove the spaces, or double-quote the name if they are part of it");
            }
            return part;
        }

        String args(String whole) throws Invalid {
            int close = text.lastIndexOf(')');
            if (close < i) {
                throw new Invalid("`" + whole + "`: the argument list is not closed with `)`",
                        "write e.g. `marts.score(integer, text)`");
            }
            String inside = text.substring(i, close);
            i = close + 1;
            if (inside.isBlank()) {
                return "";
            }
            List<String> types = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int k = 0; k < inside.length(); k++) {
                char ch = inside.charAt(k);
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                } else if (ch == ',' && depth == 0) {
                    types.add(inside.substring(start, k));
                    start = k + 1;
                }
            }
            types.add(inside.substring(start));
            List<String> normalised = new ArrayList<>();
            for (String type : types) {
                if (type.isBlank()) {
                    throw new Invalid("`" + whole + "`: an argument type is missing", "list the types separated by commas");
                }
                normalised.add(normaliseType(type));
            }
            return String.join(", ", normalised);
        }
    }
}
