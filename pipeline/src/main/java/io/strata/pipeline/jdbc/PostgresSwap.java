package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a PostgreSQL replace, inside the load's transaction: the loaded table takes the
 * old one's place, name, index and constraint names, owner, grants and comment, and the old table
 * is dropped. Nothing is visible to others until the transaction commits, and then all of it is.
 *
 * <p>Grants are carried over explicitly: {@code LIKE ... INCLUDING ALL} copies no privileges, and
 * a table's grants belong to the table (by OID), not to its name. The new table gets exactly the
 * old table's ACL, table and column privileges, read under the exclusive lock so a GRANT made
 * during the load is not lost. What is not kept: who the grantor of each privilege was (the
 * pipeline's role becomes it) and privileges the owner revoked from itself.
 */
final class PostgresSwap {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSwap.class);
    /** How long one attempt waits for readers to let go; while it waits, new readers queue behind it. */
    private static final String LOCK_TIMEOUT = "2s";
    private static final int LOCK_ATTEMPTS = 30;

    private PostgresSwap() {}

    static void swap(Connection c, TableName target, TableName staging) throws SQLException {
        lockExclusively(c, target);
        String quoted = target.quoted(Dialect.POSTGRES);
        String owner = PostgresCatalog.text(c, "SELECT quote_ident(pg_get_userbyid(relowner)) FROM pg_class"
                + " WHERE oid = ?::regclass", target);
        String stagingOwner = PostgresCatalog.text(c, "SELECT quote_ident(pg_get_userbyid(relowner)) FROM pg_class"
                + " WHERE oid = ?::regclass", staging);
        String comment = PostgresCatalog.text(c, "SELECT quote_literal(obj_description(?::regclass, 'pg_class'))",
                target);
        List<String> grants = grants(c, target, quoted);
        List<String> revokes = revokes(c, staging, quoted);
        Map<String, Deque<String>> oldIndexes = indexes(c, target);
        Map<String, Deque<String>> newIndexes = indexes(c, staging);

        List<String> statements = new ArrayList<>();
        statements.add("DROP TABLE " + quoted);
        statements.add("ALTER TABLE " + staging.quoted(Dialect.POSTGRES) + " RENAME TO "
                + Dialect.POSTGRES.quote(target.table()));
        // Index names are unique per schema, so the new table's indexes got generated names; now that the
        // old indexes are gone, the new ones take their names (a constraint's index renames the
        // constraint with it), and a schema snapshot sees the table exactly as before.
        newIndexes.forEach((definition, names) -> {
            Deque<String> old = oldIndexes.getOrDefault(definition, new ArrayDeque<>());
            for (String name : names) {
                String oldName = old.poll();
                if (oldName != null && !oldName.equals(name)) {
                    statements.add("ALTER INDEX " + target.sibling(name).quoted(Dialect.POSTGRES) + " RENAME TO "
                            + Dialect.POSTGRES.quote(oldName));
                }
            }
        });
        statements.addAll(revokes);
        if (!owner.equals(stagingOwner)) {
            statements.add("ALTER TABLE " + quoted + " OWNER TO " + owner);
        }
        statements.addAll(grants);
        statements.add("COMMENT ON TABLE " + quoted + " IS " + (comment == null ? "NULL" : comment));
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * ACCESS EXCLUSIVE on the old table, waiting for its readers a short while at a time: a waiting
     * lock request makes every new reader queue behind it, so a long wait would stall them all.
     */
    private static void lockExclusively(Connection c, TableName target) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint before = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                s.execute("LOCK TABLE " + target.quoted(Dialect.POSTGRES) + " IN ACCESS EXCLUSIVE MODE");
                c.releaseSavepoint(before);
                return;
            } catch (SQLException e) {
                if (!"55P03".equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback(before);
                if (attempt == LOCK_ATTEMPTS) {
                    throw new PipelineException("could not swap in the new " + target + ": other sessions held it"
                            + " for " + LOCK_ATTEMPTS + " attempts of " + LOCK_TIMEOUT + "; the old table is"
                            + " unchanged (see pg_locks for who holds it)", e);
                }
                LOG.info("{} is in use; swap attempt {} of {} waits a moment", target, attempt, LOCK_ATTEMPTS);
                pause(Math.min(2_000, 100L * attempt));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while waiting to swap tables", e);
        }
    }

    /** The old table's table and column privileges, as GRANT statements on {@code quoted}. */
    private static List<String> grants(Connection c, TableName table, String quoted) throws SQLException {
        String sql = """
                SELECT format('GRANT %s ON TABLE %s TO %s%s', e.privilege_type, $1,
                              CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(e.grantee)) END,
                              CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
                FROM pg_class c, aclexplode(c.relacl) e
                WHERE c.oid = $2::regclass AND e.grantee <> c.relowner
                UNION ALL
                SELECT format('GRANT %s (%s) ON TABLE %s TO %s%s', e.privilege_type, quote_ident(a.attname), $1,
                              CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(e.grantee)) END,
                              CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
                FROM pg_attribute a, aclexplode(a.attacl) e
                WHERE a.attrelid = $2::regclass AND a.attnum > 0 AND NOT a.attisdropped""";
        return strings(c, sql.replace("$1", "?").replace("$2", "?"), quoted, table.quoted(Dialect.POSTGRES), quoted,
                table.quoted(Dialect.POSTGRES));
    }

    /**
     * What the new table was granted on creation (the schema's default privileges), revoked, so
     * that it ends with the old table's privileges and no others. A NULL ACL means the defaults:
     * nothing to revoke.
     */
    private static List<String> revokes(Connection c, TableName staging, String quoted) throws SQLException {
        String sql = """
                SELECT DISTINCT format('REVOKE ALL ON TABLE %s FROM %s', ?,
                       CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(e.grantee)) END)
                FROM pg_class c, aclexplode(c.relacl) e
                WHERE c.oid = ?::regclass AND e.grantee <> c.relowner""";
        return strings(c, sql, quoted, staging.quoted(Dialect.POSTGRES));
    }

    /** Index names by definition (uniqueness and everything after USING), in name order per definition. */
    private static Map<String, Deque<String>> indexes(Connection c, TableName table) throws SQLException {
        String sql = """
                SELECT ic.relname, i.indisunique::text || substring(pg_get_indexdef(i.indexrelid) from ' USING .*')
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                WHERE i.indrelid = ?::regclass ORDER BY ic.relname""";
        Map<String, Deque<String>> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table.quoted(Dialect.POSTGRES));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(2), k -> new ArrayDeque<>()).add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql, String... parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
