package io.strata.orchestration.layer;

import static io.strata.orchestration.layer.OrchestrationPlatform.cronJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.orchestration.testing.TestClock;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.RunRecord;
import io.strata.pipeline.run.RunStatus;
import io.strata.pipeline.run.RunStore;
import io.strata.pipeline.run.Trigger;
import io.strata.storage.testing.Harness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What observe says per scheduled pipeline, from run records written as pipelines write them
 * (through {@link RunStore}): the schedule, the next run, the last run, and the freshness of the
 * tables it writes, and the latest runs the pipelines page draws. On the embedded PostgreSQL and on the
 * MariaDB server.
 */
@ParameterizedClass
@EnumSource(Harness.Kind.class)
class OrchestrationObserveTest {

    static final Instant APPLIED = Instant.parse("2026-11-24T12:00:00Z");

    @Parameter
    Harness.Kind kind;

    @TempDir
    Path root;

    private OrchestrationPlatform p;
    private RunStore runs;

    @BeforeEach
    void customersScheduledNightly() {
        p = new OrchestrationPlatform(root, kind, new TestClock(APPLIED));
        p.pipeline("customers");
        p.write("k8s/customers-cronjob.yaml", cronJob("customers-enrichment", "customers", "0 3 * * *", ""));
        p.apply("commit-1");
        runs = RunStore.on(Database.of(p.database().displayUrl(), null, null));
    }

    @AfterEach
    void dropDatabase() throws Exception {
        p.close();
    }

    private void run(String id, Instant started, Duration took, RunStatus status, long read, long wrote, String error) {
        RunRecord start = RunRecord.started(id, "customers", "customers@sha256:0", Trigger.SCHEDULE, "host", 1, started);
        runs.start(start);
        runs.finish(start.ended(started.plus(took), status, error, read == 0 ? Map.of() : Map.of("raw.customers", read),
                wrote == 0 ? Map.of() : Map.of("marts.customers", wrote)));
    }

    private String line() {
        LayerStatus status = p.observe();
        assertThat(status.state()).isEqualTo(LayerStatus.State.IN_SYNC);
        return status.details().get(0);
    }

    @Test
    void beforeAnyRunTheTableIsNotWrittenYetAndThenStale() {
        p.clock.set(Instant.parse("2026-11-25T02:00:00Z"));
        assertThat(line()).isEqualTo("customers: customers-enrichment  0 3 * * * (UTC)  next 2026-11-25 03:00"
                + "  never run  marts.customers not written yet");

        p.clock.set(Instant.parse("2026-11-26T03:00:01Z"));
        assertThat(line()).endsWith("never run  marts.customers stale (never written)");
    }

    @Test
    void showsTheLastRunTheNextRunAndFreshness() {
        run("r1", Instant.parse("2026-11-25T03:00:00Z"), Duration.ofSeconds(5), RunStatus.SUCCEEDED, 9_000, 8_900, null);
        run("r2", Instant.parse("2026-11-26T03:00:02Z"), Duration.ofMillis(4_100), RunStatus.SUCCEEDED, 10_000, 9_500,
                null);
        p.clock.set(Instant.parse("2026-11-27T00:00:00Z"));

        assertThat(line()).isEqualTo("customers: customers-enrichment  0 3 * * * (UTC)  next 2026-11-27 03:00"
                + "  last run succeeded 2026-11-26 03:00:02 (4.1 s, scheduled, read 10,000, wrote 9,500)"
                + "  marts.customers fresh (20 h old)");
        assertThat(p.observe().summary()).isEqualTo("1 CronJob(s) on the local scheduler");
    }

    @Test
    void aFailedRunIsShownWithItsErrorAndTwoMissedRunsMakeTheTableStale() {
        run("r1", Instant.parse("2026-11-25T03:00:00Z"), Duration.ofSeconds(5), RunStatus.SUCCEEDED, 9_000, 8_900, null);
        run("r2", Instant.parse("2026-11-26T03:00:00Z"), Duration.ofSeconds(1), RunStatus.FAILED, 0, 0,
                "writing marts.customers (replace): connection refused — nothing was written\n  at ...");

        // Two scheduled times (26th and 27th, 03:00) plus the usual 5 s have passed since the last write.
        p.clock.set(Instant.parse("2026-11-27T03:00:06Z"));

        LayerStatus status = p.observe();
        assertThat(status.details().get(0)).isEqualTo("customers: customers-enrichment  0 3 * * * (UTC)"
                + "  next 2026-11-28 03:00  last run failed 2026-11-26 03:00:00 (1.0 s, scheduled, read 0, wrote 0):"
                + " writing marts.customers (replace): connection refused — nothing was written"
                + "  marts.customers stale (2 d old)");
        assertThat(status.summary()).isEqualTo("1 CronJob(s) on the local scheduler, 1 stale table(s)");

        p.clock.set(Instant.parse("2026-11-27T03:00:04Z"));
        assertThat(line()).endsWith("marts.customers fresh (47 h old)");
    }

