package io.strata.access.postgres;

import static io.strata.access.testing.AccessHarness.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.access.testing.AccessHarness;
import io.strata.access.testing.PgServer;
import io.strata.core.error.StrataException;
import io.strata.core.plan.LayerPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access plan is made before the storage layer applies its migrations: grants on tables and
 * schemas that do not exist yet are planned, and work when the plan is applied after the
 * migrations ran.
 */
class PostgresPendingObjectsTest {

    @TempDir
    Path root;

    PgServer db;
    AccessHarness access;

    @BeforeEach
    void setUp() {
        db = PgServer.start();
        db.executor("CREATE SCHEMA raw", "CREATE TABLE raw.customers (id bigint)");
        access = AccessHarness.postgres(db, root);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void grantsOnObjectsThatPendingMigrationsCreateArePlannedAndApplyAfterThem() {
        access.spec("team.yaml", """
                roles:
                  $preader:
                    login: true
                    grants:
                      schemas: {raw: [USAGE], staging: [USAGE]}
                      tables:
                        raw.payments: [SELECT]
                        staging.*: [SELECT]
                """);
        String reader = db.prefix() + "reader";
        LayerPlan plan = access.plan();
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.object()).isEqualTo("grant SELECT on raw.payments to " + reader);
            assertThat(c.summary()).contains("the table does not exist yet: created by a pending migration?");
        });
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.object()).isEqualTo("grant SELECT on all tables in schema staging to " + reader);
            assertThat(c.summary()).contains("schema staging does not exist yet");
        });

        // What storage applies first, in the same `strata apply`:
        db.executor("CREATE TABLE raw.payments (id bigint)", "CREATE SCHEMA staging",
                "CREATE TABLE staging.orders (id bigint)");
        access.apply(plan);

        assertThat(db.canLoggedIn(reader, "SELECT * FROM raw.payments")).isTrue();
        assertThat(db.canLoggedIn(reader, "SELECT * FROM staging.orders")).isTrue();
        assertThat(db.canLoggedIn(reader, "SELECT * FROM raw.customers")).isFalse();
        assertThat(lines(access.plan())).isEmpty();
    }

    @Test
    void aGrantOnATableNoMigrationCreatesFailsNamingItAndAppliesNothing() {
        access.spec("team.yaml", """
                roles:
                  $preader:
                    grants:
                      tables:
                        raw.customers: [SELECT]
                        raw.paymnets: [SELECT]
                """);
        LayerPlan plan = access.plan();
        assertThatThrownBy(() -> access.apply(plan))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("grant SELECT on raw.paymnets to " + db.prefix() + "reader")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("nothing of the access plan was applied")
                .satisfies(e -> assertThat(((StrataException) e).hint()).contains("access/team.yaml:6"));
        assertThat(db.query("SELECT count(*) FROM pg_roles WHERE rolname = '" + db.prefix() + "reader'"))
                .containsExactly("0");
    }

    @Test
    void aRevokeOnATableAMigrationDroppedMeanwhileIsSkipped() {
        db.executor("CREATE TABLE raw.old (id bigint)");
        access.spec("team.yaml", "roles:\n  $preader:\n    grants:\n      tables:\n        raw.customers: [SELECT]\n");
        access.apply();
        db.admin("GRANT SELECT ON raw.old TO \"" + db.prefix() + "reader\"");
        LayerPlan plan = access.plan();
        assertThat(lines(plan)).containsExactly("- revoke SELECT on raw.old from " + db.prefix() + "reader");
        db.executor("DROP TABLE raw.old");
        access.apply(plan);
        assertThat(access.progress).anyMatch(p -> p.contains("skipped") && p.contains("raw.old"));
        assertThat(lines(access.plan())).isEmpty();
    }
}
