package io.strata.access.postgres;

import static io.strata.access.testing.AccessHarness.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.postgres.PostgresAccessSql;
import io.strata.access.testing.AccessHarness;
import io.strata.access.testing.PgServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotes, semicolons, spaces, mixed case and non-ASCII in every name: quoted, never executed. */
class PostgresHostileNamesTest {

    @TempDir
    Path root;

    PgServer db;

    @BeforeEach
    void setUp() {
        db = PgServer.start();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void hostileNamesConvergeAndNothingElseRuns() {
        String schema = "Sales \"EU\"; DROP TABLE victim; --";
        String table = "Ördérs; DELETE FROM victim";
        db.executor("CREATE TABLE public.victim (id int)", "INSERT INTO public.victim VALUES (1)",
                "CREATE SCHEMA " + PostgresAccessSql.ident(schema),
                "CREATE TABLE " + PostgresAccessSql.ident(schema) + "." + PostgresAccessSql.ident(table) + " (id int)",
                "CREATE FUNCTION " + PostgresAccessSql.ident(schema) + ".\"Score\"(a integer, b text) RETURNS int"
                        + " LANGUAGE sql AS 'SELECT 1'");
        AccessHarness access = AccessHarness.postgres(db, root).spec("team.yaml", """
                roles:
                  "$pRobert'); DROP ROLE postgres;--":
                    login: true
                    comment: "it's a \\"comment\\"; DROP TABLE victim; --"
                    grants:
                      schemas:
                        '"Sales ""EU""; DROP TABLE victim; --"': [USAGE]
                      tables:
                        '"Sales ""EU""; DROP TABLE victim; --"."Ördérs; DELETE FROM victim"': [SELECT]
                      functions:
                        '"Sales ""EU""; DROP TABLE victim; --"."Score"(int, text)': [EXECUTE]
                  "$pMixed Case Ünïcode":
                    member_of: ["$pRobert'); DROP ROLE postgres;--"]
                """);
        String robert = db.prefix() + "Robert'); DROP ROLE postgres;--";
        var plan = access.apply();
        assertThat(lines(plan)).contains("+ role \"" + robert + "\"", "+ role " + db.prefix() + "Mixed Case Ünïcode");
        assertThat(lines(access.plan())).isEmpty();

        String quotedTable = PostgresAccessSql.ident(schema) + "." + PostgresAccessSql.ident(table);
        assertThat(db.canLoggedIn(robert, "SELECT * FROM " + quotedTable)).isTrue();
        assertThat(db.canLoggedIn(robert, "SELECT " + PostgresAccessSql.ident(schema) + ".\"Score\"(1, 'x')")).isTrue();
        assertThat(db.query("SELECT count(*) FROM public.victim")).containsExactly("1");
        assertThat(db.query("SELECT count(*) FROM pg_roles WHERE rolname = 'postgres'")).containsExactly("1");
        assertThat(db.query("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = '"
                + robert.replace("'", "''") + "'")).containsExactly("it's a \"comment\"; DROP TABLE victim; --");
        assertThat(db.can(db.prefix() + "Mixed Case Ünïcode", "SELECT * FROM " + quotedTable)).isTrue();
    }
}
