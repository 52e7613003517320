package io.strata.access.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessSpecReaderTest {

    @Test
    void readsRolesMembershipsAndEveryKindOfGrant() {
        AccessSpec spec = SpecFixture.parse("""
                roles:
                  analyst:
                    comment: Reads the marts
                    grants:
                      database: [CONNECT, temp]
                      schemas:
                        marts: [USAGE]
                      tables:
                        marts.*: [SELECT]
                        raw.customers: [select, INSERT WITH GRANT OPTION]
                      sequences:
                        raw.customer_ids: [ALL]
                      functions:
                        marts.score(int, varchar(20)): [EXECUTE]
                  alice:
                    login: true
                    connection_limit: 3
                    member_of: [analyst, pg_read_all_stats]
                  writer:
                    inherit: false
                public:
                  database: [CONNECT]
                ignore: [legacy_etl, "rds*"]
                managed_schemas: [staging]
                """);
        assertThat(spec.declared()).isTrue();
        assertThat(spec.files()).containsExactly("access/team.yaml");
        assertThat(spec.roles()).containsOnlyKeys("analyst", "alice", "writer");
        RoleSpec alice = spec.roles().get("alice");
        assertThat(alice.login()).isTrue();
        assertThat(alice.connectionLimit()).isEqualTo(3);
        assertThat(alice.memberOf()).containsExactly("analyst", "pg_read_all_stats");
        assertThat(alice.location().line()).isEqualTo(15);
        assertThat(spec.roles().get("writer").inherit()).isFalse();
        assertThat(spec.roles().get("analyst").comment()).isEqualTo("Reads the marts");

        GrantRule pattern = spec.grants().stream().filter(GrantRule::pattern).findFirst().orElseThrow();
        assertThat(pattern.object()).isEqualTo(new ObjectRef(ObjectKind.TABLE, "marts", "", ""));
        assertThat(pattern.target()).isEqualTo("marts.*");
        GrantRule raw = spec.grants().stream().filter(g -> g.object().equals(ObjectRef.table("raw", "customers")))
                .findFirst().orElseThrow();
        assertThat(raw.privileges()).isEqualTo(Map.of(Privilege.SELECT, false, Privilege.INSERT, true));
        GrantRule database = spec.grants().get(0);
        assertThat(database.privileges()).containsOnlyKeys(Privilege.CONNECT, Privilege.TEMPORARY);
        GrantRule sequence = spec.grants().stream().filter(g -> g.kind() == ObjectKind.SEQUENCE).findFirst().orElseThrow();
        assertThat(sequence.privileges()).containsOnlyKeys(Privilege.USAGE, Privilege.SELECT, Privilege.UPDATE);
        GrantRule function = spec.grants().stream().filter(g -> g.kind() == ObjectKind.FUNCTION).findFirst().orElseThrow();
        assertThat(function.object()).isEqualTo(ObjectRef.function("marts", "score", "integer, character varying"));
        assertThat(spec.grants()).anyMatch(g -> g.grantee().equals(Names.PUBLIC));
        assertThat(spec.publicManaged()).isTrue();
        assertThat(spec.managedSchemas()).containsExactly("marts", "raw", "staging");
        assertThat(spec.ignore()).extracting(RolePattern::text).containsExactly("legacy_etl", "rds*");
    }

    @Test
    void keepsHostileNamesExactly() {
        AccessSpec spec = SpecFixture.parse("""
                roles:
                  "Robert'); DROP TABLE students;--":
                    grants:
                      tables:
                        '"Sales.EU"."Orders ""2024\"""': [SELECT]
                        Ünïcödé Schema.Tablé Ñ: [SELECT]
                  "Mixed Case":
                    member_of: ["Robert'); DROP TABLE students;--"]
                """);
        assertThat(spec.roles()).containsOnlyKeys("Robert'); DROP TABLE students;--", "Mixed Case");
        assertThat(spec.grants()).extracting(GrantRule::object).containsExactly(
                ObjectRef.table("Sales.EU", "Orders \"2024\""), ObjectRef.table("Ünïcödé Schema", "Tablé Ñ"));
    }

    @Test
    void mergesFilesAndKeepsPublicUnmanagedUnlessDeclared() {
        AccessSpec spec = SpecFixture.postgres()
                .file("a.yaml", "roles:\n  analyst:\n")
                .file("b.yml", "roles:\n  alice:\n    login: true\n    member_of: [analyst]\nignore: [x]\n")
                .read();
        assertThat(spec.roles()).containsOnlyKeys("analyst", "alice");
        assertThat(spec.files()).containsExactly("access/a.yaml", "access/b.yml");
        assertThat(spec.publicManaged()).isFalse();
        assertThat(spec.managedSchemas()).isEmpty();
    }

    @Test
    void noFilesMeansAccessIsNotManaged() {
        assertThat(SpecFixture.postgres().read().declared()).isFalse();
    }

    @Test
    void rolePatternsAreGlobs() {
        assertThat(new RolePattern("rds*").matches("rdsadmin")).isTrue();
        assertThat(new RolePattern("rds*").matches("xrds")).isFalse();
        assertThat(new RolePattern("a?c").matches("abc")).isTrue();
        assertThat(new RolePattern("a.c").matches("abc")).isFalse();
        assertThat(new RolePattern("exact").matches("exact")).isTrue();
    }
}
