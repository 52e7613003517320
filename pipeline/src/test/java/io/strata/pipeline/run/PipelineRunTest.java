package io.strata.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.pipeline.TestDatabase;
import io.strata.pipeline.jdbc.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pipeline.run: exit codes, and the run record it leaves in the platform database, on both dialects. */
class PipelineRunTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);

    static Map<String, String> environment(TestDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put(Environment.DATABASE_URL, db.url());
        env.put(Environment.DATABASE_USER, db.user());
        env.put(Environment.TRIGGER, "schedule");
        env.put(Environment.IMAGE, "registry.example/customers:abc123");
        env.put("HOSTNAME", "customers-28871234-x7k2p");
        return env;
    }

    static String table(TestDatabase db, String name) {
        return (db.kind() == TestDatabase.Kind.POSTGRES ? "public." : db.schema() + ".") + name;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSuccessfulRunIsRecordedWithItsTablesAndRows(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            db.execute("CREATE TABLE source_rows (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                    "CREATE TABLE target_rows (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO source_rows VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            Map<String, String> env = environment(db);
            env.put(Environment.RUN_ID, "run-ok-1");

            int exit = Pipeline.named("copier").run(run -> {
                Database d = run.database();
                run.write(d.table(table(db, "source_rows")).filter(r -> r.getLong("id") > 1),
                        d.replace(table(db, "target_rows")));
            }, Environment.of(env), CLOCK);

            assertThat(exit).isEqualTo(Pipeline.SUCCEEDED);
            RunRecord run = RunStore.on(db.database()).find("run-ok-1").orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.pipeline()).isEqualTo("copier");
            assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULE);
            assertThat(run.image()).isEqualTo("registry.example/customers:abc123");
            assertThat(run.host()).isEqualTo("customers-28871234-x7k2p");
            assertThat(run.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(run.startedAt()).isEqualTo(CLOCK.instant());
            assertThat(run.endedAt()).isEqualTo(CLOCK.instant());
            assertThat(run.rowsRead()).isEqualTo(3);
            assertThat(run.rowsWritten()).isEqualTo(2);
            assertThat(run.reads()).isEqualTo(Map.of(table(db, "source_rows"), 3L));
            assertThat(run.writes()).isEqualTo(Map.of(table(db, "target_rows"), 2L));
            assertThat(run.error()).isNull();
            assertThat(db.count("target_rows")).isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void aPipelineMayReadOneDatabaseAndWriteAnother() {
        try (TestDatabase platform = TestDatabase.postgres(); TestDatabase crm = TestDatabase.mariadb()) {
            crm.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(20), created DATETIME(6))",
                    "INSERT INTO accounts VALUES (1, 'Acme 🎉', '2026-01-15 10:30:00.123456'), (2, NULL, NULL)");
            platform.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name text, created timestamp)");
            Map<String, String> env = environment(platform);
            env.put(Environment.RUN_ID, "run-two-databases");
            env.put("STRATA_DATABASE_CRM_URL", crm.url());
            env.put("STRATA_DATABASE_CRM_USER", crm.user());

            int exit = Pipeline.named("crm-import").run(run -> run.write(run.database("crm").table(crm.schema()
                    + ".accounts"), run.database().replace("public.accounts")), Environment.of(env), CLOCK);

            assertThat(exit).isEqualTo(Pipeline.SUCCEEDED);
            assertThat(platform.column("SELECT concat_ws('|', id, name, created) FROM accounts ORDER BY id"))
                    .containsExactly("1|Acme 🎉|2026-01-15 10:30:00.123456", "2");
            RunRecord run = RunStore.on(platform.database()).find("run-two-databases").orElseThrow();
            assertThat(run.reads()).isEqualTo(Map.of(crm.schema() + ".accounts", 2L));
            assertThat(run.writes()).isEqualTo(Map.of("public.accounts", 2L));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aQueryIsRecordedUnderEveryTableItNames(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT)",
                    "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                    "CREATE TABLE target_rows (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO customers VALUES (1, 'a'), (2, 'b')",
                    "INSERT INTO orders VALUES (10, 1), (11, 2), (12, 2)");
            Map<String, String> env = environment(db);
            env.put(Environment.RUN_ID, "run-query-1");

            int exit = Pipeline.named("joiner").run(run -> {
                Database d = run.database();
                run.write(d.query("SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id",
                        table(db, "orders"), table(db, "customers")), d.append(table(db, "target_rows")));
            }, Environment.of(env), CLOCK);

            assertThat(exit).isEqualTo(Pipeline.SUCCEEDED);
            RunRecord run = RunStore.on(db.database()).find("run-query-1").orElseThrow();
            // Not "query on a, b": lineage compares these names with the tables a CronJob declares.
            assertThat(run.reads()).isEqualTo(Map.of(table(db, "orders"), 3L, table(db, "customers"), 3L));
            assertThat(run.writes()).isEqualTo(Map.of(table(db, "target_rows"), 3L));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedRunIsRecordedWithItsErrorAndNothingWritten(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            db.execute("CREATE TABLE source_rows (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                    "CREATE TABLE target_rows (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO source_rows VALUES (1, 'a'), (2, 'b'), (3, 'c')",
                    "INSERT INTO target_rows VALUES (7, 'old')");
            Map<String, String> env = environment(db);
            env.put(Environment.RUN_ID, "run-failed-1");
            env.remove(Environment.TRIGGER);

            int exit = Pipeline.named("copier").run(run -> {
                Database d = run.database();
                run.write(d.table(table(db, "source_rows")).filter(r -> {
                    if (r.getLong("id") == 3) {
                        throw new IllegalStateException("customer 3 has no name");
                    }
                    return true;
                }), d.replace(table(db, "target_rows")));
            }, Environment.of(env), CLOCK);

            assertThat(exit).isEqualTo(Pipeline.FAILED);
            RunRecord run = RunStore.on(db.database()).find("run-failed-1").orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.trigger()).isEqualTo(Trigger.MANUAL);
            assertThat(run.error()).contains("customer 3 has no name").contains("nothing was written");
            assertThat(run.reads()).containsOnlyKeys(table(db, "source_rows"));
            assertThat(run.writes()).isEmpty();
            assertThat(run.rowsWritten()).isZero();
            assertThat(db.column("SELECT name FROM target_rows")).containsExactly("old");
            assertThat(RunStore.on(db.database()).latest("copier", 10)).extracting(RunRecord::runId)
                    .containsExactly("run-failed-1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theBodysExceptionFailsTheRunEvenWhenNothingWasRead(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            Map<String, String> env = environment(db);
            env.put(Environment.RUN_ID, "run-failed-2");
            int exit = Pipeline.named("broken").run(run -> {
                throw new java.io.IOException("the input file is gone");
            }, Environment.of(env), CLOCK);
            assertThat(exit).isEqualTo(Pipeline.FAILED);
            RunRecord run = RunStore.on(db.database()).find("run-failed-2").orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).isEqualTo("the input file is gone");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void missingOrWrongSettingsStopTheRunBeforeItStarts(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            Map<String, String> wrongTrigger = environment(db);
            wrongTrigger.put(Environment.TRIGGER, "nightly");
            Map<String, String> noUrl = environment(db);
            noUrl.remove(Environment.DATABASE_URL);
            Map<String, String> badInterval = environment(db);
            badInterval.put(Environment.PROGRESS_SECONDS, "0");
            for (Map<String, String> env : java.util.List.of(wrongTrigger, noUrl, badInterval)) {
                assertThat(Pipeline.named("copier").run(run -> { }, Environment.of(env), CLOCK))
                        .isEqualTo(Pipeline.MISCONFIGURED);
            }
            assertThat(RunStore.on(db.database()).latest("copier", 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnreachablePlatformDatabaseFailsTheRun(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            Map<String, String> env = environment(db);
            env.put(Environment.DATABASE_URL, db.url() + "_does_not_exist");
            boolean[] ran = {false};
            assertThat(Pipeline.named("copier").run(run -> ran[0] = true, Environment.of(env), CLOCK))
                    .isEqualTo(Pipeline.FAILED);
            assertThat(ran[0]).isFalse();
        }
    }
}
