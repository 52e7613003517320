package io.strata.orchestration.layer;

import static io.strata.orchestration.layer.OrchestrationPlatform.cronJob;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The live state keeps each pipeline's latest {@link RecentRuns#RECENT} runs of any status, newest
 * first, for the pipelines page's timeline; the usual duration still counts successful runs only.
 * On the embedded PostgreSQL and on the MariaDB server.
 */
@ParameterizedClass
@EnumSource(Harness.Kind.class)
class RecentRunsTest {

    private static final Instant FIRST = Instant.parse("2026-10-01T03:00:00Z");

    @Parameter
    Harness.Kind kind;

    @TempDir
    Path root;

    private OrchestrationPlatform p;
    private RunStore runs;

    @BeforeEach
    void customersScheduledNightly() {
        p = new OrchestrationPlatform(root, kind, new TestClock(FIRST));
        p.pipeline("customers");
        p.write("k8s/customers-cronjob.yaml", cronJob("customers-enrichment", "customers", "0 3 * * *", ""));
        p.apply("commit-1");
        runs = RunStore.on(Database.of(p.database().displayUrl(), null, null));
    }

    @AfterEach
    void dropDatabase() throws Exception {
        p.close();
    }

    private void run(String pipeline, String id, Instant started, Duration took, RunStatus status) {
        RunRecord start = RunRecord.started(id, pipeline, "img", Trigger.SCHEDULE, "host", 1, started);
        runs.start(start);
        if (status != RunStatus.RUNNING) {
            runs.finish(start.ended(started.plus(took), status, status == RunStatus.FAILED ? "boom" : null,
                    Map.of("raw.customers", 10L), Map.of("marts.customers", 9L)));
        }
    }

    @Test
    void keepsTheLatestTwentyRunsOfEachPipelineWhateverTheirStatus() {
        // 25 nightly runs of customers: every fifth failed (1 s), the others succeeded in 10 + i seconds; then one running.
        for (int i = 0; i < 25; i++) {
            run("customers", "c" + i, FIRST.plus(Duration.ofDays(i)), Duration.ofSeconds(i % 5 == 4 ? 1 : 10 + i),
                    i % 5 == 4 ? RunStatus.FAILED : RunStatus.SUCCEEDED);
        }
        run("customers", "c25", FIRST.plus(Duration.ofDays(25)), null, RunStatus.RUNNING);
        run("orders", "o0", FIRST, Duration.ofSeconds(3), RunStatus.FAILED);
        p.clock.set(FIRST.plus(Duration.ofDays(26)));

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
