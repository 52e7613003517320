package io.strata.web;

import io.strata.access.audit.AccessGraph;
import io.strata.access.audit.EffectiveAccess;
import io.strata.access.audit.EffectiveAccess.Route;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.RoleNames;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The effective privileges of every role on every object someone besides its owner holds
 * something on, live, each cell compared with what applying the spec would leave. Rows are the
 * live roles (the server's own left out), the declared roles not created yet, and PUBLIC when it
 * holds anything.
 */
final class AccessMatrix {

    /** One row: a role, or PUBLIC. {@code name} is the role's key in the catalog and the graphs. */
    record Row(String name, String label, boolean login, boolean superuser, boolean live) {
        boolean isPublic() {
            return name.equals(Names.PUBLIC) && label.equals("PUBLIC");
        }
    }

    /** What a cell shows: the live privileges by route, and what live has beyond or lacks against the spec. */
    record Cell(Map<Privilege, Route> held, Set<Privilege> extra, Set<Privilege> missing, boolean superuser) {
        boolean drift() {
            return !extra.isEmpty() || !missing.isEmpty();
        }
    }

    private final AccessCatalog live;
    private final EffectiveAccess now;
    private final EffectiveAccess declared;
    private final List<Row> rows;
    private final List<ObjectRef> tables = new ArrayList<>();
    private final List<ObjectRef> others = new ArrayList<>();

    AccessMatrix(AccessCatalog live, AccessSpec spec) {
        this.live = live;
        AccessGraph liveGraph = AccessGraph.live(live);
        AccessGraph declaredGraph = AccessGraph.declared(spec, live);
        this.now = new EffectiveAccess(liveGraph);
        this.declared = new EffectiveAccess(declaredGraph);
        Set<ObjectRef> objects = new TreeSet<>();
        collectObjects(liveGraph, objects);
        collectObjects(declaredGraph, objects);
        for (ObjectRef o : objects) {
            (o.kind() == ObjectKind.TABLE ? tables : others).add(o);
        }
        this.rows = rows(live, declaredGraph, !liveGraph.grantsOf(Names.PUBLIC).isEmpty()
                || !declaredGraph.grantsOf(Names.PUBLIC).isEmpty());
    }

    /** Objects granted to someone besides their owner: tables and views that exist (or MySQL's {@code db.*}), schemas, the database. */
    private void collectObjects(AccessGraph graph, Set<ObjectRef> into) {
        for (String grantee : graph.grantees()) {
            for (ObjectRef o : graph.grantsOf(grantee).keySet()) {
                boolean shown = switch (o.kind()) {
                    case TABLE -> live.exists(o) || o.name().equals("*");
                    case SCHEMA, DATABASE -> true;
                    default -> false;
                };
                if (shown && !grantee.equals(live.ownerOf(o))) {
                    into.add(o);
                }
            }
        }
    }

    private static List<Row> rows(AccessCatalog live, AccessGraph declared, boolean publicHolds) {
        RoleNames names = RoleNames.forDialect(live.dialect());
        Map<String, Row> byName = new TreeMap<>();
        for (AccessGraph.Member m : declared.roles().values()) {
            if (!names.isSystem(m.name())) {
                Role role = live.roles().get(m.name());
                boolean login = role != null ? role.login() : m.login();
                byName.put(m.name(), new Row(m.name(), m.name(), login, role != null && role.superuser(), role != null));
            }
        }
        List<Row> rows = new ArrayList<>();
        if (publicHolds) {
            rows.add(new Row(Names.PUBLIC, "PUBLIC", false, false, true));
        }
        rows.addAll(byName.values());
        return rows;
    }

    List<Row> rows() {
        return rows;
    }

    /** Tables and views (and MySQL's {@code db.*}), by schema then name. */
    List<ObjectRef> tables() {
        return tables;
    }

    /** The database and the schemas. */
    List<ObjectRef> others() {
        return others;
    }

    AccessCatalog catalog() {
        return live;
    }

    /** The routes the row's role holds privileges by, live, best first: what {@link Route} indices in a row refer to. */
    List<Route> routes(Row row) {
        return row.live() ? now.routes(row.name()) : List.of();
    }

    /** A row's cells, computed once per row: a lookup or two per cell after that. */
    RowCells cells(Row row) {
        return new RowCells(row, row.live() ? now.all(row.name()) : Map.of(), declared.all(row.name()));
    }

    /** One row's live and declared privileges per object. */
    static final class RowCells {
        private static final Cell EMPTY = new Cell(Map.of(), Set.of(), Set.of(), false);
        private static final Cell SUPERUSER = new Cell(Map.of(), Set.of(), Set.of(), true);

        private final Row row;
        private final Map<ObjectRef, Map<Privilege, Route>> held;
        private final Map<ObjectRef, Map<Privilege, Route>> wanted;

        private RowCells(Row row, Map<ObjectRef, Map<Privilege, Route>> held,
                Map<ObjectRef, Map<Privilege, Route>> wanted) {
            this.row = row;
            this.held = held;
            this.wanted = wanted;
        }

        /** What the role holds on the object, live, each privilege by its best route. */
        Map<Privilege, Route> held(ObjectRef object) {
            return held.getOrDefault(object, Map.of());
        }

        Cell cell(ObjectRef object) {
            if (row.superuser()) {
                return SUPERUSER;
            }
            Map<Privilege, Route> now = held.getOrDefault(object, Map.of());
            Map<Privilege, Route> want = wanted.getOrDefault(object, Map.of());
            if (now.keySet().equals(want.keySet())) {
                return now.isEmpty() ? EMPTY : new Cell(now, Set.of(), Set.of(), false);
            }
            // What differs only through PUBLIC is PUBLIC's drift: its own row shows it, not every role's.
            Set<Privilege> extra = EnumSet.noneOf(Privilege.class);
            Set<Privilege> missing = EnumSet.noneOf(Privilege.class);
            now.forEach((p, route) -> {
                if (!want.containsKey(p) && !route.viaPublic()) {
                    extra.add(p);
                }
            });
            want.forEach((p, route) -> {
                if (!now.containsKey(p) && !route.viaPublic()) {
                    missing.add(p);
                }
            });
            return new Cell(now, extra, missing, false);
        }
    }

    /** The cell's attribute value naming its object: {@code schema.table}, {@code schema marts}, {@code database}. */
    static String key(ObjectRef object) {
        return switch (object.kind()) {
            case TABLE -> object.schema() + "." + object.name();
            case SCHEMA -> "schema " + object.schema();
            default -> object.display();
        };
    }
}
