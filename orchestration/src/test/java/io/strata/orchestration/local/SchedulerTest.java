package io.strata.orchestration.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.orchestration.cronjob.ConcurrencyPolicy;
import io.strata.orchestration.cronjob.CronJobSchedule;
import io.strata.orchestration.cronjob.RestartPolicy;
import io.strata.orchestration.cronjob.RetryPolicy;
import io.strata.orchestration.testing.TestClock;
import io.strata.orchestration.testing.TestJars;
import io.strata.orchestration.testing.TestMain;
import io.strata.pipeline.run.RunRecord;
import io.strata.storage.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's decisions under an injected clock, with real child JVMs (stand-in pipelines that
 * record themselves through the pipeline library) and real state on the PostgreSQL server: the test
 * moves the clock and calls {@link Scheduler#tick()}, and waits for runs to end where it needs them ended.
 */
class SchedulerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RetryPolicy NO_RETRY = new RetryPolicy(0, RestartPolicy.NEVER, Optional.empty());

    @TempDir
    Path root;

    private final TestClock clock = new TestClock(T0);
    private final List<String> lines = new ArrayList<>();
    private final List<Scheduler> schedulers = new ArrayList<>();
    private TestDatabase db;
    private SchedulerStore store;
    private PipelineLauncher launcher;

    @BeforeEach
    void setUp() {
        db = TestDatabase.onServer();
        store = new SchedulerStore(db.database());
        launcher = new PipelineLauncher(root, root.resolve(".strata/test"),
                new RunDatabase(db.url(), db.url(), null, null), MavenBuild.from(System.getenv()), ChildRun.DEFAULT_LOG_CAP);
    }

    @AfterEach
    void tearDown() {
        for (Scheduler scheduler : schedulers) {
            scheduler.running().forEach(run -> run.child().kill(Duration.ofSeconds(1)));
        }
        db.close();
    }

    @Test
    void aDueTimeRunsOnceAsAScheduledRunAndItsEndIsRecorded() throws Exception {
        Scheduler scheduler = scheduler(cronJob("every-five", standIn("ok", "pipeline:ok"), "*/5 * * * *"));
        assertThat(scheduler.tick()).isEqualTo(Instant.parse("2026-01-01T00:05:00.1Z"));
        assertThat(decisions("every-five")).isEmpty();

        clock.set(Instant.parse("2026-01-01T00:05:00.1Z"));
        scheduler.tick();
        scheduler.tick();
        assertThat(decisions("every-five")).containsExactly("run 2026-01-01T00:05:00Z");
        awaitRuns(scheduler);
        clock.set(Instant.parse("2026-01-01T00:05:03Z"));
        scheduler.tick();

        assertThat(decisions("every-five")).containsExactly("run 2026-01-01T00:05:00Z", "succeeded 2026-01-01T00:05:00Z");
        RunRecord record = onlyRecord("stand-in");
        assertThat(record.trigger().value()).isEqualTo("schedule");
        assertThat(record.status().value()).isEqualTo("succeeded");
        assertThat(store.load("every-five").orElseThrow().lastScheduleTime()).contains(Instant.parse("2026-01-01T00:05:00Z"));
        assertThat(store.load("every-five").orElseThrow().active()).isEmpty();
    }

    @Test
    void forbidNeverOverlapsAndTheWaitingTimeStartsWhenTheActiveRunEnds() throws Exception {
        Path release = root.resolve("release");
        Scheduler scheduler = scheduler(cronJob("forbid", standIn("slow", "pipeline:wait:" + release), "*/5 * * * *")
                .withSchedule(CronJobSchedule.of("*/5 * * * *").withConcurrencyPolicy(ConcurrencyPolicy.FORBID)));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:05:00.1Z"));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:10:00.1Z"));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:10:30Z"));
        scheduler.tick();
        assertThat(scheduler.running()).hasSize(1);
        assertThat(decisions("forbid")).containsExactly("run 2026-01-01T00:05:00Z", "skip 2026-01-01T00:10:00Z");

        Files.writeString(release, "go");
        awaitRuns(scheduler);
        clock.set(Instant.parse("2026-01-01T00:11:00Z"));
        scheduler.tick();
        assertThat(decisions("forbid")).containsExactly("run 2026-01-01T00:05:00Z", "skip 2026-01-01T00:10:00Z",
                "succeeded 2026-01-01T00:05:00Z", "run 2026-01-01T00:10:00Z");
        assertThat(store.decisions("forbid").get(1).message()).startsWith("forbid_concurrent: run ");
    }

    @Test
    void replaceKillsTheActiveRunWithItsProcessesBeforeStartingTheNext() throws Exception {
        Scheduler scheduler = scheduler(cronJob("replace", standIn("stuck", "pipeline:hang"), "*/5 * * * *")
                .withSchedule(CronJobSchedule.of("*/5 * * * *").withConcurrencyPolicy(ConcurrencyPolicy.REPLACE)));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:05:00.1Z"));
        scheduler.tick();
        ProcessHandle first = scheduler.running().get(0).child().process();
        clock.set(Instant.parse("2026-01-01T00:10:00.1Z"));
        scheduler.tick();

        assertThat(first.isAlive()).isFalse();
        assertThat(scheduler.running()).hasSize(1);
        assertThat(decisions("replace")).containsExactly("run 2026-01-01T00:05:00Z", "stop 2026-01-01T00:05:00Z",
                "run 2026-01-01T00:10:00Z");
        assertThat(store.decisions("replace").get(1).message())
                .startsWith("killed: replaced by the run for 2026-01-01T00:10:00Z (concurrencyPolicy Replace)");
    }

    @Test
    void afterDowntimeTheMissedTimesRunOnceNotOncePerTime() throws Exception {
        ScheduledCronJob cronJob = cronJob("hourly", standIn("ok", "pipeline:ok"), "*/5 * * * *");
        Scheduler before = scheduler(cronJob);
        before.tick();
        clock.set(Instant.parse("2026-01-01T00:05:00.1Z"));
        before.tick();
        awaitRuns(before);
        clock.set(Instant.parse("2026-01-01T00:05:05Z"));
        before.tick();

        clock.set(Instant.parse("2026-01-01T03:02:00Z")); // down for three hours: 35 schedule times missed
        Scheduler after = scheduler(cronJob);
        after.tick();
        after.tick();
        awaitRuns(after);
        clock.set(Instant.parse("2026-01-01T03:02:05Z"));
        after.tick();

        assertThat(decisions("hourly")).containsExactly("run 2026-01-01T00:05:00Z", "succeeded 2026-01-01T00:05:00Z",
                "run 2026-01-01T03:00:00Z", "succeeded 2026-01-01T03:00:00Z");
        assertThat(store.load("hourly").orElseThrow().creationTime()).isEqualTo(T0);
    }

    @Test
    void aRestartedSchedulerWatchesTheRunALostOneLeftRunningAndDoesNotOverlapIt() throws Exception {
        ScheduledCronJob cronJob = cronJob("inherited", standIn("stuck", "pipeline:hang"), "*/5 * * * *")
                .withSchedule(CronJobSchedule.of("*/5 * * * *").withConcurrencyPolicy(ConcurrencyPolicy.FORBID));
        Scheduler lost = scheduler(cronJob); // killed -9, say: it never stops its run
        lost.tick();
        clock.set(Instant.parse("2026-01-01T00:05:00.1Z"));
        lost.tick();
        StartedRun orphan = lost.running().get(0);

        clock.set(Instant.parse("2026-01-01T00:10:00.1Z"));
        Scheduler restarted = scheduler(cronJob);
        restarted.tick();
        assertThat(lines).anyMatch(line -> line.contains("inherited: watching run " + orphan.runId()));
        assertThat(decisions("inherited")).containsExactly("run 2026-01-01T00:05:00Z", "skip 2026-01-01T00:10:00Z");

        orphan.child().kill(Duration.ofSeconds(5));
        clock.set(Instant.parse("2026-01-01T00:10:30Z"));
        restarted.tick();
        assertThat(decisions("inherited")).containsExactly("run 2026-01-01T00:05:00Z", "skip 2026-01-01T00:10:00Z",
                "fail 2026-01-01T00:05:00Z", "run 2026-01-01T00:10:00Z");
        assertThat(store.decisions("inherited").get(2).message())
                .isEqualTo("attempt 1 exited 1; not retried: a previous scheduler counted its attempts");
    }

    @Test
    void aFailingRunIsRetriedWithDoublingBackoffUpToTheBackoffLimit() throws Exception {
        Scheduler scheduler = scheduler(cronJob("flaky", standIn("bad", "pipeline:fail"), "*/5 * * * *")
                .withRetry(new RetryPolicy(2, RestartPolicy.NEVER, Optional.empty())));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:05:00Z"));
        scheduler.tick();
        awaitRuns(scheduler);
        clock.set(Instant.parse("2026-01-01T00:05:01Z"));
        assertThat(scheduler.tick()).isEqualTo(Instant.parse("2026-01-01T00:05:11Z"));
        clock.set(Instant.parse("2026-01-01T00:05:10Z"));
        scheduler.tick();
        assertThat(scheduler.running()).isEmpty();
        clock.set(Instant.parse("2026-01-01T00:05:11Z"));
        scheduler.tick();
        awaitRuns(scheduler);
        clock.set(Instant.parse("2026-01-01T00:05:12Z"));
        assertThat(scheduler.tick()).isEqualTo(Instant.parse("2026-01-01T00:05:32Z"));
        clock.set(Instant.parse("2026-01-01T00:05:32Z"));
        scheduler.tick();
        awaitRuns(scheduler);
        clock.set(Instant.parse("2026-01-01T00:05:33Z"));
        scheduler.tick();

        assertThat(decisions("flaky")).containsExactly("run 2026-01-01T00:05:00Z", "retry 2026-01-01T00:05:00Z",
                "run 2026-01-01T00:05:00Z", "retry 2026-01-01T00:05:00Z", "run 2026-01-01T00:05:00Z",
                "fail 2026-01-01T00:05:00Z");
        List<SchedulerDecision> recorded = store.decisions("flaky");
        assertThat(recorded.get(1).message()).startsWith("attempt 1 exited 1").contains(
                "attempt 2 at 2026-01-01T00:05:11Z (backoff 10 s)");
        assertThat(recorded.get(3).message()).contains("attempt 3 at 2026-01-01T00:05:32Z (backoff 20 s)");
        assertThat(recorded.get(5).message()).contains("backoffLimit 2 reached (BackoffLimitExceeded)");
        assertThat(launcher.runStore().latest("stand-in", 10)).extracting(r -> r.trigger().value() + " " + r.status().value())
                .containsExactlyInAnyOrder("schedule failed", "retry failed", "retry failed");
    }

    @Test
    void aRunPastActiveDeadlineSecondsIsKilled() throws Exception {
        Scheduler scheduler = scheduler(cronJob("bounded", standIn("stuck", "pipeline:hang"), "*/5 * * * *")
                .withRetry(new RetryPolicy(6, RestartPolicy.NEVER, Optional.of(60L))));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:05:00Z"));
        scheduler.tick();
        ProcessHandle run = scheduler.running().get(0).child().process();
        clock.set(Instant.parse("2026-01-01T00:05:30Z"));
        assertThat(scheduler.tick()).isEqualTo(Instant.parse("2026-01-01T00:06:00Z"));
        assertThat(run.isAlive()).isTrue();
        clock.set(Instant.parse("2026-01-01T00:06:00Z"));
        scheduler.tick();

        assertThat(run.isAlive()).isFalse();
        assertThat(decisions("bounded")).containsExactly("run 2026-01-01T00:05:00Z", "deadline 2026-01-01T00:05:00Z");
        assertThat(store.decisions("bounded").get(1).message())
                .startsWith("killed: activeDeadlineSeconds (60 s) exceeded (DeadlineExceeded)");
    }

    @Test
    void aSuspendedCronJobRunsNothingAndSaysSoOnce() throws Exception {
        ScheduledCronJob cronJob = cronJob("paused", standIn("ok", "pipeline:ok"), "*/5 * * * *");
        Scheduler scheduler = scheduler(cronJob.withSchedule(cronJob.schedule().withSuspend(true)));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:05:00.1Z"));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:10:00.1Z"));
        scheduler.tick();

        assertThat(scheduler.running()).isEmpty();
        assertThat(decisions("paused")).containsExactly("skip -");
        assertThat(store.decisions("paused").get(0).message()).startsWith("suspended: ");
    }

    @Test
    void aTimeMissedByMoreThanStartingDeadlineSecondsIsSkippedAndTheNextRuns() throws Exception {
        ScheduledCronJob cronJob = cronJob("punctual", standIn("ok", "pipeline:ok"), "*/5 * * * *");
        Scheduler scheduler = scheduler(cronJob.withSchedule(cronJob.schedule().withStartingDeadlineSeconds(60)));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:07:00Z"));
        scheduler.tick();
        clock.set(Instant.parse("2026-01-01T00:10:30Z"));
        scheduler.tick();
        awaitRuns(scheduler);

        assertThat(decisions("punctual")).containsExactly("skip 2026-01-01T00:05:00Z", "run 2026-01-01T00:10:00Z");
        assertThat(store.decisions("punctual").get(0).message()).startsWith("missed_starting_deadline: ");
    }

    @Test
    void theLoopSleepsThroughItsSeamUntilTheNextTimeAndStopsWhenAsked() throws Exception {
        List<Duration> sleeps = new ArrayList<>();
        Scheduler[] holder = new Scheduler[1];
        Sleeper sleeper = (duration, wakeup) -> {
            sleeps.add(duration);
            clock.advance(duration);
            if (sleeps.size() == 3) {
                holder[0].stop();
            }
        };
        ScheduledCronJob looped = cronJob("looped", standIn("ok", "pipeline:ok"), "*/5 * * * *");
        holder[0] = new Scheduler(() -> List.of(looped), launcher,
                store, clock, sleeper, new Scheduler.Options(Duration.ofSeconds(5), Duration.ofSeconds(60),
                        Duration.ofHours(1)), lines::add);
        holder[0].run();

        assertThat(sleeps).containsExactly(Duration.parse("PT5M0.1S"), Duration.parse("PT5M"), Duration.parse("PT5M"));
        assertThat(decisions("looped")).containsExactly("run 2026-01-01T00:05:00Z", "run 2026-01-01T00:10:00Z",
                "succeeded 2026-01-01T00:05:00Z", "succeeded 2026-01-01T00:10:00Z");
        assertThat(store.decisions(Scheduler.SELF)).extracting(SchedulerDecision::message)
                .containsExactly("stopping: 2 run(s) running get up to 60 s to finish, then are killed", "stopped");
        assertThat(holder[0].awaitStopped(Duration.ZERO)).isTrue();
    }

    private Scheduler scheduler(ScheduledCronJob... cronJobs) {
        Scheduler scheduler = new Scheduler(() -> List.of(cronJobs), launcher, store, clock,
                (duration, wakeup) -> {
                    throw new AssertionError("these tests move the clock themselves");
                }, new Scheduler.Options(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofHours(1)), lines::add);
        schedulers.add(scheduler);
        return scheduler;
    }

    private static ScheduledCronJob cronJob(String name, String pipeline, String schedule) {
        return new ScheduledCronJob(name, pipeline, CronJobSchedule.of(schedule), NO_RETRY);
    }

    /** pipelines/NAME running TestMain in {@code mode}; returns NAME. */
    private String standIn(String name, String mode) throws Exception {
        TestJars.pipeline(root, name, TestMain.class);
        Files.writeString(root.resolve("pipelines").resolve(name).resolve("test-mode"), mode);
        return name;
    }

    private static void awaitRuns(Scheduler scheduler) throws InterruptedException {
        for (StartedRun run : scheduler.running()) {
            assertThat(run.child().waitFor(Duration.ofMinutes(1))).as("run " + run.runId() + " ended").isTrue();
        }
    }

    private List<String> decisions(String cronJob) {
        return store.decisions(cronJob).stream().map(d -> d.kind().value() + " "
                + d.scheduledTime().map(Instant::toString).orElse("-")).toList();
    }

    private RunRecord onlyRecord(String pipeline) {
        List<RunRecord> records = launcher.runStore().latest(pipeline, 10);
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
