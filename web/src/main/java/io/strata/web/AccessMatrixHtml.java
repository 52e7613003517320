package io.strata.web;

import io.strata.access.audit.EffectiveAccess.Route;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.web.AccessMatrix.Cell;
import io.strata.web.AccessMatrix.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the access matrices. Every cell carries its role and object as attributes and, when it
 * holds something, how (as JSON in {@code data-how}), which the page's script reads to answer
 * "who can" without a second copy of the data.
 */
final class AccessMatrixHtml {

    /** Past this many columns the matrix offers links to each schema's columns. */
    static final int MANY_COLUMNS = 60;

    private final AccessMatrix matrix;
    private final String[] roleAttr;

    AccessMatrixHtml(AccessMatrix matrix) {
        this.matrix = matrix;
        // Escaped once: the matrix has rows × columns cells and each repeats both names.
        this.roleAttr = matrix.rows().stream().map(r -> Html.esc(r.label())).toArray(String[]::new);
    }

    /** The roles × tables matrix, its columns grouped under their schema. */
    void tables(StringBuilder out, Links links) {
        List<ObjectRef> columns = matrix.tables();
        Map<String, Integer> schemas = new LinkedHashMap<>();
        columns.forEach(o -> schemas.merge(o.schema(), 1, Integer::sum));
        if (columns.size() > MANY_COLUMNS) {
            out.append("<nav aria-label=\"Schemas in the matrix\"><p>").append(columns.size())
                    .append(" tables and views: jump to a schema's columns:");
            schemas.forEach((schema, n) -> out.append(" <a href=\"")
                    .append(Html.esc(links.to("access", Html.id("access-schema", schema)))).append("\">")
                    .append(Html.esc(schema)).append("</a> (").append(n).append(')'));
            out.append("</p></nav>\n");
        }
        out.append("<div class=\"matrix-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"access-matrix-caption\">\n")
                .append("<table id=\"access-matrix\" class=\"matrix\">\n<caption id=\"access-matrix-caption\">")
                .append("Effective privileges on tables and views, live</caption>\n<thead>\n<tr><th scope=\"col\" rowspan=\"2\">Role</th>");
        schemas.forEach((schema, n) -> out.append("<th scope=\"colgroup\" colspan=\"").append(n).append("\" id=\"")
                .append(Html.id("access-schema", schema)).append("\">").append(Html.esc(schema)).append("</th>"));
        out.append("</tr>\n<tr>");
        for (ObjectRef o : columns) {
            out.append("<th scope=\"col\" title=\"").append(Html.esc(AccessMatrix.key(o))).append("\">")
                    .append(o.name().equals("*") ? "* (every table)" : Html.esc(o.name())).append("</th>");
        }
        out.append("</tr>\n</thead>\n");
        body(out, columns);
        out.append("</table>\n</div>\n");
    }

    /** The database and schemas: a smaller matrix of the same cells. */
    void others(StringBuilder out) {
        List<ObjectRef> columns = matrix.others();
        if (columns.isEmpty()) {
            return;
        }
        out.append("<table id=\"access-schemas\" class=\"matrix\">\n<caption>Effective privileges on the database and")
                .append(" schemas, live</caption>\n<thead>\n<tr><th scope=\"col\">Role</th>");
        for (ObjectRef o : columns) {
            out.append("<th scope=\"col\">").append(Html.esc(AccessMatrix.key(o))).append("</th>");
        }
        out.append("</tr>\n</thead>\n");
        body(out, columns);
        out.append("</table>\n");
    }

