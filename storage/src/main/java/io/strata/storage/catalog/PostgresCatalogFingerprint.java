package io.strata.storage.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A cheap stamp of the catalog rows behind everything {@link PostgresCatalogInspector} renders:
 * per catalog (namespaces, relations, columns, defaults, indexes, constraints, view rules, types),
 * the number of rows in the managed schemas and the newest {@code xmin} among them. Any DDL there
 * inserts, updates or deletes such rows, so it changes the count or the newest xmin (statistics
 * that VACUUM and ANALYZE keep in pg_class are updated in place and change neither). Equal stamps
 * therefore mean an equal catalog, and the drift check skips the inspection and the snapshot's
 * parsing; a different stamp only means "look closer" (a GRANT or a recreated index moves it too),
 * never drift by itself. It is a handful of counts: about a tenth of an inspection.
 */
final class PostgresCatalogFingerprint {

    private static final String QUERY = "WITH ns AS ("
            + " SELECT n.oid, n.xmin FROM pg_namespace n WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'strata')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
            + " AND (cardinality(?::text[]) = 0 OR n.nspname = ANY (?::text[]))),"
            + " rel AS (SELECT c.oid, c.xmin FROM pg_class c JOIN ns ON ns.oid = c.relnamespace)"
            + " SELECT concat_ws(' ',"
            + stamp("ns", "ns", "true") + ","
            + stamp("rel", "rel", "true") + ","
            + stamp("a", "pg_attribute a JOIN rel ON rel.oid = a.attrelid", "a.attnum > 0") + ","
            + stamp("d", "pg_attrdef d JOIN rel ON rel.oid = d.adrelid", "true") + ","
            + stamp("i", "pg_index i JOIN rel ON rel.oid = i.indrelid", "true") + ","
            + stamp("k", "pg_constraint k JOIN ns ON ns.oid = k.connamespace", "true") + ","
            + stamp("r", "pg_rewrite r JOIN rel ON rel.oid = r.ev_class", "true") + ","
            + stamp("t", "pg_type t JOIN ns ON ns.oid = t.typnamespace", "true") + ")";

    private static String stamp(String alias, String from, String where) {
        return " (SELECT count(*) || '/' || coalesce(max(" + alias + ".xmin::text::bigint), 0) FROM " + from
                + " WHERE " + where + ")";
    }

    private PostgresCatalogFingerprint() {}

    static String of(Connection c, CatalogScope scope) throws SQLException {
        Array schemas = c.createArrayOf("text", scope.schemas().toArray());
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setArray(1, schemas);
            ps.setArray(2, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return "xmin:" + rs.getString(1);
            }
        }
    }
}
