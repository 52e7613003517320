package io.strata.access.audit;

import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.spec.ObjectName;
import io.strata.core.error.StrataException;
import java.util.Locale;

/**
 * An object named on the command line: {@code marts.customers} (a table or view),
 * {@code schema:marts}, {@code sequence:raw.ids}, {@code function:marts.score(integer)},
 * {@code database}. Names follow the spec's rules: exact, double-quoted when odd.
 */
final class ObjectArgument {

    private static final String FORMS = "marts.customers, schema:marts, sequence:raw.ids, function:marts.score(integer)"
            + " or database";

    private ObjectArgument() {}

    static ObjectRef parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("database")) {
            return ObjectRef.database();
        }
        ObjectKind kind = ObjectKind.TABLE;
        int colon = t.indexOf(':');
        if (colon > 0 && !t.startsWith("\"")) {
            String prefix = t.substring(0, colon).toLowerCase(Locale.ROOT);
            kind = switch (prefix) {
                case "schema" -> ObjectKind.SCHEMA;
                case "table", "view" -> ObjectKind.TABLE;
                case "sequence" -> ObjectKind.SEQUENCE;
                case "function" -> ObjectKind.FUNCTION;
                default -> throw new StrataException("`" + prefix + ":` is not a kind of object", "write " + FORMS);
            };
            t = t.substring(colon + 1).strip();
        } else if (t.endsWith(")")) {
            kind = ObjectKind.FUNCTION;
        }
        try {
            if (kind == ObjectKind.SCHEMA) {
                return ObjectRef.schema(ObjectName.parseSchema(t));
            }
            ObjectName name = ObjectName.parse(t, kind);
            if (name.pattern()) {
                throw new StrataException("`" + text + "` is a pattern: name one " + kind.label(),
                        "who-can answers for one object, e.g. marts.customers");
            }
            return ObjectRef.of(kind, name.schema(), name.name(), name.args());
        } catch (ObjectName.Invalid invalid) {
            throw new StrataException(invalid.getMessage(), invalid.hint() + "; objects are written " + FORMS);
        }
    }
}
