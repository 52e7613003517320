package io.strata.access.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.strata.core.config.ConfigException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad spec is refused with an error that names the file, the line and the key, says
 * what is wrong and how to fix it.
 */
class BadSpecTest {

    private static final String A = "access/a.yaml";
    private static final String B = "access/b.yaml";

    /** file, line, key path, a fragment of the problem, a fragment of the hint; then the files. */
    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad("YAML syntax", A, 2, "roles.a", "YAML syntax error", "indentation", "roles:\n  a: b: c\n"),
                bad("empty file", A, 1, "", "the file is empty", "declare roles", ""),
                bad("top level is a list", A, 1, "", "expected a map", "start with `roles:`", "- analyst\n"),
                bad("unknown top-level key", A, 1, "role", "unknown key `role`: did you mean `roles`?",
                        "rename it to `roles`", "role:\n  analyst:\n"),
                bad("unknown role key", A, 3, "roles.alice.logon", "did you mean `login`?", "rename it",
                        "roles:\n  alice:\n    logon: true\n"),
                bad("login not a boolean", A, 3, "roles.alice.login", "expected true or false, got a string `yes`",
                        "yes/no/on/off are strings", "roles:\n  alice:\n    login: yes\n"),
                bad("connection limit below -1", A, 3, "roles.alice.connection_limit", "out of range", "-1",
                        "roles:\n  alice:\n    connection_limit: -2\n"),
                bad("connection limit not a number", A, 3, "roles.alice.connection_limit", "expected a whole number",
                        "-1", "roles:\n  alice:\n    connection_limit: many\n"),
                bad("role name too long", A, 2, "roles." + "r".repeat(64), "too long: 64 bytes", "shorter",
                        "roles:\n  " + "r".repeat(64) + ":\n"),
                bad("reserved role name", A, 2, "roles.public", "reserved word", "top-level `public:`",
                        "roles:\n  public:\n"),
                bad("the postgres superuser", A, 2, "roles.postgres", "system role", "member_of",
                        "roles:\n  postgres:\n"),
                bad("a pg_ role", A, 3, "roles.pg_monitor", "system role", "remove it",
                        "roles:\n  a:\n  pg_monitor:\n"),
                bad("role declared in two files", B, 2, "roles.analyst", "declared twice: first at access/a.yaml:2:3",
                        "merge", "roles:\n  analyst:\n", "roles:\n  analyst:\n    login: true\n"),
                bad("duplicate key in one file", A, 3, "roles.analyst", "duplicate key `analyst`", "keep one",
                        "roles:\n  analyst:\n  analyst:\n"),
                bad("member of an undeclared role", A, 2, "roles.alice", "member of `analysts`, which the spec does not declare",
                        "ignore", "roles:\n  alice:\n    member_of: [analysts]\n  analyst:\n"),
                bad("member of itself", A, 3, "roles.alice.member_of", "cannot be a member of itself", "remove",
                        "roles:\n  alice:\n    member_of: [alice]\n"),
                bad("membership cycle", A, 2, "roles.a", "cycle: a → member of → b → member of → a", "circular",
                        "roles:\n  a:\n    member_of: [b]\n  b:\n    member_of: [a]\n"),
                bad("privilege of another kind", A, 5, "roles.a.grants.schemas.marts", "`SELECT` is not a privilege on a schema"
                        + " (it applies to other kinds of object)", "USAGE, CREATE, ALL",
                        "roles:\n  a:\n    grants:\n      schemas:\n        marts: [SELECT]\n"),
                bad("made-up privilege", A, 5, "roles.a.grants.tables.marts.x", "`READ` is not a privilege on a table",
                        "SELECT", "roles:\n  a:\n    grants:\n      tables:\n        marts.x: [READ]\n"),
                bad("unknown grants key", A, 4, "roles.a.grants.table", "did you mean `tables`?", "rename",
                        "roles:\n  a:\n    grants:\n      table:\n        marts.x: [SELECT]\n"),
                bad("table without schema", A, 5, "roles.a.grants.tables.customers", "has no schema", "marts.customers",
                        "roles:\n  a:\n    grants:\n      tables:\n        customers: [SELECT]\n"),
                bad("function without arguments", A, 5, "roles.a.grants.functions.marts.score", "no argument list",
                        "marts.score()", "roles:\n  a:\n    grants:\n      functions:\n        marts.score: [EXECUTE]\n"),
                bad("unterminated quote", A, 5, "roles.a.grants.tables.\"marts.customers", "not closed", "close the quote",
                        "roles:\n  a:\n    grants:\n      tables:\n        '\"marts.customers': [SELECT]\n"),
                bad("pattern over schemas", A, 5, "roles.a.grants.tables.*.customers", "not every schema", "marts.*",
                        "roles:\n  a:\n    grants:\n      tables:\n        \"*.customers\": [SELECT]\n"),
                bad("empty privilege list", A, 5, "roles.a.grants.tables.marts.x", "the privilege list is empty",
                        "remove the entry", "roles:\n  a:\n    grants:\n      tables:\n        marts.x: []\n"),
                bad("privilege twice", A, 5, "roles.a.grants.tables.marts.x", "SELECT is listed twice", "once",
                        "roles:\n  a:\n    grants:\n      tables:\n        marts.x: [SELECT, select]\n"),
                bad("ALL and one of its privileges", A, 5, "roles.a.grants.tables.marts.x", "(ALL includes it)", "once",
                        "roles:\n  a:\n    grants:\n      tables:\n        marts.x: [SELECT, ALL]\n"),
                bad("one table spelt two ways", A, 6, "roles.a.grants.tables.\"marts\".\"x\"",
                        "names the same table as the key on line 5", "merge",
                        "roles:\n  a:\n    grants:\n      tables:\n        marts.x: [SELECT]\n        '\"marts\".\"x\"': [INSERT]\n"),
                bad("PUBLIC with grant option", A, 3, "public.tables.marts.x", "PUBLIC cannot hold", "WITH GRANT OPTION",
                        "public:\n  tables:\n    marts.x: [SELECT WITH GRANT OPTION]\n"),
                bad("declared and ignored", A, 2, "roles.legacy_etl", "`ignore: legacy*` says", "remove one",
                        "roles:\n  legacy_etl:\nignore: [\"legacy*\"]\n"),
                bad("reassign without prune", A, 3, "reassign_owned_to", "only with `prune_roles: true`", "prune_roles",
                        "roles:\n  a:\nreassign_owned_to: a\n"),
                bad("host on PostgreSQL", A, 3, "roles.a.host", "MySQL and MariaDB accounts only", "pg_hba.conf",
                        "roles:\n  a:\n    host: '%'\n"),
                bad("privileges not a list", A, 5, "roles.a.grants.tables.marts.x", "expected a list of privileges, got a string",
                        "[SELECT]", "roles:\n  a:\n    grants:\n      tables:\n        marts.x: SELECT\n"),
                bad("grants not a map", A, 3, "roles.a.grants", "expected a map with database, schemas", "tables:",
                        "roles:\n  a:\n    grants: [SELECT]\n"),
                bad("YAML alias", A, 4, "roles.b", "aliases", "in full",
                        "roles:\n  a: &x\n    login: true\n  b: *x\n"),
                bad("setting in two files", B, 1, "public", "`public` is declared twice: first at access/a.yaml:1:1",
                        "one file", "public:\n  database: [CONNECT]\n", "public:\n  database: [TEMP]\n"),
                bad("outside managed_roles", A, 2, "roles.analyst", "matches none of `managed_roles`", "managed_roles",
                        "roles:\n  analyst:\nmanaged_roles: [\"team_*\"]\n"));
    }

    private static Arguments bad(String kind, String file, int line, String key, String problem, String hint,
            String... files) {
        return Arguments.of(kind, file, line, key, problem, hint, files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void isRefusedNamingFileLineAndKey(String kind, String file, int line, String key, String problem, String hint,
            String[] files) {
        SpecFixture fixture = SpecFixture.postgres();
        for (int i = 0; i < files.length; i++) {
            fixture.file(i == 0 ? "a.yaml" : "b.yaml", files[i]);
        }
        ConfigException e = catchThrowableOfType(ConfigException.class, fixture::read);
        assertThat(e).as(kind).isNotNull();
        assertThat(e.file()).as(kind).hasToString(file);
        assertThat(e.line()).as(kind + ": " + e.getMessage()).isEqualTo(line);
        assertThat(e.keyPath()).as(kind + ": " + e.getMessage()).isEqualTo(key);
        assertThat(e.problem()).as(kind).contains(problem);
        assertThat(e.hint()).as(kind + ": " + e.getMessage()).contains(hint);
        assertThat(e.getMessage()).startsWith(file + ":" + line + ":");
    }

    @Test
    void coversAtLeastTwentyKinds() {
        assertThat(badSpecs().map(a -> a.get()[0]).distinct().count()).isGreaterThanOrEqualTo(20);
    }
}
