package io.strata.access.mysql;

import static io.strata.access.testing.AccessHarness.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.AccessLayer;
import io.strata.access.testing.AccessHarness;
import io.strata.access.testing.MariaDbServer;
import io.strata.core.plan.LayerPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles, users with hosts, database- and table-level privileges on the MariaDB server. */
class MariaDbAccessTest {

    @TempDir
    Path root;

    MariaDbServer db;
    AccessHarness access;
    String raw;
    String marts;

    @BeforeEach
    void setUp() {
        db = MariaDbServer.start();
        raw = db.prefix() + "raw";
        marts = db.prefix() + "marts";
        db.root("CREATE DATABASE `" + raw + "`", "CREATE DATABASE `" + marts + "`",
                "CREATE TABLE `" + raw + "`.customers (id bigint)", "CREATE TABLE `" + raw + "`.payments (id bigint)",
                "CREATE TABLE `" + marts + "`.customers (id bigint)");
        access = new AccessHarness(new AccessLayer(new MySqlAccessDialect()), root, db.asRoot(), db.prefix());
        access.spec("team.yaml", """
                roles:
                  $panalyst:
                    grants:
                      schemas: {$pmarts: [USAGE]}
                      tables: {$pmarts.*: [SELECT]}
                  $palice:
                    login: true
                    connection_limit: 5
                    member_of: [$panalyst]
                  $pwriter:
                    login: true
                    host: '%'
                    grants:
                      tables:
                        $praw.customers: [SELECT, INSERT]
                        $pmarts.*: [SELECT, INSERT, UPDATE, DELETE]
                """);
    }

    @AfterEach
    void tearDown() {
        try {
            db.root("DROP DATABASE IF EXISTS `" + raw + "`", "DROP DATABASE IF EXISTS `" + marts + "`");
        } finally {
            db.close();
        }
    }

    @Test
    void convergesAndTheAccountsCanDoExactlyWhatIsDeclared() {
        String p = db.prefix();
        LayerPlan plan = access.apply();
        assertThat(lines(plan)).contains("+ role " + p + "analyst", "+ role " + p + "alice@%",
                "+ grant SELECT on " + marts + ".* to " + p + "analyst",
                "+ grant SELECT, INSERT on " + raw + ".customers to " + p + "writer@%",
                "+ membership of " + p + "alice@% in " + p + "analyst");
        assertThat(plan.changes()).anySatisfy(c -> assertThat(c.body())
                .isEqualTo("CREATE USER `" + p + "alice`@`%` WITH MAX_USER_CONNECTIONS 5;"));
        assertThat(lines(access.plan())).as("no perpetual diff").isEmpty();

        String role = "SET ROLE `" + p + "analyst`";
        assertThat(db.can(p + "alice", "SELECT * FROM `" + marts + "`.customers", role)).isTrue();
        assertThat(db.can(p + "alice", "INSERT INTO `" + marts + "`.customers VALUES (1)", role)).isFalse();
        assertThat(db.can(p + "alice", "SELECT * FROM `" + raw + "`.payments", role)).isFalse();
        assertThat(db.can(p + "writer", "INSERT INTO `" + raw + "`.customers VALUES (1)")).isTrue();
        assertThat(db.can(p + "writer", "SELECT * FROM `" + raw + "`.payments")).isFalse();
    }

    @Test
    void handMadeGrantsAreDriftAndRevoked() {
        String p = db.prefix();
        access.apply();
        db.root("CREATE USER `" + p + "intern`@`%`", "GRANT SELECT ON `" + raw + "`.payments TO `" + p + "intern`@`%`",
                "GRANT `" + p + "analyst` TO `" + p + "intern`@`%`",
                "GRANT SELECT ON `" + raw + "`.* TO `" + p + "analyst` WITH GRANT OPTION");
        assertThat(db.can(p + "intern", "SELECT * FROM `" + raw + "`.payments")).isTrue();
        LayerPlan drift = access.plan();
        assertThat(lines(drift)).containsExactlyInAnyOrder(
                "- revoke SELECT on " + raw + ".* from " + p + "analyst",
                "- revoke SELECT on " + raw + ".payments from " + p + "intern@%",
                "- membership of " + p + "intern@% in " + p + "analyst");
        access.apply(drift);
        assertThat(lines(access.plan())).isEmpty();
        assertThat(db.can(p + "intern", "SELECT * FROM `" + raw + "`.payments")).isFalse();
    }

    @Test
    void hostileNamesAreQuoted() {
        String p = db.prefix();
        String odd = raw + "`; DROP DATABASE x; --";
        db.root("CREATE DATABASE " + MySqlAccessSql.ident(odd),
                "CREATE TABLE " + MySqlAccessSql.ident(odd) + "." + MySqlAccessSql.ident("Ördérs 'x'") + " (id int)");
        try {
            access.spec("team.yaml", """
                    roles:
                      "$pRobert'); DROP USER root;--":
                        login: true
                        host: "127.0.0.1"
                        grants:
                          tables:
                            '"ODD"."Ördérs ''x''"': [SELECT]
                    """.replace("ODD", odd.replace("\"", "\"\"")));
            String robert = p + "Robert'); DROP USER root;--";
            access.apply();
            assertThat(lines(access.plan())).isEmpty();
            assertThat(db.can(robert, "SELECT * FROM " + MySqlAccessSql.ident(odd) + "." + MySqlAccessSql.ident("Ördérs 'x'")))
                    .isTrue();
        } finally {
            db.root("DROP DATABASE " + MySqlAccessSql.ident(odd));
        }
    }

    @Test
    void importThenPlanShowsNoChanges() {
        String p = db.prefix();
        db.root("CREATE ROLE `" + p + "reader`", "GRANT SELECT ON `" + marts + "`.* TO `" + p + "reader`",
                "CREATE USER `" + p + "bob`@`10.1.%` WITH MAX_USER_CONNECTIONS 3", "GRANT `" + p + "reader` TO `" + p
                        + "bob`@`10.1.%`", "GRANT SELECT, INSERT ON `" + raw + "`.customers TO `" + p + "bob`@`10.1.%`"
                        + " WITH GRANT OPTION");
        var imported = new io.strata.access.adopt.SpecImporter(access.observe(), new io.strata.access.adopt.SpecImporter
                .Options(java.util.Set.of(raw, marts), java.util.List.of(p + "*"))).run("mysql");
        assertThat(imported.yaml()).contains("  " + p + "bob:\n    login: true\n    host: \"10.1.%\"\n    connection_limit: 3\n");
        assertThat(imported.notes()).isEmpty();
        access.spec("team.yaml", imported.yaml());
        assertThat(lines(access.plan())).as(imported.yaml()).isEmpty();
    }
}
