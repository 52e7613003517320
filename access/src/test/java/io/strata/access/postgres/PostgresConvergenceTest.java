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

/**
 * The seed's analytics platform, applied by a non-superuser executor with CREATEROLE: roles and
 * grants converge in one apply, the next plan is empty, and the roles can do exactly what the
 * spec says, checked by acting as them.
 */
class PostgresConvergenceTest {

    static final String SPEC = """
            roles:
              $panalyst:
                comment: Reads the marts; never writes.
                grants:
                  schemas:
                    marts: [USAGE]
                  tables:
                    marts.*: [SELECT]
              $palice:
                login: true
                connection_limit: 5
                member_of: [$panalyst]
              $pwriter:
                grants:
                  schemas:
                    raw: [USAGE]
                    marts: [USAGE]
                  tables:
                    raw.*: [SELECT, INSERT, UPDATE, DELETE]
                    marts.*: [SELECT, INSERT, UPDATE, DELETE, TRUNCATE]
                  sequences:
                    raw.*: [USAGE, SELECT]
            """;

    @TempDir
    Path root;

    PgServer db;
    AccessHarness access;

    @BeforeEach
    void setUp() {
        db = PgServer.start();
        db.executor("CREATE SCHEMA raw", "CREATE SCHEMA marts",
                "CREATE TABLE raw.customers (id bigserial PRIMARY KEY, name text)",
                "CREATE TABLE raw.payments (id bigint, amount numeric)",
                "CREATE TABLE marts.customers (id bigint, name text)");
        access = AccessHarness.postgres(db, root).spec("team.yaml", SPEC);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void convergesInOneApplyAndTheRolesCanDoExactlyWhatIsDeclared() {
        String analyst = db.prefix() + "analyst";
        String alice = db.prefix() + "alice";
        String writer = db.prefix() + "writer";
        LayerPlan plan = access.apply();
        assertThat(lines(plan)).contains(
                "+ role " + analyst, "+ role " + alice, "+ role " + writer,
                "~ comment on role " + analyst,
                "+ grant USAGE on schema marts to " + analyst,
                "+ grant SELECT on all tables in schema marts to " + analyst,
                "+ default privileges: grant SELECT on future tables of " + db.executor() + " in marts to " + analyst,
                "+ membership of " + alice + " in " + analyst);
        assertThat(plan.changes()).noneMatch(c -> c.unsafe());

        LayerPlan again = access.plan();
        assertThat(lines(again)).as("no perpetual diff").isEmpty();

        assertThat(db.canLoggedIn(alice, "SELECT * FROM marts.customers")).isTrue();
        assertThat(db.canLoggedIn(alice, "INSERT INTO marts.customers VALUES (1, 'x')")).isFalse();
        assertThat(db.canLoggedIn(alice, "SELECT * FROM raw.payments")).isFalse();
        assertThat(db.can(writer, "INSERT INTO raw.customers (name) VALUES ('x')")).isTrue();
        assertThat(db.can(writer, "TRUNCATE marts.customers")).isTrue();
        assertThat(db.can(writer, "TRUNCATE raw.customers")).isFalse();
        assertThat(db.can(analyst, "SELECT * FROM raw.customers")).isFalse();
        assertThat(db.query("SELECT rolconnlimit FROM pg_roles WHERE rolname = '" + alice + "'")).containsExactly("5");
        assertThat(db.query("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = '" + analyst + "'"))
                .containsExactly("Reads the marts; never writes.");
    }

    @Test
    void tablesCreatedAfterTheApplyAreCoveredByThePatternWithoutAnotherApply() {
        access.apply();
        db.executor("CREATE TABLE marts.orders (id bigint)");
        assertThat(db.canLoggedIn(db.prefix() + "alice", "SELECT * FROM marts.orders")).isTrue();
        assertThat(lines(access.plan())).isEmpty();
    }

    @Test
    void handMadeGrantsMembershipsAndGrantOptionsAreDriftAndRevoked() {
        access.apply();
        String intern = db.prefix() + "intern";
        String analyst = db.prefix() + "analyst";
        db.admin("CREATE ROLE \"" + intern + "\" LOGIN",
                "GRANT USAGE ON SCHEMA raw TO \"" + intern + "\"",
                "GRANT SELECT ON raw.payments TO \"" + intern + "\"",
                "GRANT \"" + analyst + "\" TO \"" + intern + "\"",
                "GRANT SELECT ON marts.customers TO \"" + analyst + "\" WITH GRANT OPTION",
                "GRANT INSERT ON marts.customers TO \"" + analyst + "\"");
        assertThat(db.canLoggedIn(intern, "SELECT * FROM raw.payments")).isTrue();

        LayerPlan drift = access.plan();
        assertThat(lines(drift)).containsExactlyInAnyOrder(
                "- revoke USAGE on schema raw from " + intern,
                "- revoke SELECT on raw.payments from " + intern,
                "~ revoke grant option for SELECT on marts.customers from " + analyst,
                "- revoke INSERT on marts.customers from " + analyst,
                "- membership of " + intern + " in " + analyst);
        assertThat(drift.changes()).noneMatch(c -> c.unsafe());
        assertThat(drift.warnings()).anyMatch(w -> w.contains("not in the spec and left alone"));
        assertThat(access.layer().diff(access.declare(), access.observe()).unmanagedRoles()).contains(intern);
        assertThat(access.layer().status(access.declare(), access.observe()).state().label()).isEqualTo("drift");

        access.apply(drift);
        assertThat(lines(access.plan())).isEmpty();
        assertThat(db.canLoggedIn(intern, "SELECT * FROM raw.payments")).isFalse();
        assertThat(db.canLoggedIn(intern, "SELECT * FROM marts.customers")).isFalse();
        assertThat(db.canLoggedIn(db.prefix() + "alice", "SELECT * FROM marts.customers")).isTrue();
        assertThat(access.layer().status(access.declare(), access.observe()).state().label()).isEqualTo("in sync");
    }
}
