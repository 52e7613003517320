package io.strata.web;

import io.strata.access.audit.EffectiveAccess.Route;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.web.AccessMatrix.Cell;
import io.strata.web.AccessMatrix.Row;
import io.strata.web.AccessMatrix.RowCells;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the access matrices and the "who can read" table. Every cell carries its role and object
 * as attributes and, when it holds something, how: {@code data-how="SELECT=0 INSERT=1o"} indexes
 * the routes its row header lists once ({@code data-routes}, JSON), {@code o} when the route's
 * role owns the object. The page's script answers "who can" from these, without a second copy of
 * the data; a platform of 200 roles and 1,000 tables has 200,000 cells, so each stays short.
 */
final class AccessMatrixHtml {

    /** Past this many columns the matrix offers links to each schema's columns. */
    static final int MANY_COLUMNS = 60;

    private static final String SUPERUSER_ROUTES = Html.esc("[\"superuser: bypasses privilege checks\"]");

    private final AccessMatrix matrix;
    private final String[] roleAttr;
    /** Per table, who holds SELECT and how: gathered while the matrix is written, then its own table. */
    private final Map<ObjectRef, List<String>> readers = new HashMap<>();

    AccessMatrixHtml(AccessMatrix matrix) {
        this.matrix = matrix;
        // Escaped once: each name repeats in every cell of its row or column.
        this.roleAttr = matrix.rows().stream().map(r -> Html.esc(r.label())).toArray(String[]::new);
    }

    /** The tables matrix, the database and schemas matrix, then who can read each table. */
    void write(StringBuilder out, Links links) {
        // Reserved at once: 200 roles × 1,000 tables is 15 MB of cells, and growing by doubling copies it all twice over.
        long cells = (long) matrix.rows().size() * (matrix.tables().size() + matrix.others().size());
        long perCell = 48 + (long) Arrays.stream(roleAttr).mapToInt(String::length).average().orElse(0)
                + (long) matrix.tables().stream().mapToInt(o -> o.schema().length() + o.name().length()).average().orElse(0);
        out.ensureCapacity((int) Math.min(Integer.MAX_VALUE - 16, out.length() + cells * perCell));
        tables(out, links);
        others(out);
        readers(out);
    }

    private void tables(StringBuilder out, Links links) {
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
        body(out, columns, true);
        out.append("</table>\n</div>\n");
    }

    private void others(StringBuilder out) {
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
        body(out, columns, false);
        out.append("</table>\n");
    }

    /** Who can read each table: the question the search answers, answered for SELECT without a script. */
    private void readers(StringBuilder out) {
        if (matrix.tables().isEmpty()) {
            return;
        }
        out.append("<table id=\"who-can-read\">\n<caption>Who can read each table or view (SELECT), live</caption>\n")
                .append("<thead><tr><th scope=\"col\">Table</th><th scope=\"col\">Roles with SELECT, and how</th></tr></thead>\n<tbody>\n");
        for (ObjectRef o : matrix.tables()) {
            List<String> who = readers.getOrDefault(o, List.of());
            out.append("<tr><th scope=\"row\">").append(Html.esc(AccessMatrix.key(o))).append("</th><td>")
                    .append(who.isEmpty() ? "nobody but its owner" : Html.esc(String.join("; ", who)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        List<String> superusers = matrix.rows().stream().filter(Row::superuser).map(Row::label).toList();
        if (!superusers.isEmpty()) {
            out.append("<p>Superusers read everything, whatever the grants: ")
                    .append(Html.esc(String.join(", ", superusers))).append(".</p>\n");
        }
    }

    private void body(StringBuilder out, List<ObjectRef> columns, boolean gatherReaders) {
        String[] objectAttr = new String[columns.size()];
        String[] owners = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            objectAttr[c] = Html.esc(AccessMatrix.key(columns.get(c)));
            owners[c] = matrix.catalog().ownerOf(columns.get(c));
        }
        out.append("<tbody>\n");
        List<Row> rows = matrix.rows();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            List<Route> routes = matrix.routes(row);
            header(out, row, roleAttr[r], routes);
            Map<Route, Integer> index = new HashMap<>();
            for (int i = 0; i < routes.size(); i++) {
                index.put(routes.get(i), i);
            }
            // Cells of one row repeat: the same privileges by the same routes on a schema's tables.
            Map<Shown, String> written = new HashMap<>();
            RowCells cells = matrix.cells(row);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = cells.cell(columns.get(c));
                if (cell.held().isEmpty() && !cell.drift() && !cell.superuser()) {
                    // Most cells of a large matrix are empty: without attributes the 1,000-table export is a fifth
                    // of the size. Nothing reads them: the headers name the role and object, the script skips them.
                    out.append("<td></td>");
                    continue;
                }
                out.append("<td data-role=\"").append(roleAttr[r]).append("\" data-object=\"").append(objectAttr[c])
                        .append('"');
                String owner = owners[c];
                out.append(written.computeIfAbsent(new Shown(cell, owner), s -> rest(s, index)));
                if (gatherReaders && !cell.superuser()) {
                    gather(row, columns.get(c), cell.held().get(Privilege.SELECT), owner);
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n");
    }

    /** A cell as written after its role and object: the same for equal privileges, routes and owner. */
    private record Shown(Cell cell, String owner) {}

    private static void header(StringBuilder out, Row row, String label, List<Route> routes) {
        out.append("<tr><th scope=\"row\"");
        String tags = tags(row);
        if (!tags.isEmpty()) {
            out.append(" data-tags=\"").append(tags).append('"');
        }
        if (row.superuser()) {
            out.append(" data-routes=\"").append(SUPERUSER_ROUTES).append('"');
        } else if (!routes.isEmpty()) {
            out.append(" data-routes=\"").append(Html.esc(routes.stream()
                    .map(r -> Json.string(row.isPublic() ? "granted to PUBLIC: every role holds it" : r.describe()))
                    .collect(Collectors.joining(",", "[", "]")))).append('"');
        }
        out.append('>').append(label).append("</th>");
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

    /** The cell after its role and object attributes: class, how, text, drift note. */
    private static String rest(Shown shown, Map<Route, Integer> index) {
        Cell cell = shown.cell();
        if (cell.superuser()) {
            return " data-how=\"ALL=0\">all (superuser)</td>";
        }
        StringBuilder out = new StringBuilder(64);
        if (cell.drift()) {
            out.append(" class=\"drift\"");
        }
        if (!cell.held().isEmpty()) {
            out.append(" data-how=\"");
            String sep = "";
            for (Map.Entry<Privilege, Route> e : cell.held().entrySet()) {
                out.append(sep).append(e.getKey().sql()).append('=').append(index.get(e.getValue()))
                        .append(e.getValue().holder().equals(shown.owner()) ? "o" : "");
                sep = " ";
            }
            out.append('"');
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
        return out.append("</td>").toString();
    }

    private void gather(Row row, ObjectRef object, Route select, String owner) {
        if (select == null || (select.viaPublic() && !row.isPublic())) {
            return; // through PUBLIC: "everyone" says it once
        }
        String how = !select.holder().equals(owner) ? select.describe()
                : select.direct() ? "owner" : select.describe() + ", the owner";
        readers.computeIfAbsent(object, k -> new ArrayList<>())
                .add(row.isPublic() ? "everyone (PUBLIC)" : row.label() + " (" + how + ")");
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

    private static String names(Set<Privilege> privileges) {
        return privileges.stream().map(Privilege::sql).collect(Collectors.joining(", "));
    }
}
