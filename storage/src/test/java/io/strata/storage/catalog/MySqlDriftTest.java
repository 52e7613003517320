package io.strata.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlDriftTest {

    static final String[] SCHEMA = {
        """
        CREATE TABLE {raw}.customers (
            id BIGINT PRIMARY KEY,
            email VARCHAR(200) NOT NULL,
            name VARCHAR(100),
            status VARCHAR(10) NOT NULL DEFAULT 'active',
            created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
            CONSTRAINT customers_email_key UNIQUE (email),
            CONSTRAINT customers_status_check CHECK (status IN ('active', 'closed'))
        )""",
        "CREATE INDEX customers_name_idx ON {raw}.customers (name)",
        """
        CREATE TABLE {raw}.orders (
            id BIGINT AUTO_INCREMENT PRIMARY KEY,
            customer_id BIGINT NOT NULL,
            amount DECIMAL(12, 2) NOT NULL,
            CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES {raw}.customers (id) ON DELETE CASCADE,
            CONSTRAINT orders_amount_check CHECK (amount > 0)
        )""",
        "CREATE TABLE {marts}.customers (id BIGINT PRIMARY KEY, segment VARCHAR(50), lifetime_value DECIMAL(12, 2) DEFAULT 0)",
        "CREATE VIEW {marts}.active_customers AS SELECT id, email FROM {raw}.customers WHERE status = 'active'",
    };

    @Test
    void eachHandMadeChangeIsReportedObjectByObject() throws SQLException {
        try (MariaDbDatabases dbs = new MariaDbDatabases("raw", "marts"); Connection c = dbs.connect()) {
            dbs.execute(SCHEMA);
            CatalogDrift drift = CatalogDrift.of(Dialect.MYSQL).within(CatalogScope.only(dbs.names()));

            assertThat(drift.drift(c)).isEqualTo(new SchemaDrift.NoSnapshot());
            String snapshotTable = "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'strata_catalog_snapshot'";
            assertThat(count(c, snapshotTable)).as("reading never writes").isZero();
            CatalogSnapshot snapshot = drift.snapshot(c);
            assertThat(snapshot.catalog().tableCount()).isEqualTo(3);
            assertThat(drift.drift(c)).isEqualTo(new SchemaDrift.InSync(snapshot.takenAt()));
            // Strata's own table sits in the home database, which is in scope: it never reports itself.
            assertThat(snapshot.catalog().schemas()).extracting(Schema::name)
                    .containsExactly(dbs.name("home"), dbs.name("marts"), dbs.name("raw"));
            assertThat(snapshot.catalog().schemas().get(0).tables()).isEmpty();

            dbs.execute("ALTER TABLE {raw}.customers ADD COLUMN note TEXT",
                    "ALTER TABLE {marts}.customers MODIFY segment TEXT",
                    "DROP INDEX customers_name_idx ON {raw}.customers",
                    "CREATE OR REPLACE VIEW {marts}.active_customers AS SELECT id, email FROM {raw}.customers"
                            + " WHERE status <> 'closed'",
                    "ALTER TABLE {raw}.customers MODIFY name VARCHAR(100) NOT NULL",
                    "ALTER TABLE {marts}.customers ALTER lifetime_value SET DEFAULT 1",
                    "ALTER TABLE {raw}.customers DROP CONSTRAINT customers_status_check",
                    "DROP TABLE {raw}.orders",
                    "CREATE TABLE {raw}.refunds (id BIGINT PRIMARY KEY, amount DECIMAL(12, 2) NOT NULL)");

            SchemaDrift drifted = drift.drift(c);
            assertThat(drifted).isInstanceOf(SchemaDrift.Drifted.class);
            assertThat(drifted.lines()).containsExactly(expanded(dbs,
                    "~ view {marts}.active_customers: definition changed",
                    "~ column {marts}.customers.lifetime_value: default 0.00 → 1.00",
                    "~ column {marts}.customers.segment: type varchar(50) → text",
                    "- index {raw}.customers.customers_name_idx was dropped by hand",
                    "- constraint {raw}.customers.customers_status_check (check) was dropped by hand:"
                            + " CHECK (`status` in ('active','closed'))",
                    "~ column {raw}.customers.name: nullable → not null",
                    "+ column {raw}.customers.note (text, nullable) was added by hand",
                    "- table {raw}.orders was dropped by hand",
                    "+ table {raw}.refunds was added by hand (2 columns)"));

            drift.snapshot(c);
            assertThat(drift.drift(c)).isInstanceOf(SchemaDrift.InSync.class);
            assertThat(count(c, "SELECT COUNT(*) FROM strata_catalog_snapshot")).isEqualTo(2);
        }
    }

    @Test
    void catalogReadsDefinitionsAsPostgresWouldWriteThem() throws SQLException {
        try (MariaDbDatabases dbs = new MariaDbDatabases("raw", "marts"); Connection c = dbs.connect()) {
            dbs.execute(SCHEMA);
            Catalog catalog = CatalogDrift.of(Dialect.MYSQL).within(CatalogScope.only(dbs.names())).inspect(c);
            Table orders = catalog.schemas().stream().filter(s -> s.name().equals(dbs.name("raw"))).findFirst()
                    .orElseThrow().tables().get(1);
            assertThat(orders.name()).isEqualTo("orders");
            assertThat(orders.columns()).containsExactly(
                    new Column("id", 1, "bigint(20)", false, "auto_increment"),
                    new Column("customer_id", 2, "bigint(20)", false, null),
                    new Column("amount", 3, "decimal(12,2)", false, null));
            assertThat(orders.constraints()).containsExactly(
                    new Constraint("PRIMARY", Constraint.Kind.PRIMARY_KEY, "PRIMARY KEY (id)"),
                    new Constraint("orders_amount_check", Constraint.Kind.CHECK, "CHECK (`amount` > 0)"),
                    new Constraint("orders_customer_fk", Constraint.Kind.FOREIGN_KEY, dbs.expand(
                            "FOREIGN KEY (customer_id) REFERENCES {raw}.customers (id) ON UPDATE RESTRICT"
                                    + " ON DELETE CASCADE")));
            assertThat(orders.indexes()).containsExactly(
                    new Index("PRIMARY", dbs.expand("CREATE UNIQUE INDEX PRIMARY ON {raw}.orders USING BTREE (id)"),
                            true, true),
                    new Index("orders_customer_fk", dbs.expand(
                            "CREATE INDEX orders_customer_fk ON {raw}.orders USING BTREE (customer_id)"), false, false));
        }
    }

    @Test
    void managedScopeLeavesOutSystemDatabasesAndStrataTablesOfTheConnectionsDatabaseOnly() throws SQLException {
        try (MariaDbDatabases dbs = new MariaDbDatabases("other"); Connection c = dbs.connect()) {
            dbs.execute("CREATE TABLE {home}.strata_migrations (version BIGINT PRIMARY KEY)",
                    "CREATE TABLE {home}.customers (id BIGINT PRIMARY KEY)",
                    "CREATE TABLE {other}.strata_lookalike (id BIGINT PRIMARY KEY)");
            Catalog catalog = CatalogDrift.of(Dialect.MYSQL).inspect(c);

            List<String> schemas = catalog.schemas().stream().map(Schema::name).toList();
            assertThat(schemas).contains(dbs.name("home"), dbs.name("other"))
                    .doesNotContain("mysql", "sys", "information_schema", "performance_schema");
            assertThat(tables(catalog, dbs.name("home"))).containsExactly("customers");
            assertThat(tables(catalog, dbs.name("other"))).containsExactly("strata_lookalike");
        }
    }

    private static List<String> tables(Catalog catalog, String schema) {
        return catalog.schemas().stream().filter(s -> s.name().equals(schema)).flatMap(s -> s.tables().stream())
                .map(Table::name).toList();
    }

    private static String[] expanded(MariaDbDatabases dbs, String... lines) {
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            result.add(dbs.expand(line));
        }
        return result.toArray(String[]::new);
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
