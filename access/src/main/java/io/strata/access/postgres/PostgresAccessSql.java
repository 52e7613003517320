package io.strata.access.postgres;

import io.strata.access.diff.AccessChange;
import io.strata.access.diff.AccessChange.AlterDefaults;
import io.strata.access.diff.AccessChange.AlterRole;
import io.strata.access.diff.AccessChange.CommentRole;
import io.strata.access.diff.AccessChange.CreateRole;
import io.strata.access.diff.AccessChange.DropRole;
import io.strata.access.diff.AccessChange.Grant;
import io.strata.access.diff.AccessChange.GrantAllInSchema;
import io.strata.access.diff.AccessChange.GrantMembership;
import io.strata.access.diff.AccessChange.ReassignOwned;
import io.strata.access.diff.AccessChange.Revoke;
import io.strata.access.diff.AccessChange.RevokeMembership;
import io.strata.access.diff.AccessChange.RoleAttributes;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL statements for access changes. Every identifier is double-quoted and every literal
 * single-quoted, doubling the quote characters inside; nothing from the spec reaches SQL any other
 * way (function argument types are checked to hold only type-name characters when the spec is read).
 */
public final class PostgresAccessSql {

    private final String database;

    /** @param database the database that {@code database:} grants are on */
    public PostgresAccessSql(String database) {
        this.database = database;
    }

    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    static String grantee(String role) {
        return Names.PUBLIC.equals(role) ? "PUBLIC" : ident(role);
    }

    /** The statement(s) of one change; several only for a revoke made as another grantor. */
    public String sql(AccessChange change) {
        if (change instanceof CreateRole c) {
            return "CREATE ROLE " + ident(c.role()) + " WITH " + attributes(c.attributes()) + ";";
        } else if (change instanceof AlterRole a) {
            return "ALTER ROLE " + ident(a.role()) + " WITH " + attributes(a.to()) + ";";
        } else if (change instanceof CommentRole c) {
            return "COMMENT ON ROLE " + ident(c.role()) + " IS " + (c.comment().isEmpty() ? "NULL" : literal(c.comment()))
                    + ";";
        } else if (change instanceof ReassignOwned r) {
            return "REASSIGN OWNED BY " + ident(r.role()) + " TO " + ident(r.to()) + ";";
        } else if (change instanceof DropRole d) {
            return "DROP ROLE " + ident(d.role()) + ";";
        } else if (change instanceof GrantMembership m) {
            return "GRANT " + ident(m.role()) + " TO " + ident(m.member()) + ";";
        } else if (change instanceof RevokeMembership m) {
            return "REVOKE " + ident(m.role()) + " FROM " + ident(m.member()) + ";";
        } else if (change instanceof Grant g) {
            return "GRANT " + privileges(g.privileges()) + " ON " + object(g.object()) + " TO " + grantee(g.grantee())
                    + (g.grantOption() ? " WITH GRANT OPTION" : "") + ";";
        } else if (change instanceof GrantAllInSchema g) {
            return "GRANT " + privileges(g.privileges()) + " ON ALL " + allKeyword(g.kind()) + " IN SCHEMA "
                    + ident(g.schema()) + " TO " + grantee(g.grantee()) + (g.grantOption() ? " WITH GRANT OPTION" : "")
                    + ";";
        } else if (change instanceof Revoke r) {
            String revoke = "REVOKE " + (r.optionOnly() ? "GRANT OPTION FOR " : "") + privileges(r.privileges()) + " ON "
                    + object(r.object()) + " FROM " + grantee(r.grantee()) + (r.cascade() ? " CASCADE" : "") + ";";
            // PostgreSQL revokes only what the current role granted (or the owner, for a superuser):
            // a grant made by another grantor is revoked as that grantor.
            if (r.grantedBy().isEmpty()) {
                return revoke;
            }
            String asGrantor = "SET ROLE " + ident(r.grantedBy()) + ";\n" + revoke + "\nRESET ROLE;";
            if (!r.lendSchemaUsage()) {
                return asGrantor;
            }
            String usage = " USAGE ON SCHEMA " + ident(r.object().schema());
            return "GRANT" + usage + " TO " + ident(r.grantedBy()) + ";\n" + asGrantor + "\nREVOKE" + usage + " FROM "
                    + ident(r.grantedBy()) + ";";
        } else if (change instanceof AlterDefaults d) {
            String head = "ALTER DEFAULT PRIVILEGES FOR ROLE " + ident(d.creator()) + " IN SCHEMA " + ident(d.schema());
            String on = " ON " + allKeyword(d.kind());
            return d.grant()
                    ? head + " GRANT " + privileges(d.privileges()) + on + " TO " + grantee(d.grantee())
                            + (d.grantOption() ? " WITH GRANT OPTION" : "") + ";"
                    : head + " REVOKE " + (d.optionOnly() ? "GRANT OPTION FOR " : "") + privileges(d.privileges()) + on
                            + " FROM " + grantee(d.grantee()) + ";";
        }
        throw new IllegalArgumentException("no statement for " + change);
    }

    private static String attributes(RoleAttributes a) {
        return (a.login() ? "LOGIN" : "NOLOGIN") + " " + (a.inherit() ? "INHERIT" : "NOINHERIT")
                + " CONNECTION LIMIT " + a.connectionLimit();
    }

    static String privileges(Set<Privilege> privileges) {
        return privileges.stream().map(Privilege::sql).collect(Collectors.joining(", "));
    }

    private String object(ObjectRef o) {
        return switch (o.kind()) {
            case DATABASE -> "DATABASE " + ident(database);
            case SCHEMA -> "SCHEMA " + ident(o.schema());
            case TABLE -> "TABLE " + ident(o.schema()) + "." + ident(o.name());
            case SEQUENCE -> "SEQUENCE " + ident(o.schema()) + "." + ident(o.name());
            // ROUTINE covers functions, procedures and aggregates alike.
            case FUNCTION -> "ROUTINE " + ident(o.schema()) + "." + ident(o.name()) + "(" + o.args() + ")";
        };
    }

    private static String allKeyword(ObjectKind kind) {
        return kind == ObjectKind.FUNCTION ? "ROUTINES" : kind.pluralSql();
    }
}
