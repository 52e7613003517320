package io.strata.pipeline.run;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenLineage's names for the tables of one database, as its naming conventions (spec/Naming.md)
 * give them, so that lineage from Strata joins lineage from other tools on the same tables:
 * PostgreSQL: namespace {@code postgres://host:port}, name {@code database.schema.table};
 * MySQL and MariaDB: namespace {@code mysql://host:port}, name {@code database.table} (a MySQL
 * schema is a database). A table named without a schema is taken to be in {@code public} on
 * PostgreSQL (the default search_path) and in the URL's database on MySQL/MariaDB.
 *
 * @param namespace e.g. {@code postgres://db.internal:5432}
 * @param database the database the URL names; empty when it names none
 */
record DatasetNaming(String namespace, String database, boolean postgres) {

    private static final Pattern MARIADB_ADDRESS = Pattern.compile("address=.*?\\(host=([^)]*)\\)(?:.*?\\(port=(\\d+)\\))?");

    /** The naming of a {@code jdbc:postgresql:}, {@code jdbc:mariadb:} or {@code jdbc:mysql:} URL. */
    static DatasetNaming of(String jdbcUrl) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        String rest = jdbcUrl.substring(jdbcUrl.indexOf(':', "jdbc:".length()) + 1);
        // Connector/J's high-availability modes: jdbc:mariadb:replication://h1,h2/db.
        rest = rest.replaceFirst("^[a-z]+:(?=//)", "");
        String authority = "";
        String path = rest;
        if (rest.startsWith("//")) {
            int slash = indexOfAny(rest, 2, "/?;");
            authority = rest.substring(2, slash);
            path = slash < rest.length() && rest.charAt(slash) == '/' ? rest.substring(slash + 1) : "";
        }
        String database = path.substring(0, indexOfAny(path, 0, "?;"));
        String hostPort = hostPort(authority, postgres ? 5432 : 3306);
        return new DatasetNaming((postgres ? "postgres://" : "mysql://") + hostPort, database, postgres);
    }

    /** The dataset name of a table as the pipeline named it ({@code schema.table} or {@code table}). */
    String name(String table) {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? (postgres ? "public" : database) : table.substring(0, dot);
        String bare = dot < 0 ? table : table.substring(dot + 1);
        return postgres ? database + "." + schema + "." + bare : schema + "." + bare;
    }

    private static String hostPort(String authority, int defaultPort) {
        // user:password@ (MySQL URLs allow it) must never reach an event.
        String hosts = authority.substring(authority.lastIndexOf('@') + 1);
        Matcher address = MARIADB_ADDRESS.matcher(hosts);
        if (address.lookingAt()) {
            return address.group(1).toLowerCase(Locale.ROOT) + ":"
                    + (address.group(2) == null ? defaultPort : address.group(2));
        }
        String first = hosts.split(",", -1)[0];
        String host = first;
        String port = null;
        if (first.startsWith("[")) {
            int close = first.indexOf(']');
            host = close < 0 ? first : first.substring(0, close + 1);
            port = close >= 0 && first.startsWith(":", close + 1) ? first.substring(close + 2) : null;
        } else if (first.contains(":")) {
            host = first.substring(0, first.lastIndexOf(':'));
            port = first.substring(first.lastIndexOf(':') + 1);
        }
        host = host.isEmpty() ? "localhost" : host.toLowerCase(Locale.ROOT);
        return host + ":" + (port == null || port.isEmpty() ? defaultPort : port);
    }

    private static int indexOfAny(String s, int from, String characters) {
        for (int i = from; i < s.length(); i++) {
            if (characters.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
