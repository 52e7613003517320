package io.strata.access.spec;

import io.strata.access.model.ObjectKind;
import io.strata.access.model.Privilege;
import io.strata.core.config.YamlNode.Entry;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a spec may say on MySQL and MariaDB, whose privileges differ from PostgreSQL's: no
 * sequences or functions here, no TRUNCATE (it is DROP there), and the grant option belongs to a
 * whole level (a table, or a schema's {@code db.*}), not to one privilege.
 */
final class MySqlSpecRules {

    private static final Set<Privilege> TABLE = EnumSet.of(Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE,
            Privilege.DELETE, Privilege.REFERENCES, Privilege.TRIGGER);
    private static final Set<Privilege> SCHEMA = EnumSet.of(Privilege.USAGE, Privilege.CREATE);

    private MySqlSpecRules() {}

    static void check(ObjectKind kind, Map<Privilege, Boolean> privileges, Nodes nodes, Entry entry, String path) {
        if (kind == ObjectKind.SEQUENCE || kind == ObjectKind.FUNCTION) {
            throw nodes.error(entry.keyMark(), path, "`" + kind.plural() + ":` privileges exist on PostgreSQL only",
                    "remove them for MySQL, or run this platform on PostgreSQL");
        }
        Set<Privilege> allowed = kind == ObjectKind.SCHEMA ? SCHEMA : TABLE;
        for (Privilege p : privileges.keySet()) {
            if (!allowed.contains(p)) {
                throw nodes.error(entry.keyMark(), path, p.sql() + " on a " + kind.label() + " is not managed on MySQL",
                        "privileges Strata manages there: " + allowed);
            }
        }
        if (privileges.containsValue(true) && privileges.containsValue(false)) {
            throw nodes.error(entry.keyMark(), path, "MySQL keeps one grant option per table or schema, not per privilege",
                    "add ` WITH GRANT OPTION` to every privilege of this entry, or to none");
        }
    }
}