    @Test
    void aRunningRunAndASuspendedScheduleAreSaidSo() {
        p.write("k8s/customers-cronjob.yaml", cronJob("customers-enrichment", "customers", "0 3 * * *",
                "  suspend: true\n  timeZone: Europe/Berlin\n"));
        p.apply("commit-2");
        runs.start(RunRecord.started("r1", "customers", "img", Trigger.MANUAL, "host", 1,
                Instant.parse("2026-11-24T12:30:00Z")));
        p.clock.set(Instant.parse("2026-11-24T12:31:00Z"));

        assertThat(line()).isEqualTo("customers: customers-enrichment  0 3 * * * (Europe/Berlin)  suspended"
                + "  running since 2026-11-24 13:30:00 (manual)  marts.customers not written yet");
    }

    private void record(String pipeline, String id, Instant started, Duration took, RunStatus status) {
        RunRecord start = RunRecord.started(id, pipeline, "img", Trigger.SCHEDULE, "host", 1, started);
        runs.start(start);
        if (status != RunStatus.RUNNING) {
            runs.finish(start.ended(started.plus(took), status, status == RunStatus.FAILED ? "boom" : null,
                    Map.of("raw.customers", 10L), Map.of("marts.customers", 9L)));
        }
    }

    /**
     * The live state keeps each pipeline's latest {@link RecentRuns#RECENT} runs of any status,
     * newest first, for the pipelines page's timeline; the usual duration still counts successes only.
     */
    @Test
    void keepsTheLatestTwentyRunsOfEachPipelineWhateverTheirStatus() {
        // 25 nightly runs of customers: every fifth failed (1 s), the others succeeded in 10 + i seconds; then one running.
        for (int i = 0; i < 25; i++) {
            record("customers", "c" + i, APPLIED.plus(Duration.ofDays(i)), Duration.ofSeconds(i % 5 == 4 ? 1 : 10 + i),
                    i % 5 == 4 ? RunStatus.FAILED : RunStatus.SUCCEEDED);
        }
        record("customers", "c25", APPLIED.plus(Duration.ofDays(25)), null, RunStatus.RUNNING);
        record("orders", "o0", APPLIED, Duration.ofSeconds(3), RunStatus.FAILED);
        p.clock.set(APPLIED.plus(Duration.ofDays(26)));

        LiveSchedules live = p.layer().observe(new Target("dev", p.database()));
        RecentRuns recent = live.runs();

        assertThat(recent.history("customers")).hasSize(RecentRuns.RECENT)
                .extracting(RecentRuns.Run::runId).startsWith("c25", "c24", "c23").endsWith("c6");
        assertThat(recent.history("customers")).extracting(RecentRuns.Run::status)
                .startsWith("running", "failed", "succeeded");
        assertThat(recent.history("customers").get(2)).satisfies(r -> {
            assertThat(r.duration()).isEqualTo(Duration.ofSeconds(33));
            assertThat(r.rowsRead()).isEqualTo(10);
            assertThat(r.rowsWritten()).isEqualTo(9);
            assertThat(r.triggerLabel()).isEqualTo("scheduled");
        });
        assertThat(recent.latest("customers")).map(RecentRuns.Run::status).hasValue("running");
        assertThat(recent.history("orders")).extracting(RecentRuns.Run::runId).containsExactly("o0");
        assertThat(recent.history("billing")).isEmpty();
        // The five latest successes (c23, c22, c21, c20, c18) make the usual duration: their median, c21's 31 s.
        assertThat(recent.usualDuration("customers")).isEqualTo(Duration.ofSeconds(31));
        assertThat(live.zone()).isEqualTo(p.clock.getZone());
    }
}
