package io.strata.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.sql.Dialect;
import io.strata.storage.testing.Servers;
import io.strata.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An inspection makes a fixed number of statement executions, counted on the connection it is
 * given: 3 tables or 60, the same.
 */
class InspectionQueriesTest {

    @ParameterizedTest
    @EnumSource(Servers.class)
    void postgresInspectionQueriesDoNotGrowWithTheCatalog(Servers server) throws SQLException {
        try (TestDatabase db = server.newDatabase(); Connection c = db.connect()) {
            CatalogInspector inspector = CatalogInspector.of(Dialect.POSTGRESQL);
            addTables(c, "public", 0, 3, "");
            int few = executions(inspector, c, CatalogScope.managed(), 3);
            addTables(c, "public", 3, 60, "");
            int many = executions(inspector, c, CatalogScope.managed(), 60);
            // SET (isolation and search_path, one round trip) + schemas, columns, indexes, constraints, views.
            assertThat(few).isEqualTo(6);
            assertThat(many).isEqualTo(few);
        }
    }

    @Test
    void mysqlInspectionQueriesDoNotGrowWithTheCatalog() throws SQLException {
        try (MariaDbDatabases dbs = new MariaDbDatabases("raw"); Connection c = dbs.connect()) {
            CatalogInspector inspector = CatalogInspector.of(Dialect.MYSQL);
            CatalogScope scope = CatalogScope.only(dbs.names());
            addTables(c, dbs.name("raw"), 0, 3, " ENGINE = InnoDB");
            int few = executions(inspector, c, scope, 3);
            addTables(c, dbs.name("raw"), 3, 60, " ENGINE = InnoDB");
            int many = executions(inspector, c, scope, 60);
            // SCHEMATA, TABLES, COLUMNS, STATISTICS, KEY_COLUMN_USAGE, REFERENTIAL_CONSTRAINTS,
            // CHECK_CONSTRAINTS, TABLE_CONSTRAINTS, VIEWS.
            assertThat(few).isEqualTo(9);
            assertThat(many).isEqualTo(few);
        }
    }

    private static int executions(CatalogInspector inspector, Connection c, CatalogScope scope, int tables)
            throws SQLException {
        CountingConnection counting = new CountingConnection(c);
        Catalog catalog = inspector.inspect(counting, scope);
        assertThat(catalog.tableCount()).isEqualTo(tables);
        assertThat(catalog.schemas().stream().mapToInt(s -> s.views().size()).sum()).isEqualTo(tables);
        return counting.executions();
    }

    /** Tables {@code t<from>..t<to-1>} with a key, a unique and a check constraint, an index, a foreign key, a view. */
    private static void addTables(Connection c, String schema, int from, int to, String options) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = from; i < to; i++) {
                String t = schema + ".t" + i;
                s.execute("CREATE TABLE " + t + " (id bigint PRIMARY KEY, code varchar(20) NOT NULL UNIQUE,"
                        + " amount numeric(10, 2) DEFAULT 0 CHECK (amount >= 0), parent bigint"
                        + (i == 0 ? "" : " REFERENCES " + schema + ".t0 (id)") + ")" + options);
                s.execute("CREATE INDEX t" + i + "_amount ON " + t + " (amount)");
                s.execute("CREATE VIEW " + schema + ".v" + i + " AS SELECT id, code FROM " + t);
            }
        }
    }
}
