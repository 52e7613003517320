package io.strata.access.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.strata.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a spec may say on MySQL and MariaDB, and how accounts are keyed there. */
class MySqlSpecTest {

    @Test
    void loginRolesAreAccountsKeyedByNameAndHost() {
        AccessSpec spec = SpecFixture.mysql().file("a.yaml", """
                roles:
                  analyst:
                    grants: {tables: {marts.*: [SELECT]}}
                  alice:
                    login: true
                    member_of: [analyst]
                  etl:
                    login: true
                    host: '10.0.%'
                    grants: {tables: {raw.customers: [SELECT WITH GRANT OPTION, INSERT WITH GRANT OPTION]}}
                """).read();
        assertThat(spec.roles()).containsOnlyKeys("analyst", "alice@%", "etl@10.0.%");
        assertThat(spec.grants()).extracting(GrantRule::grantee).containsExactly("analyst", "etl@10.0.%");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "database privileges | roles: {a: {grants: {database: [CONNECT]}}} | exist on PostgreSQL only",
        "sequences | roles: {a: {grants: {sequences: {raw.s: [USAGE]}}}} | exist on PostgreSQL only",
        "TRUNCATE | roles: {a: {grants: {tables: {raw.t: [TRUNCATE]}}}} | TRUNCATE on a table is not managed on MySQL",
        "mixed grant option | roles: {a: {grants: {tables: {raw.t: [SELECT WITH GRANT OPTION, INSERT]}}}} | one grant option",
        "PUBLIC | 'public: {tables: {raw.t: [SELECT]}}' | no PUBLIC role",
        "@ in a role name | 'roles: {\"a@b\": {}}' | contains `@`"})
    void refusesWhatMySqlCannotDo(String kind, String yaml, String problem) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> SpecFixture.mysql().file("a.yaml", yaml + "\n").read());
        assertThat(e).as(kind).isNotNull();
        assertThat(e.getMessage()).as(kind).startsWith("access/a.yaml:1:").contains(problem);
    }
}
