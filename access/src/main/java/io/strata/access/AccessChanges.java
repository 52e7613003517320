package io.strata.access;

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
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the differ's changes into plan {@link Change}s a reviewer reads: the object line
 * ({@code grant SELECT on marts.customers to analyst}), a one-line why, and the SQL.
 *
 * <p>Revoking undeclared privileges is what this layer is for, so revokes are neither destructive
 * nor unsafe: they are drift being corrected and the plan shows each one. Dropping a role (only
 * with {@code prune_roles: true}) is destructive, hence unsafe: a dropped login loses its password.
 */
public final class AccessChanges {

    public static final String LAYER = "access";

    private AccessChanges() {}

    public static Change describe(AccessChange change, String sql) {
        if (change instanceof CreateRole c) {
            return change(Action.CREATE, "role " + Names.role(c.role()), (c.attributes().login() ? "login" : "group")
                    + " role (" + attributes(c.attributes()) + "), declared at " + c.declaredAt(), sql, false,
                    Map.of("kind", "role", "role", c.role()));
        } else if (change instanceof AlterRole a) {
            return change(Action.ALTER, "role " + Names.role(a.role()), attributeChanges(a.from(), a.to()), sql, false,
                    Map.of("kind", "role", "role", a.role()));
        } else if (change instanceof CommentRole c) {
            return change(Action.ALTER, "comment on role " + Names.role(c.role()),
                    c.comment().isEmpty() ? "remove the comment" : "set the comment", sql, false,
                    Map.of("kind", "role", "role", c.role()));
        } else if (change instanceof ReassignOwned r) {
            return change(Action.ALTER, "objects owned by " + Names.role(r.role()), "reassign them to "
                    + Names.role(r.to()) + " before the role is dropped (reassign_owned_to)", sql, false,
                    Map.of("kind", "role", "role", r.role()));
        } else if (change instanceof DropRole d) {
            return change(Action.DROP, "role " + Names.role(d.role()), "not declared, and prune_roles is on", sql, true,
                    Map.of("kind", "role", "role", d.role()));
        } else if (change instanceof GrantMembership m) {
            return change(Action.CREATE, "membership of " + Names.role(m.member()) + " in " + Names.role(m.role()),
                    "declared in member_of", sql, false, Map.of("kind", "membership", "role", m.member()));
        } else if (change instanceof RevokeMembership m) {
            return change(Action.DROP, "membership of " + Names.role(m.member()) + " in " + Names.role(m.role()),
                    "not declared: drift", sql, false, Map.of("kind", "membership", "role", m.member()));
        } else if (change instanceof Grant g) {
            String why = g.addsOption() ? "add the grant option, declared at " + g.declaredAt()
                    : "declared at " + g.declaredAt();
            if (g.objectMissing()) {
                why += " (the " + g.object().kind().label() + " does not exist yet: created by a pending migration?)";
            }
            return change(g.addsOption() ? Action.ALTER : Action.CREATE, "grant " + privileges(g.privileges(),
                    g.grantOption()) + " on " + g.object().display() + " to " + Names.role(g.grantee()), why, sql, false,
                    Map.of("kind", "grant", "role", g.grantee(), "object", g.object().display()));
        } else if (change instanceof GrantAllInSchema g) {
            return change(Action.CREATE, "grant " + privileges(g.privileges(), g.grantOption()) + " on all "
                    + g.kind().plural() + " in schema " + Names.displayPart(g.schema()) + " to " + Names.role(g.grantee()),
                    allInSchemaWhy(g), sql, false, Map.of("kind", "grant", "role", g.grantee(),
                            "object", Names.displayPart(g.schema()) + ".*"));
        } else if (change instanceof Revoke r) {
            String what = r.optionOnly() ? "grant option for " + privileges(r.privileges(), false)
                    : privileges(r.privileges(), false);
            String why = (r.optionOnly() ? "the grant option is not declared: drift" : "not declared: drift")
                    + (r.grantedBy().isEmpty() ? "" : "; granted by " + Names.role(r.grantedBy()))
                    + (r.cascade() ? "; CASCADE also revokes what it granted on" : "");
            return change(r.optionOnly() ? Action.ALTER : Action.DROP, "revoke " + what + " on " + r.object().display()
                    + " from " + Names.role(r.grantee()), why, sql, false,
                    Map.of("kind", "revoke", "role", r.grantee(), "object", r.object().display()));
        } else if (change instanceof AlterDefaults d) {
            String object = "default privileges: " + (d.grant() ? "grant " : "revoke ")
                    + (d.optionOnly() ? "grant option for " : "") + privileges(d.privileges(), d.grant() && d.grantOption())
                    + " on future " + d.kind().plural() + " of " + Names.role(d.creator()) + " in "
                    + Names.displayPart(d.schema()) + (d.grant() ? " to " : " from ") + Names.role(d.grantee());
            return change(d.grant() ? Action.CREATE : Action.DROP, object, d.grant()
                    ? "a pattern grant covers tables created later, too" : "not declared: drift", sql, false,
                    Map.of("kind", d.grant() ? "grant" : "revoke", "role", d.grantee(),
                            "object", Names.displayPart(d.schema()) + ".*"));
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private static String allInSchemaWhy(GrantAllInSchema g) {
        if (g.schemaMissing()) {
            return "schema " + Names.displayPart(g.schema()) + " does not exist yet: created by a pending migration?"
                    + " (declared at " + g.declaredAt() + ")";
        }
        if (g.lacking().isEmpty()) {
            return "every existing " + g.kind().label() + " has it; this covers " + g.kind().plural()
                    + " that pending migrations create (declared at " + g.declaredAt() + ")";
        }
        List<String> names = new ArrayList<>();
        for (ObjectRef o : g.lacking().subList(0, Math.min(3, g.lacking().size()))) {
            names.add(o.display());
        }
        return g.lacking().size() + " " + g.kind().plural() + " lack it (" + String.join(", ", names)
                + (g.lacking().size() > 3 ? ", ..." : "") + "), declared at " + g.declaredAt();
    }

    private static Change change(Action action, String object, String summary, String sql, boolean destructive,
            Map<String, String> attributes) {
        return new Change(LAYER, action, object, summary, sql, destructive, destructive, attributes);
    }

    static String privileges(Set<Privilege> privileges, boolean grantOption) {
        return privileges.stream().map(Privilege::sql).collect(Collectors.joining(", "))
                + (grantOption ? " WITH GRANT OPTION" : "");
    }

    private static String attributes(RoleAttributes a) {
        return (a.login() ? "LOGIN" : "NOLOGIN") + (a.inherit() ? "" : ", NOINHERIT")
                + (a.connectionLimit() < 0 ? "" : ", connection limit " + a.connectionLimit());
    }

    private static String attributeChanges(RoleAttributes from, RoleAttributes to) {
        List<String> parts = new ArrayList<>();
        if (from.login() != to.login()) {
            parts.add("login: " + from.login() + " → " + to.login());
        }
        if (from.inherit() != to.inherit()) {
            parts.add("inherit: " + from.inherit() + " → " + to.inherit());
        }
        if (from.connectionLimit() != to.connectionLimit()) {
            parts.add("connection limit: " + from.connectionLimit() + " → " + to.connectionLimit());
        }
        return String.join(", ", parts);
    }
}