    private void body(StringBuilder out, List<ObjectRef> columns) {
        String[] objectAttr = columns.stream().map(o -> Html.esc(AccessMatrix.key(o))).toArray(String[]::new);
        out.append("<tbody>\n");
        List<Row> rows = matrix.rows();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            out.append("<tr><th scope=\"row\"");
            String tags = tags(row);
            if (!tags.isEmpty()) {
                out.append(" data-tags=\"").append(tags).append('"');
            }
            out.append('>').append(roleAttr[r]).append("</th>");
            for (int c = 0; c < columns.size(); c++) {
                cell(out, roleAttr[r], objectAttr[c], columns.get(c), matrix.cell(row, columns.get(c)));
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n");
    }

    /** What the row header adds after the name (shown by the style sheet): fixed words, never a name. */
    private static String tags(Row row) {
        List<String> tags = new ArrayList<>();
        if (row.login()) {
            tags.add("login");
        }
        if (row.superuser()) {
            tags.add("superuser");
        }
        if (!row.live()) {
            tags.add("not created");
        }
        return String.join(", ", tags);
    }

    private void cell(StringBuilder out, String role, String object, ObjectRef ref, Cell cell) {
        out.append("<td data-role=\"").append(role).append("\" data-object=\"").append(object).append('"');
        if (cell.drift()) {
            out.append(" class=\"drift\"");
        }
        if (cell.superuser()) {
            out.append(" data-how=\"").append(Html.esc("[{\"p\":\"ALL\",\"how\":\"superuser: bypasses privilege checks\"}]"))
                    .append("\">all (superuser)</td>");
            return;
        }
        if (!cell.held().isEmpty()) {
            out.append(" data-how=\"").append(Html.esc(how(cell.held(), ref))).append('"');
        }
        out.append('>').append(Html.esc(text(cell.held())));
        if (cell.drift()) {
            List<String> notes = new ArrayList<>();
            if (!cell.extra().isEmpty()) {
                notes.add("extra: " + names(cell.extra()));
            }
            if (!cell.missing().isEmpty()) {
                notes.add("missing: " + names(cell.missing()));
            }
            out.append(cell.held().isEmpty() ? "" : " ").append("<span class=\"drift-note\">(")
                    .append(String.join("; ", notes)).append(")</span>");
        }
        out.append("</td>");
    }

    /**
     * Who can read each table, one row per table: the question the search answers, answered for
     * SELECT without a script. PUBLIC's readers are everyone, so they are not listed one by one.
     */
    void readers(StringBuilder out) {
        if (matrix.tables().isEmpty()) {
            return;
        }
        out.append("<table id=\"who-can-read\">\n<caption>Who can read each table or view (SELECT), live</caption>\n")
                .append("<thead><tr><th scope=\"col\">Table</th><th scope=\"col\">Roles with SELECT, and how</th></tr></thead>\n<tbody>\n");
        List<String> superusers = new ArrayList<>();
        for (Row row : matrix.rows()) {
            if (row.superuser()) {
                superusers.add(row.label());
            }
        }
        for (ObjectRef o : matrix.tables()) {
            List<String> who = new ArrayList<>();
            for (Row row : matrix.rows()) {
                Route route = row.superuser() ? null : matrix.held(row, o).get(Privilege.SELECT);
                if (route == null || (route.viaPublic() && !row.isPublic())) {
                    continue;
                }
                who.add(row.isPublic() ? "everyone (PUBLIC)" : row.label() + " (" + how(route, o) + ")");
            }
            out.append("<tr><th scope=\"row\">").append(Html.esc(AccessMatrix.key(o))).append("</th><td>")
                    .append(who.isEmpty() ? "nobody but its owner" : Html.esc(String.join("; ", who)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (!superusers.isEmpty()) {
            out.append("<p>Superusers read everything, whatever the grants: ")
                    .append(Html.esc(String.join(", ", superusers))).append(".</p>\n");
        }
    }

    /** {@code SELECT, INSERT; UPDATE (after SET ROLE writer)}: what needs SET ROLE grouped by the role to set. */
    static String text(Map<Privilege, Route> held) {
        List<String> plain = new ArrayList<>();
        Map<String, List<String>> afterSetRole = new LinkedHashMap<>();
        held.forEach((p, route) -> {
            if (route.needsSetRole()) {
                afterSetRole.computeIfAbsent(route.holder(), k -> new ArrayList<>()).add(p.sql());
            } else {
                plain.add(p.sql());
            }
        });
        List<String> parts = new ArrayList<>();
        if (!plain.isEmpty()) {
            parts.add(String.join(", ", plain));
        }
        afterSetRole.forEach((holder, ps) -> parts.add(String.join(", ", ps) + " (after SET ROLE "
                + Names.role(holder) + ")"));
        return String.join("; ", parts);
    }

    /** How each privilege is held, as JSON for the script: {@code [{"p":"SELECT","how":"via alice → analyst"}]}. */
    private String how(Map<Privilege, Route> held, ObjectRef object) {
        return held.entrySet().stream()
                .map(e -> "{\"p\":\"" + e.getKey().sql() + "\",\"how\":" + Json.string(how(e.getValue(), object)) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** {@code direct}, {@code owner}, {@code PUBLIC}, {@code via alice → analyst}: how a role holds a privilege. */
    private String how(Route route, ObjectRef object) {
        if (!route.holder().equals(matrix.catalog().ownerOf(object))) {
            return route.describe();
        }
        return route.direct() ? "owner" : route.describe() + ", the owner";
    }

    private static String names(Set<Privilege> privileges) {
        return privileges.stream().map(Privilege::sql).collect(Collectors.joining(", "));
    }
}
