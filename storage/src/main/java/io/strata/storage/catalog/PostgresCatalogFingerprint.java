package io.strata.storage.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A digest of the raw catalog rows behind everything {@link PostgresCatalogInspector} renders:
 * relations and their names, columns (type, typmod, nullability, identity, generation, collation),
 * defaults, indexes, constraints, view rules and types. Equal digests mean an equal catalog, so a
 * drift check can skip the inspection and the snapshot's parsing; a different digest only means
 * "look closer" (an object dropped and recreated identically gets new OIDs), never drift by itself.
 * It costs one query without any of the server's rendering functions: about a quarter of an
 * inspection.
 */
final class PostgresCatalogFingerprint {

    private static final String QUERY = "WITH ns AS ("
            + " SELECT n.oid, n.nspname FROM pg_namespace n WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'strata')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
            + " AND (cardinality(?::text[]) = 0 OR n.nspname = ANY (?::text[]))),"
            + " rel AS (SELECT c.oid, c.relname, c.relkind, c.relnamespace, c.relam FROM pg_class c"
            + " JOIN ns ON ns.oid = c.relnamespace)"
            + " SELECT md5(string_agg(x, E'\\n' ORDER BY x)) FROM ("
            + " SELECT 'n ' || oid || ' ' || nspname AS x FROM ns"
            + " UNION ALL SELECT 'c ' || oid || ' ' || relname || ' ' || relkind::text || ' ' || relnamespace || ' ' || relam"
            + " FROM rel"
            + " UNION ALL SELECT 'a ' || a.attrelid || ' ' || a.attnum || ' ' || a.attname || ' ' || a.atttypid || ' '"
            + " || a.atttypmod || ' ' || a.attnotnull || ' ' || a.attidentity::text || ' ' || a.attgenerated::text || ' '"
            + " || a.attcollation FROM pg_attribute a JOIN rel ON rel.oid = a.attrelid"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped"
            + " UNION ALL SELECT 'd ' || d.adrelid || ' ' || d.adnum || ' ' || d.adbin::text FROM pg_attrdef d"
            + " JOIN rel ON rel.oid = d.adrelid"
            + " UNION ALL SELECT 'i ' || i.indexrelid || ' ' || i.indkey::text || ' ' || i.indclass::text || ' '"
            + " || i.indoption::text || ' ' || i.indcollation::text || ' ' || i.indisunique || ' ' || i.indisprimary"
            + " || ' ' || coalesce(i.indexprs::text, '') || ' ' || coalesce(i.indpred::text, '')"
            + " FROM pg_index i JOIN rel ON rel.oid = i.indrelid"
            + " UNION ALL SELECT 'k ' || k.oid || ' ' || k.conname || ' ' || k.contype::text || ' ' || k.conrelid || ' '"
            + " || k.confrelid || ' ' || coalesce(k.conkey::text, '') || ' ' || coalesce(k.confkey::text, '') || ' '"
            + " || k.confupdtype::text || k.confdeltype::text || k.confmatchtype::text || ' ' || k.condeferrable"
            + " || k.condeferred || k.convalidated || ' ' || coalesce(k.conbin::text, '')"
            + " FROM pg_constraint k JOIN ns ON ns.oid = k.connamespace"
            + " UNION ALL SELECT 'v ' || r.ev_class || ' ' || r.ev_action::text FROM pg_rewrite r JOIN rel ON rel.oid = r.ev_class"
            + " UNION ALL SELECT 't ' || t.oid || ' ' || t.typname || ' ' || t.typnamespace FROM pg_type t"
            + " JOIN ns ON ns.oid = t.typnamespace) s";

    private PostgresCatalogFingerprint() {}

    static String of(Connection c, CatalogScope scope) throws SQLException {
        Array schemas = c.createArrayOf("text", scope.schemas().toArray());
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setArray(1, schemas);
            ps.setArray(2, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String digest = rs.getString(1);
                // No object in scope at all: string_agg of nothing is null.
                return digest == null ? "empty" : digest;
            }
        }
    }
}
