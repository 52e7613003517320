package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access layer through the CLI on the embedded default, as docs/access.md tells users: one
 * apply brings up migrations and grants; the drift demo; a bad spec applies nothing; import; who-can.
 */
class AccessCliTest {

    @TempDir
    Path tmp;

    @Test
    void driftDemoAsDocumented() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            Cli.Result apply = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();
            String url = ExamplePlatform.embeddedUrl(cli.run("-C", c, "observe").out());
            assertThat(can(url, "alice", "SELECT count(*) FROM marts.customers")).isTrue();
            assertThat(can(url, "alice", "SELECT count(*) FROM raw.payments")).isFalse();

            sql(url, "postgres", "CREATE ROLE intern LOGIN", "GRANT USAGE ON SCHEMA raw TO intern",
                    "GRANT SELECT ON raw.payments TO intern");
            assertThat(can(url, "intern", "SELECT count(*) FROM raw.payments")).isTrue();

            Cli.Result plan = cli.run("-C", c, "plan", "--detailed-exitcode");
            assertThat(plan.code()).as(plan.toString()).isEqualTo(ExitCode.CHANGES);
            assertThat(plan.out()).contains("storage: no changes", "access: 2 change(s)",
                    "  - revoke SELECT on raw.payments from intern", "      | REVOKE SELECT ON TABLE \"raw\".\"payments\" FROM \"intern\";",
                    "Plan: 0 to add, 0 to change, 2 to destroy.");
            Cli.Result observe = cli.run("-C", c, "observe");
            assertThat(observe.code()).as(observe.toString()).isEqualTo(ExitCode.DRIFT);
            assertThat(observe.out()).contains("access        drift", "drift: intern:", "- revoke SELECT on raw.payments from intern");

            Cli.Result revoke = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(revoke.code()).as(revoke.toString()).isZero();
            assertThat(can(url, "intern", "SELECT count(*) FROM raw.payments")).isFalse();
            assertThat(cli.run("-C", c, "plan", "--detailed-exitcode").code()).isZero();

            Cli.Result who = cli.run("-C", c, "access", "who-can", "SELECT", "marts.customers", "--at",
                    java.time.Instant.now().plusSeconds(5).toString());
            assertThat(who.code()).as(who.toString()).isZero();
            assertThat(who.out()).contains("  alice (login)  via analyst", "  applied to dev on ");
            assertThat(cli.run("-C", c, "access", "explain", "alice").out())
                    .contains("SELECT on every table in marts (now and future)  via analyst");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }

    @Test
    void aBadAccessFileAppliesNothingAtAllAndImportAdoptsAnExistingDatabase() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Files.writeString(platform.resolve("access/broken.yaml"), "roles:\n  intern:\n    member_of: [analysts]\n");
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            Cli.Result apply = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isEqualTo(ExitCode.ERROR);
            assertThat(apply.err()).contains("access/broken.yaml:2:3: roles.intern: role `intern` is a member of `analysts`,"
                    + " which the spec does not declare");
            String url = ExamplePlatform.embeddedUrl(cli.run("-C", c, "embedded", "status").out());
            assertThat(query(url, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('raw', 'marts')")).isEqualTo("0");
            assertThat(query(url, "SELECT count(*) FROM pg_roles WHERE rolname IN ('analyst', 'alice')")).isEqualTo("0");

            Files.delete(platform.resolve("access/broken.yaml"));
            Cli.Result fixed = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(fixed.code()).as(fixed.toString()).isZero();
            sql(url, "postgres", "CREATE ROLE auditor", "GRANT USAGE ON SCHEMA marts TO auditor",
                    "GRANT SELECT ON marts.customers TO auditor");
            for (String file : new String[] {"analytics_team.yaml", "pipelines.yaml"}) {
                Files.delete(platform.resolve("access").resolve(file));
            }
            Cli.Result imported = cli.run("-C", c, "access", "import");
            assertThat(imported.code()).as(imported.toString()).isZero();
            assertThat(imported.out()).contains("Wrote access/imported.yaml: 4 role(s)");
            assertThat(Files.readString(platform.resolve("access/imported.yaml")))
                    .contains("  auditor:\n", "marts.customers: [SELECT]", "marts.*: [SELECT]");
            Cli.Result plan = cli.run("-C", c, "plan", "--layer", "access", "--detailed-exitcode");
            assertThat(plan.code()).as(plan.toString()).isZero();
            assertThat(cli.run("-C", c, "access", "import").err()).contains("exists already; nothing was written");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }

    private static void sql(String url, String user, String... statements) throws SQLException {
        try (Connection conn = DriverManager.getConnection(url + "?user=" + user); Statement s = conn.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection conn = DriverManager.getConnection(url + "?user=postgres"); Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Logs in as the role and tries the statement. */
    private static boolean can(String url, String role, String sql) throws SQLException {
        try (Connection conn = DriverManager.getConnection(url + "?user=" + role); Statement s = conn.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
