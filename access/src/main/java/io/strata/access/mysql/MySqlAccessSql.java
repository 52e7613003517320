package io.strata.access.mysql;

import io.strata.access.diff.AccessChange;
import io.strata.access.diff.AccessChange.AlterRole;
import io.strata.access.diff.AccessChange.CreateRole;
import io.strata.access.diff.AccessChange.DropRole;
import io.strata.access.diff.AccessChange.Grant;
import io.strata.access.diff.AccessChange.GrantMembership;
import io.strata.access.diff.AccessChange.Revoke;
import io.strata.access.diff.AccessChange.RevokeMembership;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MySQL/MariaDB statements. Identifiers, user names and hosts are all back-quoted (a back quote
 * inside is doubled), so no name is ever read as SQL, whatever {@code sql_mode} says about
 * backslashes. An account key {@code name@host} becomes {@code `name`@`host`}; role names never
 * contain {@code @} (the spec reader refuses them on MySQL).
 */
public final class MySqlAccessSql {

    public static String ident(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** {@code `alice`@`%`} for an account key {@code alice@%}; {@code `analyst`} for a role. */
    public static String account(String key) {
        int at = key.lastIndexOf('@');
        return at <= 0 ? ident(key) : ident(key.substring(0, at)) + "@" + ident(key.substring(at + 1));
    }

    public String sql(AccessChange change) {
        if (change instanceof CreateRole c) {
            return c.attributes().login()
                    ? "CREATE USER " + account(c.role()) + limit(c.attributes().connectionLimit()) + ";"
                    : "CREATE ROLE " + ident(c.role()) + ";";
        } else if (change instanceof AlterRole a) {
            return "ALTER USER " + account(a.role()) + limit(a.to().connectionLimit()) + ";";
        } else if (change instanceof DropRole d) {
            return d.role().indexOf('@') > 0 ? "DROP USER " + account(d.role()) + ";" : "DROP ROLE " + ident(d.role()) + ";";
        } else if (change instanceof GrantMembership m) {
            return "GRANT " + ident(m.role()) + " TO " + account(m.member()) + ";";
        } else if (change instanceof RevokeMembership m) {
            return "REVOKE " + ident(m.role()) + " FROM " + account(m.member()) + ";";
        } else if (change instanceof Grant g) {
            return "GRANT " + privileges(g.privileges()) + " ON " + on(g.object()) + " TO " + account(g.grantee())
                    + (g.grantOption() ? " WITH GRANT OPTION" : "") + ";";
        } else if (change instanceof Revoke r) {
            return r.optionOnly() ? "REVOKE GRANT OPTION ON " + on(r.object()) + " FROM " + account(r.grantee()) + ";"
                    : "REVOKE " + privileges(r.privileges()) + " ON " + on(r.object()) + " FROM " + account(r.grantee())
                            + ";";
        }
        throw new IllegalArgumentException("MySQL has no statement for " + change.getClass().getSimpleName());
    }

    private static String limit(int connectionLimit) {
        return " WITH MAX_USER_CONNECTIONS " + Math.max(0, connectionLimit);
    }

    private static String privileges(Set<Privilege> privileges) {
        return privileges.stream().map(Privilege::sql).collect(Collectors.joining(", "));
    }

    /** {@code `db`.`t`} for a table, {@code `db`.*} for a schema's every table (and for schema-level CREATE). */
    private static String on(ObjectRef o) {
        if (o.kind() == ObjectKind.SCHEMA || o.name().equals("*")) {
            return ident(o.schema()) + ".*";
        }
        return ident(o.schema()) + "." + ident(o.name());
    }
}
