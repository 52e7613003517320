package io.strata.access.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.AccessLayer;
import io.strata.access.audit.AccessGraph;
import io.strata.access.audit.EffectiveAccess;
import io.strata.access.audit.EffectiveAccess.Route;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.spec.AccessSpec;
import io.strata.access.testing.AccessHarness;
import io.strata.access.testing.MariaDbServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Effective privileges read from MariaDB's catalog agree with what the accounts can do: a role's
 * {@code db.*} covers each table, and an account uses a granted role only after SET ROLE.
 */
class MariaDbEffectiveAccessTest {

    @TempDir
    Path root;

    MariaDbServer db;
    AccessHarness access;
    String marts;

    @BeforeEach
    void setUp() {
        db = MariaDbServer.start();
        marts = db.prefix() + "marts";
        db.root("CREATE DATABASE `" + marts + "`", "CREATE TABLE `" + marts + "`.customers (id bigint)");
        access = new AccessHarness(new AccessLayer(new MySqlAccessDialect()), root, db.asRoot(), db.prefix());
        access.spec("team.yaml", """
                roles:
                  $panalyst:
                    grants:
                      tables: {$pmarts.*: [SELECT]}
                  $palice:
                    login: true
                    member_of: [$panalyst]
                  $pwriter:
                    login: true
                    grants:
                      tables: {$pmarts.customers: [SELECT, INSERT]}
                """);
    }

    @AfterEach
    void tearDown() {
        try {
            db.root("DROP DATABASE IF EXISTS `" + marts + "`");
        } finally {
            db.close();
        }
    }

    @Test
    void agreesWithWhatTheAccountsCanDoAndWithTheSpecOnceApplied() {
        String p = db.prefix();
        access.apply();
        AccessCatalog live = access.observe();
        AccessSpec spec = access.declare();
        EffectiveAccess now = new EffectiveAccess(AccessGraph.live(live));
        EffectiveAccess declared = new EffectiveAccess(AccessGraph.declared(spec, live));
        ObjectRef customers = ObjectRef.table(marts, "customers");
        String alice = p + "alice@%";

        Route route = now.on(alice, customers).get(Privilege.SELECT);
        assertThat(route.via()).containsExactly(alice, p + "analyst");
        assertThat(route.needsSetRole()).isTrue();
        assertThat(db.can(p + "alice", "SELECT * FROM `" + marts + "`.customers")).isFalse();
        assertThat(db.can(p + "alice", "SELECT * FROM `" + marts + "`.customers", "SET ROLE `" + p + "analyst`")).isTrue();
        assertThat(now.on(p + "writer@%", customers)).containsOnlyKeys(Privilege.SELECT, Privilege.INSERT);
        assertThat(now.on(p + "writer@%", customers).get(Privilege.INSERT).direct()).isTrue();
        assertThat(db.can(p + "writer", "INSERT INTO `" + marts + "`.customers VALUES (1)")).isTrue();
        for (String role : new String[] {alice, p + "analyst", p + "writer@%"}) {
            assertThat(declared.on(role, customers).keySet()).as(role).isEqualTo(now.on(role, customers).keySet());
        }

        db.root("GRANT DELETE ON `" + marts + "`.* TO `" + p + "analyst`");
        EffectiveAccess drifted = new EffectiveAccess(AccessGraph.live(access.observe()));
        assertThat(drifted.on(alice, customers)).containsOnlyKeys(Privilege.SELECT, Privilege.DELETE);
        assertThat(declared.on(alice, customers)).containsOnlyKeys(Privilege.SELECT);
    }
}
