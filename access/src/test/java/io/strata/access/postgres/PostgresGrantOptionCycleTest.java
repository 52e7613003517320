package io.strata.access.postgres;

import static io.strata.access.testing.AccessHarness.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.testing.AccessHarness;
import io.strata.access.testing.PgServer;
import io.strata.core.plan.LayerPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case ConvergencePropertyTest found (seed 2849621361090814495): r2 holds INSERT WITH GRANT
 * OPTION from the owner and granted it on to r1, of which r2 is a member. Revoking r2's grant
 * option with CASCADE does not reach r1's grant, because PostgreSQL stops the cascade when r2
 * still holds the option through r1. So r1's grant must be revoked on its own, as r2, before r2's.
 */
class PostgresGrantOptionCycleTest {

    @TempDir
    Path root;

    PgServer db;
    AccessHarness access;
    String r1;
    String r2;

    @BeforeEach
    void setUp() {
        db = PgServer.start();
        db.executor("CREATE SCHEMA s0", "CREATE TABLE s0.t0 (id int)");
        r1 = db.prefix() + "r1";
        r2 = db.prefix() + "r2";
        db.admin("CREATE ROLE " + r1, "CREATE ROLE " + r2,
                "GRANT " + r1 + " TO " + db.executor(), "GRANT " + r2 + " TO " + db.executor(),
                "GRANT " + r1 + " TO " + r2,
                "GRANT INSERT ON s0.t0 TO " + r2 + " WITH GRANT OPTION",
                "GRANT USAGE ON SCHEMA s0 TO " + r2);
        assertThat(db.tryAdmin("SET ROLE " + r2, "GRANT INSERT ON s0.t0 TO " + r1 + " WITH GRANT OPTION",
                "RESET ROLE")).isTrue();
        access = AccessHarness.postgres(db, root);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void grantMadeByAHolderThatKeepsTheOptionThroughMembershipIsRevokedInOneApply() {
        access.spec("spec.yaml", """
                managed_schemas: [s0]
                roles:
                  $pr1:
                    grants:
                      schemas:
                        s0: [USAGE]
                  $pr2:
                    member_of: []
                public:
                  tables:
                    s0.*: [INSERT]
                """);
        LayerPlan plan = access.plan();
        List<String> lines = lines(plan);
        assertThat(lines).contains("- revoke INSERT on s0.t0 from " + r1, "- revoke INSERT on s0.t0 from " + r2,
                "- membership of " + r2 + " in " + r1);
        assertThat(lines.indexOf("- revoke INSERT on s0.t0 from " + r1))
                .as("r1's grant goes while its grantor r2 still holds the option itself")
                .isLessThan(lines.indexOf("- revoke INSERT on s0.t0 from " + r2));

        access.apply(plan);
        assertThat(lines(access.plan())).as("converged in one apply").isEmpty();
        assertThat(db.query("SELECT relacl::text FROM pg_class WHERE oid = 's0.t0'::regclass").get(0))
                .doesNotContain(r1 + "=").doesNotContain(r2 + "=").contains("=a/");
    }

    @Test
    void theMembershipKeptAndNoPublicGrantStillConverges() {
        access.spec("spec.yaml", """
                managed_schemas: [s0]
                roles:
                  $pr1: {}
                  $pr2:
                    member_of: [$pr1]
                    grants:
                      schemas:
                        s0: [USAGE]
                """);
        LayerPlan plan = access.plan();
        assertThat(lines(plan)).contains("- revoke INSERT on s0.t0 from " + r1, "- revoke INSERT on s0.t0 from " + r2);
        access.apply(plan);
        assertThat(lines(access.plan())).as("converged in one apply").isEmpty();
        assertThat(db.can(r2, "INSERT INTO s0.t0 VALUES (1)")).isFalse();
        assertThat(db.query("SELECT relacl::text FROM pg_class WHERE oid = 's0.t0'::regclass").get(0))
                .doesNotContain(r1 + "=").doesNotContain(r2 + "=");
    }
}
