package io.strata.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.sql.Dialect;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.Servers;
import io.strata.storage.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostgresDriftTest {

    static final String SCHEMA = """
            CREATE SCHEMA raw;
            CREATE SCHEMA marts;
            CREATE TABLE raw.customers (
                id bigint PRIMARY KEY,
                email text NOT NULL UNIQUE,
                name text,
                status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX customers_email_idx ON raw.customers (lower(email));
            CREATE TABLE raw.orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES raw.customers (id) ON DELETE CASCADE,
                amount numeric(12, 2) NOT NULL CHECK (amount > 0)
            );
            CREATE INDEX orders_customer_idx ON raw.orders (customer_id);
            CREATE TABLE marts.customers (
                id bigint PRIMARY KEY,
                segment varchar(50),
                lifetime_value numeric(12, 2) DEFAULT 0
            );
            CREATE VIEW marts.active_customers AS SELECT id, email FROM raw.customers WHERE status = 'active';
            """;

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Servers.class)
    void eachHandMadeChangeIsReportedObjectByObject(Servers server) throws SQLException {
        try (TestDatabase db = server.newDatabase(); Connection c = db.connect()) {
            CatalogDrift drift = CatalogDrift.of(Dialect.POSTGRESQL);
            Harness h = new Harness(root, db);
            h.migration("0001_schema.sql", SCHEMA);
            h.apply();

            // The apply itself took the snapshot.
            CatalogSnapshot snapshot = drift.latestSnapshot(c).orElseThrow();
            assertThat(snapshot.catalog().tableCount()).isEqualTo(3);
            SchemaDrift clean = drift.drift(c);
            assertThat(clean).isEqualTo(new SchemaDrift.InSync(snapshot.takenAt()));
            assertThat(clean.lines()).isEmpty();
            assertThat(h.loop().plan(java.util.Set.of()).layers().get(0).drift()).isEmpty();

            run(c, "ALTER TABLE raw.customers ADD COLUMN note text",
                    "ALTER TABLE marts.customers ALTER COLUMN segment TYPE text",
                    "DROP INDEX raw.customers_email_idx",
                    "CREATE OR REPLACE VIEW marts.active_customers AS SELECT id, email FROM raw.customers"
                            + " WHERE status <> 'closed'",
                    "ALTER TABLE raw.customers ALTER COLUMN name SET NOT NULL",
                    "ALTER TABLE marts.customers ALTER COLUMN lifetime_value SET DEFAULT 1",
                    "ALTER TABLE raw.customers DROP CONSTRAINT customers_status_check",
                    "DROP TABLE raw.orders",
                    "CREATE TABLE raw.refunds (id bigint PRIMARY KEY, amount numeric NOT NULL)");

            SchemaDrift drifted = drift.drift(c);
            assertThat(drifted).isInstanceOf(SchemaDrift.Drifted.class);
            assertThat(drifted.lines()).containsExactly(
                    "~ view marts.active_customers: definition changed",
                    "~ column marts.customers.lifetime_value: default 0 → 1",
                    "~ column marts.customers.segment: type character varying(50) → text",
                    "- constraint raw.customers.customers_status_check (check) was dropped by hand:"
                            + " CHECK ((status = ANY (ARRAY['active'::text, 'closed'::text])))",
                    "~ column raw.customers.name: nullable → not null",
                    "+ column raw.customers.note (text, nullable) was added by hand",
                    "- index raw.customers_email_idx was dropped by hand",
                    "- table raw.orders was dropped by hand",
                    "+ table raw.refunds was added by hand (2 columns)");
            assertThat(drifted.summary()).startsWith("9 objects changed by hand since the catalog snapshot of ");
            assertThat(h.loop().plan(java.util.Set.of()).layers().get(0).drift()).isEqualTo(drifted.lines());
            assertThat(h.loop().observe(java.util.Set.of()).get(0).state())
                    .isEqualTo(io.strata.core.layer.LayerStatus.State.DRIFT);

            drift.snapshot(c);
            assertThat(drift.drift(c)).isInstanceOf(SchemaDrift.InSync.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void anObjectRecreatedIdenticallyIsNoDriftThoughTheFingerprintMoved(Servers server) throws SQLException {
        try (TestDatabase db = server.newDatabase(); Connection c = db.connect()) {
            CatalogDrift drift = CatalogDrift.of(Dialect.POSTGRESQL);
            Harness h = new Harness(root, db);
            h.migration("0001_schema.sql", SCHEMA);
            h.apply();
            String before = PostgresCatalogFingerprint.of(c, CatalogScope.managed());
            run(c, "DROP INDEX raw.customers_email_idx", "CREATE INDEX customers_email_idx ON raw.customers (lower(email))");
            assertThat(PostgresCatalogFingerprint.of(c, CatalogScope.managed())).isNotEqualTo(before);
            assertThat(drift.drift(c)).isInstanceOf(SchemaDrift.InSync.class);
            run(c, "COMMENT ON TABLE raw.customers IS 'comments are not inspected'");
            assertThat(drift.drift(c)).isInstanceOf(SchemaDrift.InSync.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void driftNeverWritesAndOnlyTheLatestSnapshotsAreKept(Servers server) throws SQLException {
        try (TestDatabase db = server.newDatabase(); Connection c = db.connect()) {
            Harness h = new Harness(root, db);
            h.execute("CREATE TABLE t (id int PRIMARY KEY)");
            CatalogDrift drift = CatalogDrift.of("postgresql");

            assertThat(drift.drift(c)).isInstanceOf(SchemaDrift.NoSnapshot.class);
            assertThat(h.rows("SELECT count(*) FROM pg_namespace WHERE nspname = 'strata'")).containsExactly("0");

            for (int i = 0; i < CatalogSnapshots.KEEP + 2; i++) {
                drift.snapshot(c);
            }
            assertThat(h.rows("SELECT count(*) FROM strata.catalog_snapshot")).containsExactly("5");
            String before = h.rows("SELECT string_agg(id || ':' || taken_at, ',' ORDER BY id)"
                    + " FROM strata.catalog_snapshot").get(0);
            drift.drift(c);
            assertThat(h.rows("SELECT string_agg(id || ':' || taken_at, ',' ORDER BY id)"
                    + " FROM strata.catalog_snapshot").get(0)).isEqualTo(before);
            // The snapshot lives in schema strata, which is out of scope: it never reports itself.
            assertThat(drift.inspect(c).schemas()).extracting(Schema::name).containsExactly("public");
            h.execute("CREATE SCHEMA raw");
            h.execute("CREATE TABLE raw.r (id int)");
            assertThat(drift.within(CatalogScope.only("raw", "strata")).inspect(c).schemas())
                    .extracting(Schema::name).containsExactly("raw");
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void inspectionLeavesTheCallersSessionAsItWas(Servers server) throws SQLException {
        try (TestDatabase db = server.newDatabase(); Connection c = db.connect()) {
            run(c, "CREATE SCHEMA raw", "CREATE TYPE raw.mood AS ENUM ('ok', 'sad')",
                    "CREATE TABLE raw.t (id int PRIMARY KEY, m raw.mood DEFAULT 'ok',"
                            + " g int GENERATED ALWAYS AS (id * 2) STORED, i bigint GENERATED BY DEFAULT AS IDENTITY)");
            c.setAutoCommit(false);
            run(c, "SET search_path = raw, public");
            Catalog inTransaction = CatalogDrift.of(Dialect.POSTGRESQL).inspect(c);
            assertThat(new Harness(root, db).rows("SELECT 1")).containsExactly("1");
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("raw, public");
            }
            c.commit();
            c.setAutoCommit(true);
            Catalog own = CatalogDrift.of(Dialect.POSTGRESQL).inspect(c);

            // Types and defaults come out schema-qualified whatever the session's search_path.
            assertThat(own).isEqualTo(inTransaction);
            assertThat(own.schemas().get(1).tables().get(0).columns()).containsExactly(
                    new Column("id", 1, "integer", false, null),
                    new Column("m", 2, "raw.mood", true, "'ok'::raw.mood"),
                    new Column("g", 3, "integer", true, "generated always as ((id * 2)) stored"),
                    new Column("i", 4, "bigint", false, "generated by default as identity"));
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    static void run(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
