package io.strata.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.audit.EffectiveAccess.Route;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.Membership;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.AccessSpecReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Effective privileges over a live catalog, and over the catalog as the spec would leave it. */
class EffectiveAccessTest {

    private static final ObjectRef CUSTOMERS = ObjectRef.table("marts", "customers");
    private static final ObjectRef RAW = ObjectRef.table("raw", "customers");

    private static Role role(String name, boolean login, boolean inherit) {
        return new Role(name, "", login, inherit, -1, "", false);
    }

    private static AccessCatalog catalog(String dialect, Set<Membership> memberships, List<AclEntry> grants) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Role r : List.of(role("analyst", false, true), role("juniors", false, true), role("alice", true, true),
                role("carol", true, false), role("ops", false, true), role("owner", false, true))) {
            roles.put(r.name(), r);
        }
        Map<ObjectRef, String> owners = new LinkedHashMap<>();
        owners.put(CUSTOMERS, "owner");
        owners.put(RAW, "owner");
        return new AccessCatalog(dialect, 16, "app", "postgres", roles, memberships,
                Map.of("marts", "owner", "raw", "owner"), owners, grants, List.of());
    }

    private static AclEntry grant(String grantee, ObjectRef object, Privilege privilege) {
        return new AclEntry(grantee, object, privilege, false, "owner");
    }

    @Test
    void followsMembershipChainsAndPrefersRoutesWithoutSetRole() {
        // carol does not inherit: every chain from carol needs SET ROLE.
        AccessCatalog live = catalog("postgresql", Set.of(new Membership("juniors", "alice"),
                new Membership("analyst", "juniors"), new Membership("analyst", "carol"),
                new Membership("alice", "analyst")), // a cycle: analyst → alice → juniors → analyst
                List.of(grant("analyst", CUSTOMERS, Privilege.SELECT), grant("public", RAW, Privilege.SELECT)));
        EffectiveAccess access = new EffectiveAccess(AccessGraph.live(live));

        Route alice = access.on("alice", CUSTOMERS).get(Privilege.SELECT);
        assertThat(alice.via()).containsExactly("alice", "juniors", "analyst");
        assertThat(alice.needsSetRole()).isFalse();
        assertThat(alice.describe()).isEqualTo("via alice → juniors → analyst");
        Route carol = access.on("carol", CUSTOMERS).get(Privilege.SELECT);
        assertThat(carol.needsSetRole()).isTrue();
        assertThat(carol.describe()).isEqualTo("via carol → analyst (after SET ROLE analyst)");
        assertThat(access.on("ops", CUSTOMERS)).isEmpty();
        assertThat(access.on("ops", RAW).get(Privilege.SELECT).describe()).isEqualTo("PUBLIC");
        assertThat(access.on("public", RAW).get(Privilege.SELECT).direct()).isTrue();
    }

    @Test
    void prefersAnInheritedChainOverAShorterOneThatNeedsSetRole() {
        AccessCatalog live = catalog("postgresql", Set.of(new Membership("carol", "ops"), new Membership("analyst", "carol"),
                new Membership("juniors", "ops"), new Membership("alice", "juniors"), new Membership("analyst", "alice")),
                List.of(grant("analyst", CUSTOMERS, Privilege.SELECT)));
        // ops → carol (NOINHERIT) → analyst is shorter; ops → juniors → alice → analyst inherits all the way.
        Route ops = new EffectiveAccess(AccessGraph.live(live)).on("ops", CUSTOMERS).get(Privilege.SELECT);

        assertThat(ops.via()).containsExactly("ops", "juniors", "alice", "analyst");
        assertThat(ops.needsSetRole()).isFalse();
    }

    @Test
    void declaresWhatTheSpecGrantsAndKeepsWhatTheDifferLeavesAlone() {
        AccessSpec spec = new AccessSpecReader("postgresql").parse(Map.of("access/team.yaml", """
                roles:
                  analyst:
                    grants:
                      tables: {marts.*: [SELECT]}
                  alice:
                    login: true
                    member_of: [analyst]
                ignore: [ops]
                """.getBytes(StandardCharsets.UTF_8)));
        AccessCatalog live = catalog("postgresql", Set.of(new Membership("analyst", "ops")),
                List.of(grant("alice", CUSTOMERS, Privilege.DELETE), grant("ops", CUSTOMERS, Privilege.UPDATE),
                        grant("juniors", RAW, Privilege.SELECT), grant("owner", CUSTOMERS, Privilege.TRUNCATE)));
        EffectiveAccess declared = new EffectiveAccess(AccessGraph.declared(spec, live));

        // marts.* over the live tables; alice's hand-made DELETE is gone, through analyst she reads.
        assertThat(declared.on("alice", CUSTOMERS)).containsOnlyKeys(Privilege.SELECT);
        // ops is ignored: its grant and its membership stay as live.
        assertThat(declared.on("ops", CUSTOMERS)).containsOnlyKeys(Privilege.SELECT, Privilege.UPDATE);
        // raw is not a managed schema; the owner's privileges are never the spec's.
        assertThat(declared.on("juniors", RAW)).containsOnlyKeys(Privilege.SELECT);
        assertThat(declared.on("owner", CUSTOMERS)).containsOnlyKeys(Privilege.TRUNCATE);
    }

    @Test
    void countsMySqlsSchemaWideGrantOnEveryTableOfTheSchema() {
        ObjectRef all = ObjectRef.table("marts", "*");
        AccessCatalog live = catalog("mysql", Set.of(), List.of(grant("analyst", all, Privilege.SELECT)));
        AccessSpec spec = new AccessSpecReader("mysql").parse(Map.of("access/team.yaml", """
                roles:
                  analyst:
                    grants:
                      tables: {marts.*: [SELECT, INSERT]}
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(new EffectiveAccess(AccessGraph.live(live)).on("analyst", CUSTOMERS)).containsOnlyKeys(Privilege.SELECT);
        EffectiveAccess declared = new EffectiveAccess(AccessGraph.declared(spec, live));
        assertThat(declared.on("analyst", all)).containsOnlyKeys(Privilege.SELECT, Privilege.INSERT);
        assertThat(declared.on("analyst", CUSTOMERS)).containsOnlyKeys(Privilege.SELECT, Privilege.INSERT);
        assertThat(declared.on("analyst", RAW)).isEmpty();
    }
}
