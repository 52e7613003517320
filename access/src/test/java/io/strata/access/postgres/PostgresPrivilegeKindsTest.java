package io.strata.access.postgres;

import static io.strata.access.testing.AccessHarness.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.testing.AccessHarness;
import io.strata.access.testing.PgServer;
import io.strata.core.plan.LayerPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database, sequence, function and PUBLIC privileges; role attributes; other grantors; pruning. */
class PostgresPrivilegeKindsTest {

    @TempDir
    Path root;

    PgServer db;
    AccessHarness access;

    @BeforeEach
    void setUp() {
        db = PgServer.start();
        db.executor("CREATE SCHEMA app", "CREATE TABLE app.t (id bigserial)",
                "CREATE FUNCTION app.f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x'");
        access = AccessHarness.postgres(db, root);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void databaseSequenceFunctionAndPublicPrivilegesConverge() {
        access.spec("team.yaml", """
                roles:
                  $papp:
                    login: true
                    grants:
                      database: [CONNECT, TEMPORARY]
                      schemas: {app: [USAGE]}
                      tables: {app.t: [SELECT, INSERT]}
                      sequences: {app.*: [USAGE]}
                      functions: {app.f(int): [EXECUTE]}
                public:
                  database: [CONNECT]
                """);
        String app = db.prefix() + "app";
        LayerPlan plan = access.apply();
        assertThat(lines(plan)).contains(
                "- revoke TEMPORARY on database from PUBLIC",
                "- revoke EXECUTE on function app.f(integer) from PUBLIC",
                "+ grant CONNECT, TEMPORARY on database to " + app,
                "+ grant EXECUTE on function app.f(integer) to " + app,
                "+ grant USAGE on all sequences in schema app to " + app);
        assertThat(lines(access.plan())).isEmpty();
        assertThat(db.canLoggedIn(app, "INSERT INTO app.t DEFAULT VALUES")).isTrue();
        assertThat(db.canLoggedIn(app, "SELECT app.f(1)")).isTrue();
        assertThat(db.canLoggedIn(app, "CREATE TEMP TABLE x (id int)")).isTrue();
        assertThat(db.query("SELECT has_database_privilege('public', current_database(), 'TEMPORARY')")
                .get(0)).isEqualTo("f");
    }

    @Test
    void roleAttributesAndCommentsAreAlteredBackToTheSpec() {
        access.spec("team.yaml", "roles:\n  $pbob:\n    login: true\n    comment: Bob\n");
        access.apply();
        String bob = db.prefix() + "bob";
        db.admin("ALTER ROLE \"" + bob + "\" NOLOGIN NOINHERIT CONNECTION LIMIT 2",
                "COMMENT ON ROLE \"" + bob + "\" IS 'edited'");
        LayerPlan drift = access.plan();
        assertThat(drift.changes()).extracting(c -> c.action().symbol() + " " + c.object() + ": " + c.summary())
                .containsExactly("~ role " + bob + ": login: false → true, inherit: false → true, connection limit: 2 → -1",
                        "~ comment on role " + bob + ": set the comment");
        access.apply(drift);
        assertThat(lines(access.plan())).isEmpty();
    }

    @Test
    void grantsMadeByAnotherGrantorAreRevokedAsThatGrantor() {
        String lead = db.prefix() + "lead";
        String intern = db.prefix() + "intern";
        access.spec("team.yaml", """
                roles:
                  $plead:
                    grants:
                      schemas: {app: [USAGE]}
                      tables: {app.t: [SELECT WITH GRANT OPTION]}
                """);
        access.apply();
        db.admin("CREATE ROLE \"" + intern + "\"", "GRANT \"" + lead + "\" TO \"" + db.executor() + "\"");
        db.admin("SET ROLE \"" + lead + "\"", "GRANT SELECT ON app.t TO \"" + intern + "\"");
        LayerPlan drift = access.plan();
        assertThat(drift.changes()).singleElement().satisfies(c -> {
            assertThat(c.object()).isEqualTo("revoke SELECT on app.t from " + intern);
            assertThat(c.body()).startsWith("SET ROLE \"" + lead + "\";").endsWith("RESET ROLE;");
        });
        access.apply(drift);
        assertThat(lines(access.plan())).isEmpty();
        assertThat(db.can(intern, "SELECT * FROM app.t")).isFalse();
    }

    @Test
    void undeclaredRolesAreDroppedOnlyWithPruneRoles() {
        String gone = db.prefix() + "gone";
        db.admin("CREATE ROLE \"" + gone + "\"", "GRANT USAGE ON SCHEMA app TO \"" + gone + "\"");
        access.spec("team.yaml", """
                roles:
                  $pkeep:
                    grants: {schemas: {app: [USAGE]}}
                managed_roles: ["$p*"]
                """);
        LayerPlan keep = access.apply();
        assertThat(lines(keep)).contains("- revoke USAGE on schema app from " + gone).doesNotContain("- role " + gone);
        assertThat(db.query("SELECT count(*) FROM pg_roles WHERE rolname = '" + gone + "'")).containsExactly("1");

        access.spec("team.yaml", """
                roles:
                  $pkeep:
                    grants: {schemas: {app: [USAGE]}}
                managed_roles: ["$p*"]
                prune_roles: true
                """);
        LayerPlan prune = access.plan();
        assertThat(lines(prune)).containsExactly("- role " + gone);
        assertThat(prune.changes()).allMatch(c -> c.destructive() && c.unsafe());
        access.apply(prune);
        assertThat(db.query("SELECT count(*) FROM pg_roles WHERE rolname = '" + gone + "'")).containsExactly("0");
        assertThat(lines(access.plan())).isEmpty();
    }

    @Test
    void ignoredRolesAndRolesOutsideManagedRolesAreLeftAlone() {
        String legacy = db.prefix() + "legacy";
        db.admin("CREATE ROLE \"" + legacy + "\"", "GRANT USAGE ON SCHEMA app TO \"" + legacy + "\"",
                "GRANT SELECT ON app.t TO \"" + legacy + "\"");
        access.spec("team.yaml", "roles:\n  $pa:\n    grants: {schemas: {app: [USAGE]}, tables: {app.t: [SELECT]}}\n"
                + "ignore: [\"$pleg*\"]\n");
        assertThat(lines(access.apply())).containsExactly("+ role " + db.prefix() + "a",
                "+ grant USAGE on schema app to " + db.prefix() + "a", "+ grant SELECT on app.t to " + db.prefix() + "a");
        assertThat(db.can(legacy, "SELECT * FROM app.t")).isTrue();
    }
}
