package io.strata.access.postgres;

import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.DefaultAcl;
import io.strata.access.model.Membership;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads roles, memberships and privileges from PostgreSQL's catalog in five queries, whatever the
 * number of objects: roles, memberships, objects with their owners, every ACL exploded
 * ({@code aclexplode}, with {@code acldefault} where an ACL was never set), default ACLs. Owners'
 * own entries are left out (an owner's privileges are implicit), and rows come sorted so that the
 * catalog, and its fingerprint, do not depend on the server's row order. Needs no privilege beyond
 * logging in: the catalog is readable by every role.
 */
public final class PostgresAccessInspector {

    /** User schemas: everything but the catalog, information_schema and temporary/toast schemas. */
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    private static final String CONTEXT = "SELECT current_database(), current_user, d.datdba,"
            + " current_setting('server_version_num')::int / 10000 FROM pg_database d WHERE d.datname = current_database()";

    private static final String ROLES = "SELECT r.oid, r.rolname, r.rolcanlogin, r.rolinherit, r.rolconnlimit,"
            + " r.rolsuper, coalesce(shobj_description(r.oid, 'pg_authid'), '') FROM pg_roles r";

    private static final String MEMBERSHIPS = "SELECT roleid, member FROM pg_auth_members";

    private static final String OBJECTS = "SELECT 'n', n.nspname, '', '', n.nspowner FROM pg_namespace n WHERE " + USER_SCHEMAS
            + " UNION ALL SELECT CASE WHEN c.relkind = 'S' THEN 'S' ELSE 'r' END, n.nspname, c.relname, '', c.relowner"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p', 'S') AND " + USER_SCHEMAS
            + " UNION ALL SELECT 'f', n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes), p.proowner"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMAS + " ORDER BY 1, 2, 3, 4";

    private static final String ACLS = "SELECT 'd', '', '', '', a.grantor, a.grantee, a.privilege_type, a.is_grantable"
            + " FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a"
            + " WHERE d.datname = current_database() AND a.grantee <> d.datdba"
            + " UNION ALL SELECT 'n', n.nspname, '', '', a.grantor, a.grantee, a.privilege_type, a.is_grantable"
            + " FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a"
            + " WHERE a.grantee <> n.nspowner AND " + USER_SCHEMAS
            + " UNION ALL SELECT CASE WHEN c.relkind = 'S' THEN 'S' ELSE 'r' END, n.nspname, c.relname, '',"
            + " a.grantor, a.grantee, a.privilege_type, a.is_grantable"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a"
            + " WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'v', 'm', 'f', 'p', 'S') AND a.grantee <> c.relowner"
            + " AND " + USER_SCHEMAS
            + " UNION ALL SELECT 'f', n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes),"
            + " a.grantor, a.grantee, a.privilege_type, a.is_grantable"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,"
            + " aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a WHERE a.grantee <> p.proowner AND "
            + USER_SCHEMAS + " ORDER BY 1, 2, 3, 4, 6, 7, 5";

    private static final String DEFAULTS = "SELECT d.defaclrole, n.nspname, d.defaclobjtype, a.grantee, a.privilege_type,"
            + " a.is_grantable FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace,"
            + " aclexplode(d.defaclacl) a WHERE d.defaclobjtype IN ('r', 'S', 'f') ORDER BY 1, 2, 3, 4, 5";

    /** Reads the catalog; never writes. */
    public AccessCatalog inspect(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(0);
            String database;
            String executor;
            long databaseOwner;
            int version;
            try (ResultSet rs = s.executeQuery(CONTEXT)) {
                rs.next();
                database = rs.getString(1);
                executor = rs.getString(2);
                databaseOwner = rs.getLong(3);
                version = rs.getInt(4);
            }
            Map<Long, String> names = new HashMap<>();
            Map<String, Role> roles = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery(ROLES)) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    names.put(rs.getLong(1), name);
                    roles.put(name, new Role(name, "", rs.getBoolean(3), rs.getBoolean(4), rs.getInt(5), rs.getString(7),
                            rs.getBoolean(6)));
                }
            }
            names.put(0L, Names.PUBLIC);
            Set<Membership> memberships = new HashSet<>();
            try (ResultSet rs = s.executeQuery(MEMBERSHIPS)) {
                while (rs.next()) {
                    memberships.add(new Membership(names.get(rs.getLong(1)), names.get(rs.getLong(2))));
                }
            }
            Map<String, String> schemaOwners = new HashMap<>();
            Map<ObjectRef, String> objectOwners = new LinkedHashMap<>();
            objectOwners.put(ObjectRef.database(), names.get(databaseOwner));
            try (ResultSet rs = s.executeQuery(OBJECTS)) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    if (kind.equals("n")) {
                        schemaOwners.put(rs.getString(2), names.get(rs.getLong(5)));
                    } else {
                        objectOwners.put(object(kind, rs.getString(2), rs.getString(3), rs.getString(4)),
                                names.get(rs.getLong(5)));
                    }
                }
            }
            List<AclEntry> grants = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(ACLS)) {
                while (rs.next()) {
                    Privilege privilege = Privilege.parse(rs.getString(7)).orElse(null);
                    if (privilege == null) {
                        continue; // a privilege a newer server knows and Strata does not
                    }
                    grants.add(new AclEntry(names.get(rs.getLong(6)),
                            object(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            privilege, rs.getBoolean(8), names.getOrDefault(rs.getLong(5), "")));
                }
            }
            List<DefaultAcl> defaults = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(DEFAULTS)) {
                while (rs.next()) {
                    Privilege privilege = Privilege.parse(rs.getString(5)).orElse(null);
                    if (privilege != null) {
                        defaults.add(new DefaultAcl(names.get(rs.getLong(1)), rs.getString(2), kind(rs.getString(3)),
                                names.get(rs.getLong(4)), privilege, rs.getBoolean(6)));
                    }
                }
            }
            return new AccessCatalog("postgresql", version, database, executor, roles, memberships, schemaOwners,
                    objectOwners, grants, defaults);
        }
    }

    private static ObjectRef object(String kind, String schema, String name, String args) {
        return switch (kind) {
            case "d" -> ObjectRef.database();
            case "n" -> ObjectRef.schema(schema);
            case "S" -> ObjectRef.sequence(schema, name);
            case "f" -> ObjectRef.function(schema, name, args);
            default -> ObjectRef.table(schema, name);
        };
    }

    private static ObjectKind kind(String defaclObjType) {
        return switch (defaclObjType) {
            case "S" -> ObjectKind.SEQUENCE;
            case "f" -> ObjectKind.FUNCTION;
            default -> ObjectKind.TABLE;
        };
    }
}
