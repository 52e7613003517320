package io.strata.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.audit.TableReaders.Reader;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.Membership;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableReadersTest {

    private static Role role(String name, boolean inherit) {
        return new Role(name, "", true, inherit, -1, "", false);
    }

    private static AccessCatalog catalog(String dialect, Set<Membership> memberships, AclEntry... grants) {
        Map<String, Role> roles = Map.of("analyst", role("analyst", true), "team", role("team", true),
                "alice", role("alice", true), "bob", role("bob", false), "carol", role("carol", true));
        return new AccessCatalog(dialect, 16, "db", "owner", roles, memberships, Map.of("marts", "owner"),
                Map.of(ObjectRef.table("marts", "customers"), "owner"), List.of(grants), List.of());
    }

    private static AclEntry grant(String grantee, ObjectRef object, Privilege privilege) {
        return new AclEntry(grantee, object, privilege, false, "owner");
    }

    @Test
    void listsDirectGranteesThenMembersThroughChainsOfMemberships() {
        ObjectRef customers = ObjectRef.table("marts", "customers");
        AccessCatalog catalog = catalog("postgresql",
                Set.of(new Membership("analyst", "team"), new Membership("team", "alice"),
                        new Membership("analyst", "bob"), new Membership("bob", "carol"),
                        new Membership("team", "analyst")), // a cycle, which PostgreSQL refuses but a catalog may not
                grant("owner", customers, Privilege.SELECT), grant("analyst", customers, Privilege.SELECT),
                grant("carol", customers, Privilege.INSERT), grant("alice", ObjectRef.table("marts", "orders"),
                        Privilege.SELECT));

        assertThat(TableReaders.of(catalog).of("marts", "customers")).containsExactly(
                new Reader("analyst", List.of("analyst"), false),
                new Reader("owner", List.of("owner"), false),
                new Reader("bob", List.of("bob", "analyst"), true), // bob does not inherit: SET ROLE analyst first
                new Reader("team", List.of("team", "analyst"), false),
                new Reader("alice", List.of("alice", "team", "analyst"), false),
                new Reader("carol", List.of("carol", "bob", "analyst"), true));
    }

    @Test
    void findsPublicAndMySqlDatabaseWideGrants() {
        AccessCatalog catalog = catalog("mysql", Set.of(),
                grant("alice", ObjectRef.table("marts", "*"), Privilege.SELECT),
                grant("public", ObjectRef.table("marts", "customers"), Privilege.SELECT));

        List<Reader> readers = TableReaders.of(catalog).of("marts", "customers");

        assertThat(readers).extracting(Reader::role).containsExactly("alice", "public");
        assertThat(readers).allMatch(Reader::direct);
        assertThat(TableReaders.of(catalog).of("raw", "customers")).isEmpty();
    }
}
