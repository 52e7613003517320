package io.strata.access.adopt;

import static io.strata.access.testing.AccessHarness.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.model.AccessCatalog;
import io.strata.access.testing.AccessHarness;
import io.strata.access.testing.PgServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An existing database, built by hand, imported: the plan against the imported spec is empty. */
class ImportRoundTripTest {

    @TempDir
    Path root;

    PgServer db;

    @BeforeEach
    void setUp() {
        db = PgServer.start();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void importThenPlanShowsNoChanges() {
        String p = db.prefix();
        String odd = "\"" + p + "Odd \"\"Name\"\"; --\"";
        db.executor("CREATE SCHEMA raw", "CREATE SCHEMA marts", "CREATE SCHEMA \"Sales EU\"",
                "CREATE TABLE raw.customers (id bigserial)", "CREATE TABLE raw.payments (id int)",
                "CREATE TABLE marts.customers (id int)", "CREATE VIEW marts.big AS SELECT 1 AS x",
                "CREATE TABLE \"Sales EU\".\"Orders\" (id int)",
                "CREATE FUNCTION marts.score(a integer, b text) RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "CREATE ROLE " + p + "analyst NOLOGIN", "COMMENT ON ROLE " + p + "analyst IS 'Reads the marts'",
                "CREATE ROLE " + p + "alice LOGIN CONNECTION LIMIT 4 IN ROLE " + p + "analyst",
                "CREATE ROLE " + p + "etl NOINHERIT", "CREATE ROLE " + odd + " LOGIN",
                "GRANT USAGE ON SCHEMA marts TO " + p + "analyst",
                "GRANT SELECT ON ALL TABLES IN SCHEMA marts TO " + p + "analyst",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA marts GRANT SELECT ON TABLES TO " + p + "analyst",
                "GRANT EXECUTE ON FUNCTION marts.score(integer, text) TO " + p + "analyst",
                "GRANT USAGE, CREATE ON SCHEMA raw TO " + p + "etl",
                "GRANT SELECT, INSERT ON raw.customers TO " + p + "etl WITH GRANT OPTION",
                "GRANT UPDATE ON raw.customers TO " + p + "etl",
                "GRANT USAGE ON SEQUENCE raw.customers_id_seq TO " + p + "etl",
                "GRANT CONNECT, TEMPORARY ON DATABASE " + db.name() + " TO " + p + "etl",
                "GRANT USAGE ON SCHEMA \"Sales EU\" TO " + odd,
                "GRANT SELECT ON \"Sales EU\".\"Orders\" TO " + odd,
                "REVOKE TEMPORARY ON DATABASE " + db.name() + " FROM PUBLIC",
                "GRANT SELECT ON raw.payments TO PUBLIC");

        AccessHarness access = AccessHarness.postgres(db, root);
        AccessCatalog live = access.observe();
        SpecImporter.Result imported = new SpecImporter(live, new SpecImporter.Options(Set.of(), List.of(p + "*")))
                .run("postgresql");
        assertThat(imported.notes()).isEmpty();
        assertThat(imported.yaml())
                .contains("  " + p + "analyst:\n    comment: Reads the marts\n")
                .contains("marts.*: [SELECT]")
                .contains("raw.customers: [SELECT WITH GRANT OPTION, INSERT WITH GRANT OPTION, UPDATE]")
                .contains("    inherit: false\n")
                .contains("    connection_limit: 4\n    member_of: [" + p + "analyst]")
                .contains("public:\n  database: [CONNECT]\n")
                .contains("managed_schemas: [Sales EU, marts, public, raw]");
        access.spec("imported.yaml", imported.yaml());

        assertThat(lines(access.plan())).as(imported.yaml()).isEmpty();
        assertThat(imported.roles()).isEqualTo(4);

        // The imported spec is a working spec: drift made afterwards is found.
        db.admin("GRANT SELECT ON raw.payments TO " + p + "analyst");
        assertThat(lines(access.plan())).containsExactly("- revoke SELECT on raw.payments from " + p + "analyst");
    }
}
