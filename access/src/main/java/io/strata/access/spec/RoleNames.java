package io.strata.access.spec;

import io.strata.core.config.ConfigException;
import io.strata.core.config.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A dialect's rules for role names: how long they may be, which are reserved, and which roles are
 * the server's own (never managed, never declared).
 */
public final class RoleNames {

    private static final Set<String> PG_RESERVED = Set.of("public", "none", "current_user", "current_role",
            "session_user");

    private final boolean mysql;

    private RoleNames(boolean mysql) {
        this.mysql = mysql;
    }

    /** For {@code postgresql} or {@code mysql} (MariaDB included). */
    public static RoleNames forDialect(String dialect) {
        return new RoleNames("mysql".equals(dialect));
    }

    /** The server's own roles: PostgreSQL's {@code postgres} and {@code pg_*}; MySQL's {@code root} and {@code mysql.*}. */
    public boolean isSystem(String role) {
        if (mysql) {
            String user = role.lastIndexOf('@') > 0 ? role.substring(0, role.lastIndexOf('@')) : role;
            return user.equals("root") || user.equals("mysql") || user.startsWith("mysql.") || user.equals("mariadb.sys")
                    || user.equals("PUBLIC") || user.isEmpty() || role.startsWith("@");
        }
        return role.equals("postgres") || role.startsWith("pg_");
    }

    /**
     * The key a role is known by: its name, except for a MySQL user account (a login role), whose
     * key is {@code name@host}, as MySQL names accounts.
     */
    public String key(String name, boolean login, String host) {
        return mysql && login ? name + "@" + host : name;
    }

    boolean mysql() {
        return mysql;
    }

    /** Checks a role name wherever the spec writes one; returns it unchanged. */
    String check(String name, SourceLocation where) {
        if (mysql && name.indexOf('@') >= 0) {
            throw new ConfigException(where, "role name `" + shorten(name) + "` contains `@`",
                    "on MySQL an account's host goes under `host:`, e.g. `host: '10.0.%'`");
        }
        if (name.isEmpty()) {
            throw new ConfigException(where, "a role name is empty", "write the role's name");
        }
        if (name.indexOf('\0') >= 0) {
            throw new ConfigException(where, "a role name contains a NUL character", "remove it");
        }
        int limit = mysql ? 80 : 63;
        int length = mysql ? name.length() : name.getBytes(StandardCharsets.UTF_8).length;
        if (length > limit) {
            throw new ConfigException(where, "role name `" + shorten(name) + "` is too long: " + length
                            + (mysql ? " characters" : " bytes in UTF-8") + ", the server allows " + limit,
                    "use a shorter name");
        }
        if (!mysql && PG_RESERVED.contains(name.toLowerCase(Locale.ROOT)) && PG_RESERVED.contains(name)) {
            throw new ConfigException(where, "`" + name + "` is a reserved word in PostgreSQL, not a role",
                    name.equals("public") ? "declare PUBLIC's privileges under the top-level `public:` key"
                            : "use another name");
        }
        return name;
    }

    /** A role the spec declares (under {@code roles:}) must not be one of the server's own. */
    void checkDeclarable(String name, SourceLocation where) {
        if (isSystem(name)) {
            throw new ConfigException(where, "`" + name + "` is a system role: Strata never creates or changes it",
                    "remove it from `roles:`; system roles may still appear in `member_of`");
        }
    }

    /** MySQL's host part of an account; an error on PostgreSQL, whose roles have no host. */
    String checkHost(String host, SourceLocation where) {
        if (!mysql) {
            throw new ConfigException(where, "`host` applies to MySQL and MariaDB accounts only",
                    "remove it: PostgreSQL decides where a role may connect from in pg_hba.conf");
        }
        if (host.isEmpty() || host.length() > 255) {
            throw new ConfigException(where, "a host must be 1 to 255 characters",
                    "write `%` for any host, or a name, an IP address or a pattern like `10.0.%`");
        }
        return host;
    }

    static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 37) + "...";
    }
}
