package io.strata.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.audit.TableReaders.Reader;
import io.strata.access.model.AccessCatalog;
import io.strata.access.mysql.MySqlAccessInspector;
import io.strata.access.testing.MariaDbServer;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readers on MariaDB, where a grant on every table of a database is held on {@code db.*} and
 * accounts are {@code user@host}: read from the live server by the access inspector.
 */
class TableReadersMariaDbTest {

    @Test
    void findsDatabaseWideAndTableGrantsAndTheRolesMembers() throws Exception {
        try (MariaDbServer server = MariaDbServer.start()) {
            String p = server.prefix();
            String marts = p + "marts";
            try {
                server.root("CREATE DATABASE `" + marts + "`", "CREATE TABLE `" + marts + "`.customers (id bigint)",
                        "CREATE TABLE `" + marts + "`.orders (id bigint)",
                        "CREATE ROLE `" + p + "analyst`", "GRANT SELECT ON `" + marts + "`.* TO `" + p + "analyst`",
                        "CREATE USER `" + p + "alice`@`%`", "GRANT `" + p + "analyst` TO `" + p + "alice`@`%`",
                        "CREATE USER `" + p + "writer`@`%`",
                        "GRANT SELECT, INSERT ON `" + marts + "`.customers TO `" + p + "writer`@`%`",
                        "CREATE USER `" + p + "loader`@`%`",
                        "GRANT INSERT ON `" + marts + "`.customers TO `" + p + "loader`@`%`");
                AccessCatalog catalog;
                try (Connection c = server.asRoot().connect()) {
                    catalog = new MySqlAccessInspector().inspect(c);
                }
                TableReaders readers = TableReaders.of(catalog);

                assertThat(mine(readers.of(marts, "customers"), p)).containsExactly(
                        new Reader(p + "analyst", List.of(p + "analyst"), false),
                        new Reader(p + "writer@%", List.of(p + "writer@%"), false),
                        // An account uses a granted role only once it is active (Strata sets no default roles).
                        new Reader(p + "alice@%", List.of(p + "alice@%", p + "analyst"), true));
                assertThat(mine(readers.of(marts, "orders"), p)).extracting(Reader::role)
                        .containsExactly(p + "analyst", p + "alice@%");
            } finally {
                server.root("DROP DATABASE IF EXISTS `" + marts + "`");
            }
        }
    }

    /** The server is shared: only this test's accounts (root and others may read everything too). */
    private static List<Reader> mine(List<Reader> readers, String prefix) {
        return readers.stream().filter(r -> r.role().startsWith(prefix)).toList();
    }
}
