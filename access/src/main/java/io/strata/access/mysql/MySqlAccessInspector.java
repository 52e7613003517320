package io.strata.access.mysql;

import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.Membership;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads MariaDB's accounts, roles, role grants and database- and table-level privileges in six
 * queries over the {@code mysql} grant tables and {@code information_schema}. Accounts are keyed
 * {@code user@host}, roles by name. MySQL has no owners: every object's owner is empty.
 * Privileges Strata does not manage on MySQL (DROP, ALTER, INDEX, ...) are not read.
 */
public final class MySqlAccessInspector {

    static final String SYSTEM_SCHEMAS = "('mysql', 'information_schema', 'performance_schema', 'sys')";

    private static final String[][] DB_COLUMNS = {{"Select_priv", "SELECT"}, {"Insert_priv", "INSERT"},
            {"Update_priv", "UPDATE"}, {"Delete_priv", "DELETE"}, {"References_priv", "REFERENCES"},
            {"Trigger_priv", "TRIGGER"}};

    public AccessCatalog inspect(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            String version;
            String database;
            String executor;
            try (ResultSet rs = s.executeQuery("SELECT VERSION(), DATABASE(), CURRENT_USER()")) {
                rs.next();
                version = rs.getString(1);
                database = rs.getString(2) == null ? "" : rs.getString(2);
                executor = rs.getString(3);
            }
            Map<String, Role> roles = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT User, Host, is_role, max_user_connections, Super_priv FROM mysql.user ORDER BY User, Host")) {
                while (rs.next()) {
                    boolean role = "Y".equals(rs.getString(3));
                    String key = key(rs.getString(1), rs.getString(2));
                    int limit = rs.getInt(4);
                    roles.put(key, new Role(key, role ? "" : rs.getString(2), !role, true,
                            role || limit == 0 ? -1 : limit, "", "Y".equals(rs.getString(5))));
                }
            }
            Set<Membership> memberships = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT User, Host, Role FROM mysql.roles_mapping")) {
                while (rs.next()) {
                    memberships.add(new Membership(rs.getString(3), key(rs.getString(1), rs.getString(2))));
                }
            }
            Map<String, String> schemas = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                    + " WHERE SCHEMA_NAME NOT IN " + SYSTEM_SCHEMAS)) {
                while (rs.next()) {
                    schemas.put(rs.getString(1), "");
                }
            }
            Map<ObjectRef, String> objects = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA NOT IN " + SYSTEM_SCHEMAS + " ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
                while (rs.next()) {
                    objects.put(ObjectRef.table(rs.getString(1), rs.getString(2)), "");
                }
            }
            List<AclEntry> grants = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT Host, Db, User, Select_priv, Insert_priv, Update_priv, Delete_priv,"
                    + " References_priv, Trigger_priv, Create_priv, Grant_priv FROM mysql.db ORDER BY Db, User, Host")) {
                while (rs.next()) {
                    String grantee = key(rs.getString(3), rs.getString(1));
                    String db = rs.getString(2);
                    boolean option = "Y".equals(rs.getString("Grant_priv"));
                    for (String[] column : DB_COLUMNS) {
                        if ("Y".equals(rs.getString(column[0]))) {
                            grants.add(new AclEntry(grantee, ObjectRef.table(db, "*"), Privilege.valueOf(column[1]),
                                    option, ""));
                        }
                    }
                    if ("Y".equals(rs.getString("Create_priv"))) {
                        grants.add(new AclEntry(grantee, ObjectRef.schema(db), Privilege.CREATE, option, ""));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT Host, Db, User, Table_name, Table_priv FROM mysql.tables_priv"
                    + " ORDER BY Db, Table_name, User, Host")) {
                while (rs.next()) {
                    String grantee = key(rs.getString(3), rs.getString(1));
                    ObjectRef table = ObjectRef.table(rs.getString(2), rs.getString(4));
                    String set = rs.getString(5);
                    List<String> names = set == null || set.isEmpty() ? List.of() : List.of(set.split(","));
                    boolean option = names.contains("Grant");
                    for (String name : names) {
                        Privilege.parse(name.toUpperCase(Locale.ROOT)).filter(p -> p != Privilege.CREATE)
                                .ifPresent(p -> grants.add(new AclEntry(grantee, table, p, option, "")));
                    }
                }
            }
            return new AccessCatalog("mysql", major(version), database, executor, roles, memberships, schemas, objects,
                    grants, List.of());
        }
    }

    /** {@code user@host} for an account, the bare name for a role (whose host is empty). */
    static String key(String user, String host) {
        return host == null || host.isEmpty() ? user : user + "@" + host;
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.substring(0, version.indexOf('.')));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
